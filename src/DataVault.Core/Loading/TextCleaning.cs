namespace DataVault.Core.Loading;

/// <summary>
/// Standard clean-ups of a column's raw text before its length and type are checked (<see cref="SourceMapping.Clean(string, TextCleaning)"/>).
/// Combined, they run in this order: trim, collapse, case, then empty-to-NULL.
/// </summary>
[Flags]
public enum TextCleaning
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Removes leading and trailing white space (<see cref="string.Trim()"/>: spaces, tabs, line breaks, other Unicode white space).</summary>
    Trim = 1,

    /// <summary>Replaces every run of white space inside the value with one space.</summary>
    CollapseWhitespace = 2,

    /// <summary>Upper case, culture-invariant (<see cref="string.ToUpperInvariant"/>).</summary>
    Upper = 4,

    /// <summary>Lower case, culture-invariant (<see cref="string.ToLowerInvariant"/>).</summary>
    Lower = 8,

    /// <summary>An empty value after the other steps becomes NULL (e.g. a field of blanks with <see cref="Trim"/>).</summary>
    EmptyToNull = 16,
}

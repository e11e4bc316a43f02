namespace DataVault.Core.Hashing;

/// <summary>Which characters are removed from both ends of each part.</summary>
public enum TrimRule
{
    /// <summary>Nothing is trimmed.</summary>
    None = 0,

    /// <summary>
    /// Leading and trailing U+0020 spaces only: what SQL <c>TRIM(x)</c> removes. Tabs, line breaks and other
    /// white space stay.
    /// </summary>
    Spaces = 1,
}

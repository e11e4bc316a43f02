using System.Text;

namespace DataVault.Core.Loading;

/// <summary>
/// What is done to one column's raw text before it is typed: the standard steps, then the delegates in the order they
/// were declared (<see cref="SourceMapping.Clean(string, Func{string, string})"/>), then empty-to-NULL if asked.
/// </summary>
public sealed class ColumnCleaning
{
    private readonly List<Func<string, string?>> _transforms = [];

    internal ColumnCleaning(string column) => Column = column;

    /// <summary>The model column it applies to.</summary>
    public string Column { get; }

    /// <summary>The standard steps.</summary>
    public TextCleaning Steps { get; private set; }

    /// <summary>The delegates, in declaration order.</summary>
    public IReadOnlyList<Func<string, string?>> Transforms => _transforms;

    /// <summary>Cleans one value.</summary>
    /// <param name="value">The raw text.</param>
    /// <returns>The cleaned text, or <see langword="null"/> for NULL.</returns>
    public string? Apply(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string? text = value;
        if (Steps.HasFlag(TextCleaning.Trim))
        {
            text = text.Trim();
        }

        if (Steps.HasFlag(TextCleaning.CollapseWhitespace))
        {
            text = Collapse(text);
        }

        if (Steps.HasFlag(TextCleaning.Upper))
        {
            text = text.ToUpperInvariant();
        }
        else if (Steps.HasFlag(TextCleaning.Lower))
        {
            text = text.ToLowerInvariant();
        }

        foreach (var transform in _transforms)
        {
            if (text is null)
            {
                break;
            }

            text = transform(text);
        }

        return Steps.HasFlag(TextCleaning.EmptyToNull) && text is { Length: 0 } ? null : text;
    }

    internal void Add(TextCleaning steps)
    {
        var combined = Steps | steps;
        if (combined.HasFlag(TextCleaning.Upper) && combined.HasFlag(TextCleaning.Lower))
        {
            throw new ArgumentException($"Column '{Column}' cannot be cleaned to both upper and lower case.", nameof(steps));
        }

        Steps = combined;
    }

    internal void Add(Func<string, string?> transform) => _transforms.Add(transform);

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    builder.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                builder.Append(c);
                inSpace = false;
            }
        }

        return builder.ToString();
    }
}

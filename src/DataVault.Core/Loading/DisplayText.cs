using System.Globalization;

namespace DataVault.Core.Loading;

/// <summary>
/// Text from the data as messages and logs show it: every character that a terminal or a log viewer would act on
/// instead of showing is written as <c>\uXXXX</c> — C0 controls (NUL, ESC, tab, line breaks, …), DEL, C1 controls,
/// the line and paragraph separators U+2028/U+2029, the bidirectional marks, embeddings, overrides and isolates
/// (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069) and lone surrogates. Everything else, backslashes included,
/// is shown as it is. Only the display is escaped: the vault, the quarantine's raw row and the exception's
/// <see cref="DataVaultLoadException.Column"/> keep the original text.
/// </summary>
internal static class DisplayText
{
    /// <summary>The text with its unprintable characters escaped; the same instance when it has none.</summary>
    /// <param name="text">Text from the data (a value, a header, a parser's or a database's message).</param>
    /// <returns>The text to show.</returns>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnprintable(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsUnprintable(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Like <see cref="Of(string)"/>, <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <returns>The text to show.</returns>
    public static string? OfNullable(string? text) => text is null ? null : Of(text);

    /// <summary>Whether one UTF-16 code unit is escaped (a surrogate only when it is not half of a pair).</summary>
    /// <param name="c">The code unit.</param>
    /// <returns><see langword="true"/> for controls, separators, bidi formatting and surrogates.</returns>
    public static bool IsUnprintable(char c) => c switch
    {
        < '\u0020' or '\u007f' => true,
        >= '\u0080' and <= '\u009f' => true,
        '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => char.IsSurrogate(c),
    };

    private static int IndexOfUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnprintable(c))
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Text;

namespace DataVault.Core.Hashing;

/// <summary>
/// The upper-casing of <see cref="TextCasing.Upper"/>: Unicode's simple (one-to-one), culture-independent uppercase
/// mapping, scalar by scalar. It is <see cref="Rune.ToUpperInvariant(Rune)"/> plus the one mapping of the Unicode
/// Character Database that .NET's invariant casing leaves out, U+0131 LATIN SMALL LETTER DOTLESS I → U+0049 'I'
/// (checked over every code point). <c>ß</c> stays <c>ß</c>; the thread's culture never matters.
/// </summary>
public static class UnicodeCasing
{
    private const int DotlessI = 0x0131;

    /// <summary>Upper-cases <paramref name="text"/> into <paramref name="destination"/> (at least as long as the text).</summary>
    /// <param name="text">The text. An unpaired surrogate becomes U+FFFD, as UTF-8 encoding would write it.</param>
    /// <param name="destination">Where the result goes; never longer than the text.</param>
    /// <returns>The number of characters written.</returns>
    public static int ToUpper(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out var rune, out var consumed);
            var upper = rune.Value == DotlessI ? new Rune('I') : Rune.ToUpperInvariant(rune);
            written += upper.EncodeToUtf16(destination[written..]);
            text = text[consumed..];
        }

        return written;
    }

    /// <summary>Upper-cases a string (allocates the result).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The upper-cased text.</returns>
    public static string ToUpper(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = text.Length <= 256 ? stackalloc char[2 * text.Length] : new char[2 * text.Length];
        return new string(buffer[..ToUpper(text, buffer)]);
    }
}

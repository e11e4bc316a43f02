namespace DataVault.Core.Hashing;

/// <summary>Hexadecimal text of digests, as UTF-16 or UTF-8, in either case.</summary>
internal static class Hex
{
    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    private static ReadOnlySpan<byte> UpperDigits => "0123456789ABCDEF"u8;

    public static void Write(ReadOnlySpan<byte> source, Span<char> destination, bool upper)
    {
        _ = upper ? Convert.TryToHexString(source, destination, out _) : Convert.TryToHexStringLower(source, destination, out _);
    }

    public static void WriteUtf8(ReadOnlySpan<byte> source, Span<byte> destination, bool upper)
    {
        var digits = upper ? UpperDigits : LowerDigits;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            destination[2 * i] = digits[b >> 4];
            destination[(2 * i) + 1] = digits[b & 0xF];
        }
    }
}

using System.Globalization;

namespace DataVault.Core.Hashing;

/// <summary>
/// The canonical text of every typed value, in one place (docs/hashing.md, "Canonical text"). The SQL dialects
/// write the same formats as SQL, so the database computes the same bytes.
/// </summary>
public static class CanonicalText
{
    /// <summary>The largest number of characters any non-string, non-binary canonical text takes.</summary>
    public const int MaxScalarLength = 48;

    /// <summary>The format of a date: <c>yyyy-MM-dd</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The format of a time of day: <c>HH:mm:ss.ffffff</c> (microseconds, truncated).</summary>
    public const string TimeFormat = "HH:mm:ss.ffffff";

    /// <summary>The format of a timestamp: <c>yyyy-MM-dd HH:mm:ss.ffffff</c> (microseconds, truncated).</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    /// <summary>The largest decimal scale: that of <see cref="decimal"/>.</summary>
    public const int MaxDecimalScale = 28;

    private static readonly string[] DecimalFormats = [.. Enumerable.Range(0, MaxDecimalScale + 1).Select(s => "F" + s.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Writes an integer as invariant digits, <c>-</c> for negatives.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes; <see cref="MaxScalarLength"/> characters always suffice.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(long value, Span<char> destination) =>
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) ? written : throw TooShort(destination);

    /// <summary>
    /// Writes a decimal with exactly <paramref name="scale"/> fractional digits (<c>19.9</c>, scale 2 → <c>19.90</c>),
    /// invariant, <c>-</c> for negatives, no group separators, a leading <c>0</c> before the point, negative zero as zero.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="precision">The declared precision (total digits), 1 to 38.</param>
    /// <param name="scale">The declared scale (fractional digits), 0 to 28 and at most <paramref name="precision"/>.</param>
    /// <param name="destination">Where the text goes; <see cref="MaxScalarLength"/> characters always suffice.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The value has more fractional digits than the scale, or more integer digits than precision − scale.
    /// Values are never rounded.
    /// </exception>
    public static int Format(decimal value, int precision, int scale, Span<char> destination)
    {
        CheckDecimal(value, precision, scale);
        if (value == decimal.Zero)
        {
            value = decimal.Zero; // drops a negative sign
        }

        return value.TryFormat(destination, out var written, DecimalFormats[scale], CultureInfo.InvariantCulture) ? written : throw TooShort(destination);
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(DateOnly value, Span<char> destination) =>
        value.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture) ? written : throw TooShort(destination);

    /// <summary>Writes a time of day as <c>HH:mm:ss.ffffff</c>; ticks below a microsecond are truncated.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(TimeOnly value, Span<char> destination) =>
        value.TryFormat(destination, out var written, TimeFormat, CultureInfo.InvariantCulture) ? written : throw TooShort(destination);

    /// <summary>
    /// Writes a timestamp as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>: the wall-clock value the <see cref="DateTime"/>
    /// holds, whatever its <see cref="DateTime.Kind"/>; ticks below a microsecond are truncated.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(DateTime value, Span<char> destination)
    {
        // "O" of an unspecified DateTime is yyyy-MM-ddTHH:mm:ss.fffffff, and an order of magnitude faster than a custom format.
        Span<char> o = stackalloc char[27];
        if (!DateTime.SpecifyKind(value, DateTimeKind.Unspecified).TryFormat(o, out var n, "O", CultureInfo.InvariantCulture) || n != 27 || destination.Length < 26)
        {
            return value.TryFormat(destination, out var written, TimestampFormat, CultureInfo.InvariantCulture) ? written : throw TooShort(destination);
        }

        o[..26].CopyTo(destination);
        destination[10] = ' ';
        return 26;
    }

    /// <summary>Writes a timestamp with offset, converted to UTC first, as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(DateTimeOffset value, Span<char> destination) => Format(value.UtcDateTime, destination);

    /// <summary>Writes a boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(bool value, Span<char> destination)
    {
        var text = value ? "true" : "false";
        return text.TryCopyTo(destination) ? text.Length : throw TooShort(destination);
    }

    /// <summary>Writes a GUID in lower-case <c>D</c> form (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>).</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(Guid value, Span<char> destination) =>
        value.TryFormat(destination, out var written, "D") ? written : throw TooShort(destination);

    /// <summary>Writes binary data as upper-case hex, two characters per byte.</summary>
    /// <param name="value">The bytes.</param>
    /// <param name="destination">Where the text goes; twice the byte count.</param>
    /// <returns>The number of characters written.</returns>
    public static int Format(ReadOnlySpan<byte> value, Span<char> destination) =>
        Convert.TryToHexString(value, destination, out var written) ? written : throw TooShort(destination);

    /// <summary>Checks a decimal against a declared precision and scale without formatting it.</summary>
    /// <param name="value">The value.</param>
    /// <param name="precision">The declared precision, 1 to 38.</param>
    /// <param name="scale">The declared scale, 0 to 28 and at most <paramref name="precision"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit, or precision and scale are invalid.</exception>
    public static void CheckDecimal(decimal value, int precision, int scale)
    {
        if (precision is < 1 or > 38)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "A decimal precision must be between 1 and 38.");
        }

        if (scale < 0 || scale > MaxDecimalScale || scale > precision)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, string.Create(CultureInfo.InvariantCulture, $"A decimal scale must be between 0 and {Math.Min(precision, MaxDecimalScale)} for precision {precision}."));
        }

        if (value.Scale > scale && decimal.Round(value, scale) != value)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"The value {value} has more fractional digits than decimal({precision},{scale}) allows; hashing never rounds."));
        }

        var integerDigits = precision - scale;
        if (integerDigits < 29 && Math.Abs(decimal.Truncate(value)) >= Pow10(integerDigits))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"The value {value} has more integer digits than decimal({precision},{scale}) allows ({integerDigits})."));
        }
    }

    private static readonly decimal[] Powers = [.. Enumerable.Range(0, 29).Select(e => { var r = 1m; for (var i = 0; i < e; i++) { r *= 10m; } return r; })];

    private static decimal Pow10(int exponent) => Powers[exponent];

    private static ArgumentException TooShort(Span<char> destination) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The destination of {destination.Length} characters is too short for the canonical text."), nameof(destination));
}

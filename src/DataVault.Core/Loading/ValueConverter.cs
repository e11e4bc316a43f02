using System.Globalization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Loading;

/// <summary>
/// Turns source values into the loader's CLR value of a model type (see <see cref="StagingColumn"/>), with the
/// invariant culture, or explains why it cannot: <c>'abc' is not an integer</c>.
/// </summary>
internal static class ValueConverter
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
    private const NumberStyles DecimalStyle = IntegerStyle | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "HH:mm", "H:mm:ss", "H:mm"];

    /// <summary>Converts <paramref name="value"/>; returns the problem (without the value) or <see langword="null"/>.</summary>
    public static string? TryConvert(object? value, DataType type, out object? result)
    {
        result = null;
        if (value is null or DBNull)
        {
            return null;
        }

        return value is string text ? TryParse(text, type, out result) : TryConvertTyped(value, type, out result);
    }

    private static string? TryParse(string text, DataType type, out object? result)
    {
        result = null;
        var span = text.AsSpan();
        if (type.Kind is not (DataTypeKind.String or DataTypeKind.Text) && span.Contains('\0'))
        {
            // .NET's number parsing stops at a NUL and ignores the rest: "1\0" would load as 1, "1\0abc" too.
            return "contains a NUL character (U+0000)";
        }

        switch (type.Kind)
        {
            case DataTypeKind.String:
                result = text;
                return text.Length > type.Length ? string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters long; the column holds at most {type.Length}") : null;
            case DataTypeKind.Text:
                result = text;
                return null;
            case DataTypeKind.Int:
                if (int.TryParse(span, IntegerStyle, CultureInfo.InvariantCulture, out var i))
                {
                    result = i;
                    return null;
                }

                return long.TryParse(span, IntegerStyle, CultureInfo.InvariantCulture, out _) ? "is outside the range of INT" : "is not an integer";
            case DataTypeKind.BigInt:
                if (long.TryParse(span, IntegerStyle, CultureInfo.InvariantCulture, out var l))
                {
                    result = l;
                    return null;
                }

                return "is not an integer (BIGINT)";
            case DataTypeKind.Decimal:
                if (!decimal.TryParse(span, DecimalStyle, CultureInfo.InvariantCulture, out var d))
                {
                    return "is not a decimal number";
                }

                return CheckDecimal(d, type, out result);
            case DataTypeKind.Date:
                if (TryParseIsoDate(span.Trim(), out var date))
                {
                    result = date;
                    return null;
                }

                return "is not a date (expected yyyy-MM-dd)";
            case DataTypeKind.Time:
                if (TryParseIsoTime(span.Trim(), out var time) || TimeOnly.TryParseExact(span.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
                {
                    result = new TimeOnly(time.Ticks - (time.Ticks % 10));
                    return null;
                }

                return "is not a time (expected HH:mm:ss[.ffffff])";
            case DataTypeKind.Timestamp:
                if (DateTime.TryParse(span.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp))
                {
                    result = Timestamps.Normalize(timestamp);
                    return null;
                }

                return "is not a timestamp (expected ISO 8601, e.g. 2026-11-29T08:15:00Z)";
            case DataTypeKind.Boolean:
                switch (text.Trim().ToUpperInvariant())
                {
                    case "TRUE" or "1" or "YES" or "Y" or "T":
                        result = true;
                        return null;
                    case "FALSE" or "0" or "NO" or "N" or "F":
                        result = false;
                        return null;
                    default:
                        return "is not a boolean (true/false, 1/0, yes/no)";
                }

            case DataTypeKind.Guid:
                if (Guid.TryParse(span, out var guid))
                {
                    result = guid;
                    return null;
                }

                return "is not a GUID";
            case DataTypeKind.Binary:
                var hex = span.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? span[2..] : span;
                try
                {
                    var bytes = Convert.FromHexString(hex);
                    result = bytes;
                    return type.Length is { } max && bytes.Length > max ? string.Create(CultureInfo.InvariantCulture, $"is {bytes.Length} bytes long; the column holds at most {max}") : null;
                }
                catch (FormatException)
                {
                    return "is not hexadecimal binary data";
                }

            default:
                return "has a type the loader does not know: " + type;
        }
    }

    private static string? TryConvertTyped(object value, DataType type, out object? result)
    {
        result = null;
        switch (type.Kind)
        {
            case DataTypeKind.String or DataTypeKind.Text:
                return TryParse(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, type, out result);
            case DataTypeKind.Int when value is int or short or byte or sbyte or ushort:
                result = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                return null;
            case DataTypeKind.Int when value is long or uint or ulong:
                var wide = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (wide is < int.MinValue or > int.MaxValue)
                {
                    return "is outside the range of INT";
                }

                result = (int)wide;
                return null;
            case DataTypeKind.BigInt when value is long or int or short or byte or sbyte or ushort or uint:
                result = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return null;
            case DataTypeKind.Decimal when value is decimal or long or int or short or byte or double or float:
                decimal d;
                try
                {
                    d = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    return "is outside the range of a decimal";
                }

                return CheckDecimal(d, type, out result);
            case DataTypeKind.Date when value is DateOnly date:
                result = date;
                return null;
            case DataTypeKind.Date when value is DateTime dateTime:
                if (dateTime.TimeOfDay != TimeSpan.Zero)
                {
                    return "has a time of day; the column is a DATE";
                }

                result = DateOnly.FromDateTime(dateTime);
                return null;
            case DataTypeKind.Time when value is TimeOnly time:
                result = new TimeOnly(time.Ticks - (time.Ticks % 10));
                return null;
            case DataTypeKind.Time when value is TimeSpan span:
                if (span < TimeSpan.Zero || span >= TimeSpan.FromDays(1))
                {
                    return "is not a time of day";
                }

                result = new TimeOnly(span.Ticks - (span.Ticks % 10));
                return null;
            case DataTypeKind.Timestamp when value is DateTime timestamp:
                result = Timestamps.Normalize(timestamp);
                return null;
            case DataTypeKind.Timestamp when value is DateTimeOffset offset:
                result = Timestamps.Normalize(offset.UtcDateTime);
                return null;
            case DataTypeKind.Boolean when value is bool flag:
                result = flag;
                return null;
            case DataTypeKind.Guid when value is Guid guid:
                result = guid;
                return null;
            case DataTypeKind.Binary when value is byte[] bytes:
                result = bytes;
                return type.Length is { } max && bytes.Length > max ? string.Create(CultureInfo.InvariantCulture, $"is {bytes.Length} bytes long; the column holds at most {max}") : null;
            default:
                return $"is a {value.GetType().Name}, which cannot be stored as {type}";
        }
    }

    /// <summary>A fast, exact <c>yyyy-MM-dd</c> parser (culture-free; the general parser costs more than hashing a key).</summary>
    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A fast <c>HH:mm:ss</c> / <c>HH:mm:ss.f…</c> parser (up to 7 fraction digits, truncated to microseconds later).</summary>
    private static bool TryParseIsoTime(ReadOnlySpan<char> text, out TimeOnly time)
    {
        time = default;
        if (text.Length < 8 || text[2] != ':' || text[5] != ':'
            || !TryDigits(text[..2], out var hour) || !TryDigits(text.Slice(3, 2), out var minute) || !TryDigits(text.Slice(6, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = 0;
        if (text.Length > 8)
        {
            var fraction = text[9..];
            if (text[8] != '.' || fraction.Length is 0 or > 7 || !TryDigits(fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static string? CheckDecimal(decimal value, DataType type, out object? result)
    {
        result = null;
        var scale = type.Scale!.Value;
        var precision = type.Precision!.Value;
        var rounded = decimal.Round(value, scale);
        if (rounded != value)
        {
            return string.Create(CultureInfo.InvariantCulture, $"has more than {scale} decimal places ({type})");
        }

        var integerDigits = precision - scale;
        if (decimal.Truncate(decimal.Abs(rounded)) >= Pow10(integerDigits))
        {
            return string.Create(CultureInfo.InvariantCulture, $"does not fit {type}");
        }

        result = rounded;
        return null;
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits && i < 28; i++)
        {
            result *= 10m;
        }

        return result;
    }
}

using System.Globalization;
using System.Text;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// Turns a decimal value as a provider reads it back — a <see cref="decimal"/>, an integer, a <see cref="double"/> or
/// text, whatever the engine stored — into the exact digits of its declared <c>decimal(p,s)</c>: SQLite's NUMERIC
/// affinity keeps <c>420.00</c> as the INTEGER 420 and <c>89.90</c> as the REAL 89.9, and a value of more than 15
/// significant digits as the TEXT it was given; all of them come back here as <c>420.00</c>, <c>89.90</c> and the
/// original digits. Nothing is rounded: a value with non-zero digits beyond the scale, or more integer digits than
/// <c>p − s</c>, is an error.
/// </summary>
internal static class DecimalReadBack
{
    /// <summary>The value's digits with exactly the declared scale (invariant, no exponent), or <see langword="null"/> for NULL.</summary>
    public static string? Text(object? value, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Kind != DataTypeKind.Decimal || type.Precision is not { } precision || type.Scale is not { } scale)
        {
            throw new ArgumentException($"{type} is not a decimal type", nameof(type));
        }

        var text = value switch
        {
            null or DBNull => null,
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            // The shortest text that reads back as the same double: SQLite made the REAL only when it was lossless for
            // the digits it was given, so these are those digits.
            double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
            float f when float.IsFinite(f) => f.ToString("R", CultureInfo.InvariantCulture),
            long or int or short or byte or sbyte or ushort or uint or ulong or System.Numerics.BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture),
            string s => s.Trim(),
            _ => throw new InvalidCastException($"a {value.GetType().Name} value read back for a column of type {type} is not a number"),
        };
        return text is null ? null : Normalize(text, precision, scale, type);
    }

    /// <summary>The value as a <see cref="decimal"/> of exactly the declared scale, or <see langword="null"/> for NULL.</summary>
    public static decimal? Decimal(object? value, DataType type)
    {
        if (Text(value, type) is not { } text)
        {
            return null;
        }

        // decimal.Parse rounds digits beyond what System.Decimal holds (28–29 significant digits) without a word.
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var result)
            || result.ToString(CultureInfo.InvariantCulture) != text)
        {
            throw new OverflowException($"the {type} value {text} has more digits than System.Decimal holds exactly (28); read it as text (SqlTypeMap.ReadDecimalText)");
        }

        return result;
    }

    private static string Normalize(string text, int precision, int scale, DataType type)
    {
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var exponent = 0;
        var e = span.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            if (!int.TryParse(span[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 1000)
            {
                throw NotANumber(text, type);
            }

            span = span[..e];
        }

        var digits = new StringBuilder(span.Length + scale);
        var point = -1;
        foreach (var c in span)
        {
            if (c == '.' && point < 0)
            {
                point = digits.Length;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else
            {
                throw NotANumber(text, type);
            }
        }

        if (digits.Length == 0)
        {
            throw NotANumber(text, type);
        }

        // The digits and the position of the point, the exponent applied.
        var integerDigits = (point < 0 ? digits.Length : point) + exponent;
        if (integerDigits < 0)
        {
            digits.Insert(0, "0", -integerDigits);
            integerDigits = 0;
        }

        if (integerDigits > digits.Length)
        {
            digits.Append('0', integerDigits - digits.Length);
        }

        var integer = digits.ToString(0, integerDigits).TrimStart('0');
        var fraction = digits.ToString(integerDigits, digits.Length - integerDigits);
        if (fraction.Length > scale)
        {
            if (fraction.AsSpan(scale).ContainsAnyExcept('0'))
            {
                throw new InvalidCastException(string.Create(CultureInfo.InvariantCulture, $"the value {text} read back for a column of type {type} has more than {scale} decimal places"));
            }

            fraction = fraction[..scale];
        }

        fraction = fraction.PadRight(scale, '0');
        if (integer.Length > precision - scale)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture, $"the value {text} read back for a column of type {type} has more than {precision - scale} integer digits"));
        }

        var zero = integer.Length == 0 && !fraction.AsSpan().ContainsAnyExcept('0');
        return (negative && !zero ? "-" : string.Empty) + (integer.Length == 0 ? "0" : integer) + (scale > 0 ? "." + fraction : string.Empty);
    }

    private static InvalidCastException NotANumber(string text, DataType type) =>
        new($"the value '{text}' read back for a column of type {type} is not a decimal number");
}

using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>DuckDB's canonical text (<c>strftime</c> for dates and times), <c>trim(x, ' ')</c>, the <c>ß</c>-preserving upper-case, and the built-in hashes.</summary>
internal sealed class DuckDbPrimitives : SqlPrimitives
{
    /// <summary>The one character whose DuckDB upper case differs from the simple Unicode mapping (U+00DF → U+1E9E).</summary>
    private const string SharpS = "\u00DF";

    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => $"CAST({expression} AS VARCHAR)",
            DataTypeKind.Int or DataTypeKind.BigInt => $"CAST({expression} AS VARCHAR)",
            // A decimal's text keeps its declared scale (19.9 as DECIMAL(10,2) → 19.90) and has no negative zero, but
            // DuckDB drops the 0 before the point when precision = scale (0.5 as DECIMAL(1,1) → .5): one more digit of
            // precision keeps it (the model limits the scale to 28, so the width stays within DuckDB's 38).
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST(CAST({expression} AS DECIMAL({DecimalTextWidth(type)},{type.Scale})) AS VARCHAR)"),
            DataTypeKind.Date => $"strftime(CAST({expression} AS DATE), '%Y-%m-%d')",
            // strftime has no TIME overload: the time goes on a fixed date; %f is the microseconds, six digits.
            DataTypeKind.Time => $"strftime(DATE '2000-01-01' + CAST({expression} AS TIME), '%H:%M:%S.%f')",
            // No CAST: strftime truncates a TIMESTAMP_NS to microseconds, while CAST(... AS TIMESTAMP) rounds before 1970.
            DataTypeKind.Timestamp => $"strftime({expression}, '%Y-%m-%d %H:%M:%S.%f')",
            DataTypeKind.Boolean => $"CASE WHEN {expression} THEN 'true' WHEN NOT {expression} THEN 'false' END",
            DataTypeKind.Guid => $"lower(CAST(CAST({expression} AS UUID) AS VARCHAR))",
            DataTypeKind.Binary => $"upper(hex(CAST({expression} AS BLOB)))",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };
    }

    /// <summary>DuckDB's <c>trim(x)</c> also strips Unicode spaces (NBSP, U+3000, ...): <c>trim(x, ' ')</c> strips U+0020 only.</summary>
    public override string TrimSpaces(string expression) => $"trim({expression}, ' ')";

    /// <summary>
    /// Upper-cases text with the simple Unicode mapping: DuckDB's <c>upper</c> for everything but <c>ß</c> — the text is
    /// split at each <c>ß</c>, the pieces upper-cased and joined again with <c>ß</c>. NULL stays NULL.
    /// </summary>
    public override string Upper(string expression)
    {
        var sharpS = Quoter.StringLiteral(SharpS);
        return $"array_to_string([upper(dv_piece) for dv_piece in string_split({expression}, {sharpS})], {sharpS})";
    }

    public override string HashHex(HashAlgorithmKind algorithm, string input) => algorithm switch
    {
        HashAlgorithmKind.Md5 => $"md5({input})",
        HashAlgorithmKind.Sha1 => $"sha1({input})",
        HashAlgorithmKind.Sha256 => $"sha256({input})",
        _ => throw Unsupported($"in-database {algorithm} hashing", "DuckDB has md5(), sha1() and sha256() built in; compute other algorithms with the C# engine (DataVaultHasher)."),
    };

    public override string HexToBinary(string hex) => $"unhex({hex})";

    /// <summary>A blob of zero bytes. DuckDB reads <c>X'00'</c> as the text <c>x00</c>, so it is <c>unhex('00…')</c>.</summary>
    public override string ZeroBinaryLiteral(int length) => $"unhex('{new string('0', 2 * length)}')";

    /// <summary>The precision a decimal is cast to before it becomes text: at least one digit before the point.</summary>
    private static int DecimalTextWidth(DataType type) => Math.Min(38, Math.Max(type.Precision ?? 38, (type.Scale ?? 0) + 1));
}

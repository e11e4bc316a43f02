using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// T-SQL's primitives: canonical text as <c>NVARCHAR(MAX)</c> under <see cref="SqlServerDialect.HashingCollation"/>
/// with explicit, session-independent formats; empty text found by its length; <c>+</c> concatenation;
/// <c>HASHBYTES</c> over the UTF-8 bytes.
/// </summary>
internal sealed class SqlServerPrimitives : SqlPrimitives
{
    /// <summary>
    /// <c>CONVERT</c> styles 23 (date) and 121 (time, timestamp), decimals through <c>DECIMAL(p,s)</c>, bits as
    /// <c>true</c>/<c>false</c>, GUIDs lower-cased, binary as upper-case hex (style 2); NULL stays NULL.
    /// </summary>
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text or DataTypeKind.Int or DataTypeKind.BigInt => expression,
            DataTypeKind.Decimal => CanonicalDecimal(expression, type.Precision!.Value, type.Scale!.Value),
            DataTypeKind.Date => $"CONVERT(NVARCHAR(10), {expression}, 23)",
            DataTypeKind.Time => $"CONVERT(NVARCHAR(15), CAST({expression} AS TIME(6)), 121)",
            DataTypeKind.Timestamp => $"CONVERT(NVARCHAR(26), CAST({expression} AS DATETIME2(6)), 121)",
            DataTypeKind.Boolean => $"CASE {expression} WHEN 1 THEN N'true' WHEN 0 THEN N'false' END",
            DataTypeKind.Guid => $"LOWER(CONVERT(NVARCHAR(36), {expression}))",
            DataTypeKind.Binary => $"CONVERT(VARCHAR(MAX), {expression}, 2)",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };
        return $"CAST({text} AS NVARCHAR(MAX)) COLLATE {SqlServerDialect.HashingCollation}";
    }

    /// <summary>
    /// Untrimmed text is found empty by its length: T-SQL pads strings with spaces before comparing them, so
    /// <c>NULLIF(N' ', N'')</c> would be NULL for a text that is not empty. Trimmed text compares as everywhere.
    /// </summary>
    public override string NullIfEmpty(string expression, bool trimmed) =>
        trimmed ? base.NullIfEmpty(expression, trimmed) : $"CASE WHEN DATALENGTH({expression}) = 0 THEN NULL ELSE {expression} END";

    /// <summary><c>(a + b + …)</c>: with <c>CONCAT_NULL_YIELDS_NULL ON</c> (the default, and the only setting of new SQL Server versions) NULL if any part is NULL — unlike <c>CONCAT()</c>.</summary>
    public override string Concat(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" + ", parts) + ")";
    }

    /// <summary>
    /// <c>LOWER(CONVERT(CHAR(n), HASHBYTES('MD5', CAST(x COLLATE Latin1_General_100_BIN2_UTF8 AS VARCHAR(MAX))), 2))</c>:
    /// the text converted to <c>VARCHAR</c> under a UTF-8 collation is its UTF-8 bytes, which <c>HASHBYTES</c> hashes.
    /// </summary>
    public override string HashHex(HashAlgorithmKind algorithm, string input)
    {
        var name = algorithm switch
        {
            HashAlgorithmKind.Md5 => "MD5",
            HashAlgorithmKind.Sha1 => "SHA1",
            HashAlgorithmKind.Sha256 => "SHA2_256",
            _ => throw Unsupported($"in-database {algorithm} hashing", "HASHBYTES computes MD5, SHA-1 and SHA-256; compute other keys with the C# engine (DataVaultHasher)."),
        };
        var hexLength = 2 * HashFunction.GetLengthInBytes(algorithm);
        return string.Create(CultureInfo.InvariantCulture, $"LOWER(CONVERT(CHAR({hexLength}), HASHBYTES('{name}', CAST(({input}) COLLATE {SqlServerDialect.HashingCollation} AS VARCHAR(MAX))), 2))");
    }

    /// <summary><c>CONVERT(VARBINARY(64), hex, 2)</c>: hex digits without <c>0x</c> to bytes.</summary>
    public override string HexToBinary(string hex) => $"CONVERT(VARBINARY(64), {hex}, 2)";

    /// <summary>A T-SQL binary constant: <c>0x000…</c>.</summary>
    public override string ZeroBinaryLiteral(int length) => "0x" + new string('0', 2 * length);

    /// <summary><c>DATEADD(day, 1, x)</c>, a date for a date.</summary>
    public override string NextDay(string expression) => $"DATEADD(day, 1, {expression})";

    /// <summary><c>… OFFSET 0 ROWS FETCH NEXT n ROWS ONLY</c>: T-SQL has no <c>LIMIT</c>.</summary>
    public override string FirstRows(string orderedQuery, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{orderedQuery} OFFSET 0 ROWS FETCH NEXT {count} ROWS ONLY");
    }

    private static string CanonicalDecimal(string expression, int precision, int scale)
    {
        // DECIMAL → text prints every fractional digit of the scale and a 0 before the point ('0.50', '-1.25');
        // a zero is written as the constant so that no rounding path can ever print '-0.00'.
        var typed = string.Create(CultureInfo.InvariantCulture, $"CAST({expression} AS DECIMAL({precision},{scale}))");
        var zero = scale == 0 ? "0" : "0." + new string('0', scale);
        return $"CASE WHEN {typed} = 0 THEN N'{zero}' ELSE CAST({typed} AS NVARCHAR(MAX)) END";
    }
}

using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// Canonical text as <c>utf8mb4</c> in the dialect's exact collation, whatever the column's character set and the
/// session's: <c>DATE_FORMAT</c>/<c>TIME_FORMAT</c> with <c>%f</c> for microseconds, <c>DECIMAL</c> cast to text (which
/// keeps the declared scale and has no negative zero), <c>true</c>/<c>false</c>, lower-case GUIDs, upper-case <c>HEX</c>
/// for binary; <c>CONCAT</c> (<c>||</c> is OR unless <c>PIPES_AS_CONCAT</c>; <c>CONCAT_WS</c> would skip NULLs).
/// </summary>
internal sealed class MariaDbPrimitives : SqlPrimitives
{
    private MariaDbDialect MariaDb => (MariaDbDialect)Dialect;

    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => expression,
            DataTypeKind.Int or DataTypeKind.BigInt => expression,
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST({expression} AS DECIMAL({type.Precision},{type.Scale}))"),
            DataTypeKind.Date => $"DATE_FORMAT({expression}, '%Y-%m-%d')",
            DataTypeKind.Time => $"TIME_FORMAT({expression}, '%H:%i:%s.%f')",
            DataTypeKind.Timestamp => $"DATE_FORMAT({expression}, '%Y-%m-%d %H:%i:%s.%f')",
            DataTypeKind.Boolean => $"CASE WHEN {expression} IS NULL THEN NULL WHEN {expression} THEN 'true' ELSE 'false' END",
            DataTypeKind.Guid => $"LOWER({expression})",
            DataTypeKind.Binary => $"HEX({expression})",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };
        return $"(CAST({text} AS CHAR CHARACTER SET utf8mb4) COLLATE {MariaDb.ExactCollation})";
    }

    /// <summary>Removes leading and trailing U+0020 only: <c>TRIM(BOTH ' ' FROM x)</c>.</summary>
    public override string TrimSpaces(string expression) => $"TRIM(BOTH ' ' FROM {expression})";

    /// <summary><c>UPPER</c> under the upper-case collation (the simple Unicode mapping), then back to the exact one, so that every part of a hash has the same collation.</summary>
    public override string Upper(string expression) => $"(UPPER(({expression}) COLLATE {MariaDb.UpperCaseCollation}) COLLATE {MariaDb.ExactCollation})";

    public override string Concat(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 1 ? parts[0] : "CONCAT(" + string.Join(", ", parts) + ")";
    }

    /// <summary><c>MD5</c>, <c>SHA1</c> or <c>SHA2(x, 256)</c> of the input's UTF-8 bytes (<c>CONVERT(x USING utf8mb4)</c>); lower-case hex.</summary>
    public override string HashHex(HashAlgorithmKind algorithm, string input)
    {
        var utf8 = $"CONVERT({input} USING utf8mb4)";
        return algorithm switch
        {
            HashAlgorithmKind.Md5 => $"MD5({utf8})",
            HashAlgorithmKind.Sha1 => $"SHA1({utf8})",
            HashAlgorithmKind.Sha256 => $"SHA2({utf8}, 256)",
            _ => throw Unsupported($"in-database {algorithm} hashing", "MariaDB/MySQL have MD5(), SHA1() and SHA2(); compute other keys with the C# engine (DataVaultHasher)."),
        };
    }

    public override string HexToBinary(string hex) => $"UNHEX({hex})";

    /// <summary><c>DATE_ADD(x, INTERVAL 1 DAY)</c>, a date for a date.</summary>
    public override string NextDay(string expression) => $"DATE_ADD({expression}, INTERVAL 1 DAY)";
}

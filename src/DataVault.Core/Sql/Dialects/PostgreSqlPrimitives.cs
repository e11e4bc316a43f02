using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// The canonical text of docs/hashing.md in PostgreSQL: integers and numerics as their text (a numeric cast to its
/// declared scale first, so 19.9 is <c>19.90</c>; numeric has no negative zero), dates, times and timestamps with
/// <c>to_char</c> (never the session's <c>DateStyle</c>), <c>infinity</c>/<c>-infinity</c> as the largest and smallest
/// .NET values (which Npgsql writes as them), booleans as <c>true</c>/<c>false</c>, UUIDs in their lower-case text
/// form, binary as upper-case hex; hashes over <c>convert_to(x, 'UTF8')</c>, <c>upper</c> under the dialect's collation.
/// </summary>
internal sealed class PostgreSqlPrimitives : SqlPrimitives
{
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => $"CAST({expression} AS TEXT)",
            DataTypeKind.Int or DataTypeKind.BigInt => $"CAST({expression} AS TEXT)",
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST(CAST({expression} AS NUMERIC({type.Precision},{type.Scale})) AS TEXT)"),
            DataTypeKind.Date => Infinite(expression, "date", "9999-12-31", "0001-01-01", $"to_char({expression}, 'YYYY-MM-DD')"),
            DataTypeKind.Time => $"to_char({expression}, 'HH24:MI:SS.US')",
            DataTypeKind.Timestamp => Infinite(expression, "timestamp", "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00.000000", $"to_char({expression}, 'YYYY-MM-DD HH24:MI:SS.US')"),
            DataTypeKind.Boolean => $"CASE WHEN {expression} THEN 'true' WHEN NOT {expression} THEN 'false' END",
            DataTypeKind.Guid => $"CAST({expression} AS TEXT)",
            DataTypeKind.Binary => $"UPPER(encode({expression}, 'hex'))",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };

        static string Infinite(string expression, string sqlType, string max, string min, string finite) =>
            $"CASE WHEN {expression} = '-infinity'::{sqlType} THEN '{min}' WHEN {expression} = 'infinity'::{sqlType} THEN '{max}' ELSE {finite} END";
    }

    /// <summary><c>upper(x COLLATE "C.utf8")</c>, or under the dialect's <see cref="PostgreSqlDialect.UpperCollation"/>.</summary>
    public override string Upper(string expression) =>
        ((PostgreSqlDialect)Dialect).UpperCollation is { } collation ? $"upper(({expression}) COLLATE \"{collation}\")" : $"upper({expression})";

    public override string HashHex(HashAlgorithmKind algorithm, string input) => algorithm switch
    {
        HashAlgorithmKind.Md5 => $"md5(convert_to({input}, 'UTF8'))",
        HashAlgorithmKind.Sha256 => $"encode(sha256(convert_to({input}, 'UTF8')), 'hex')",
        _ => throw Unsupported($"in-database {algorithm} hashing", "PostgreSQL has md5() and sha256() built in; SHA-1 needs the pgcrypto extension, xxHash128 the C# engine (DataVaultHasher)."),
    };

    public override string HexToBinary(string hex) => $"decode({hex}, 'hex')";

    public override string ZeroBinaryLiteral(int length) => $"decode('{new string('0', 2 * length)}', 'hex')";
}

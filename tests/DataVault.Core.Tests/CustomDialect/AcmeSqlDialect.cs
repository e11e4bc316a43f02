using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Tests.CustomDialect;

/// <summary>
/// A dialect written outside the library for a hypothetical engine, AcmeSQL: backtick quoting, <c>:name</c>
/// parameters, <c>DATETIME(6)</c> timestamps, MD5 only. It is a quoter, a type map and the primitives that differ;
/// every statement comes from the library's writers.
/// </summary>
public sealed class AcmeSqlDialect : SqlDialect
{
    public AcmeSqlDialect()
        : base(
            "AcmeSQL",
            new SqlQuoter { OpenQuote = '`', CloseQuote = '`', PlaceholderPrefix = ":", MaxIdentifierLength = 64 },
            new AcmeTypeMap(),
            new AcmePrimitives(),
            new DialectCapabilities
            {
                MinimumVersion = "1.0",
                InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5 },
            })
    {
    }

    private sealed class AcmeTypeMap : SqlTypeMap
    {
        public AcmeTypeMap() => Map(DataTypeKind.Timestamp, "DATETIME(6)");
    }

    private sealed class AcmePrimitives : SqlPrimitives
    {
        public override string CanonicalText(string expression, DataType type) => type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => expression,
            DataTypeKind.Int or DataTypeKind.BigInt => $"FORMAT_INT({expression})",
            DataTypeKind.Decimal => $"FORMAT_DECIMAL({expression}, {type.Scale})",
            DataTypeKind.Date => $"FORMAT_DATE({expression}, 'YYYY-MM-DD')",
            DataTypeKind.Time => $"FORMAT_TIME({expression}, 'HH24:MI:SS.FF6')",
            DataTypeKind.Timestamp => $"FORMAT_TIMESTAMP({expression}, 'YYYY-MM-DD HH24:MI:SS.FF6')",
            DataTypeKind.Boolean => $"CASE WHEN {expression} THEN 'true' WHEN NOT {expression} THEN 'false' END",
            DataTypeKind.Guid => $"LOWER(FORMAT_UUID({expression}))",
            _ => throw Unsupported("canonical text of " + type, "AcmeSQL cannot write binary values as hex"),
        };

        public override string HashHex(HashAlgorithmKind algorithm, string input) => algorithm == HashAlgorithmKind.Md5
            ? $"LOWER(MD5_HEX({input}))"
            : throw Unsupported($"in-database {algorithm} hashing", "AcmeSQL has MD5 only; compute the keys with the C# engine.");

        public override string HexToBinary(string hex) =>
            throw Unsupported("binary hash keys", "AcmeSQL has no hex-to-binary function; use a hex output form.");
    }
}

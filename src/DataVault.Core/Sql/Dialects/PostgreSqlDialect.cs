using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>PostgreSQL 13+ (tested on 15). Databases must be created with UTF8 encoding: <c>md5(text)</c> hashes the database encoding.</summary>
public class PostgreSqlDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <inheritdoc />
    public override int MaxIdentifierLength => 63;

    /// <inheritdoc />
    public override DialectCapabilities Capabilities { get; } = new()
    {
        MinimumVersion = "13",
        InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha256 },
        UnicodeUpper = true,
    };

    /// <inheritdoc />
    public override string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"NUMERIC({type.Precision},{type.Scale})"),
            DataTypeKind.Binary => "BYTEA",
            _ => base.TypeName(type),
        };
    }

    /// <inheritdoc />
    protected override string BinaryHashTypeName(int length, DdlOptions options) =>
        length == 16 && (options?.NativeUuidForBinaryKeys ?? false) ? "UUID" : "BYTEA";

    /// <inheritdoc />
    public override object ZeroKeyValue(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.OutputForm == HashOutputForm.Binary && standard.HashLengthInBytes == 16 && (options?.NativeUuidForBinaryKeys ?? false)
            ? Guid.Empty
            : base.ZeroKeyValue(standard, options!);
    }

    /// <inheritdoc />
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => $"CAST({expression} AS TEXT)",
            DataTypeKind.Int or DataTypeKind.BigInt => $"CAST({expression} AS TEXT)",
            // numeric's text keeps the declared scale (19.9 as numeric(10,2) → 19.90) and has no negative zero.
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST(CAST({expression} AS NUMERIC({type.Precision},{type.Scale})) AS TEXT)"),
            DataTypeKind.Date => $"to_char({expression}, 'YYYY-MM-DD')",
            DataTypeKind.Time => $"to_char({expression}, 'HH24:MI:SS.US')",
            DataTypeKind.Timestamp => $"to_char({expression}, 'YYYY-MM-DD HH24:MI:SS.US')",
            DataTypeKind.Boolean => $"CASE WHEN {expression} IS NULL THEN NULL WHEN {expression} THEN 'true' ELSE 'false' END",
            DataTypeKind.Guid => $"CAST({expression} AS TEXT)",
            DataTypeKind.Binary => $"UPPER(encode({expression}, 'hex'))",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };
    }

    /// <inheritdoc />
    public override string HashHex(HashAlgorithmKind algorithm, string input) => algorithm switch
    {
        HashAlgorithmKind.Md5 => $"md5({input})",
        HashAlgorithmKind.Sha256 => $"encode(sha256(convert_to({input}, 'UTF8')), 'hex')",
        _ => throw Unsupported($"in-database {algorithm} hashing", "PostgreSQL has md5() and sha256() built in; SHA-1 needs the pgcrypto extension."),
    };

    /// <inheritdoc />
    public override string HexToBinary(string hex) => $"decode({hex}, 'hex')";

    /// <inheritdoc />
    public override string ZeroBinaryLiteral(int length) => $"decode('{new string('0', 2 * length)}', 'hex')";
}

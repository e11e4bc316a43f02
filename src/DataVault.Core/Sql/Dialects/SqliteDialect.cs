using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// SQLite 3.41+ (Microsoft.Data.Sqlite bundles a newer one), the embedded default. SQLite has neither MD5 nor a
/// Unicode <c>upper()</c>, so in-database hashing calls functions backed by the C# engine, registered on the
/// connection with <see cref="SqliteHashFunctions.Register"/>: the engine is then the C# engine itself.
/// </summary>
public class SqliteDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "SQLite";

    /// <inheritdoc />
    public override int MaxIdentifierLength => 255;

    /// <inheritdoc />
    public override DialectCapabilities Capabilities { get; } = new()
    {
        MinimumVersion = "3.41",
        InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256, HashAlgorithmKind.XxHash128 },
        UnicodeUpper = true,
    };

    /// <summary>
    /// SQLite's types are affinities: decimals get NUMERIC affinity (exact up to 15 significant digits), dates,
    /// times and timestamps are ISO-8601 text, booleans integers, GUIDs text or 16-byte blobs.
    /// </summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The type text.</returns>
    public override string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.Text => "TEXT",
            DataTypeKind.Date or DataTypeKind.Time or DataTypeKind.Timestamp or DataTypeKind.Guid => "TEXT",
            DataTypeKind.Boolean => "INTEGER",
            DataTypeKind.Binary => "BLOB",
            _ => base.TypeName(type),
        };
    }

    /// <inheritdoc />
    public override string TimestampTypeName => "TEXT";

    /// <inheritdoc />
    protected override string CreateViewPrefix(string view) => $"CREATE VIEW IF NOT EXISTS {QuoteIdentifier(view)}";

    /// <inheritdoc />
    public override string ControlCharacterLiteral(char c) => $"CHAR({(int)c})";

    /// <inheritdoc />
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{SqliteHashFunctions.Canonical}({expression}, {StringLiteral(type.ToString())})";
    }

    /// <inheritdoc />
    public override string Upper(string expression) => $"{SqliteHashFunctions.Upper}({expression})";

    /// <inheritdoc />
    public override string HashHex(HashAlgorithmKind algorithm, string input) =>
        $"{SqliteHashFunctions.HashHex}({StringLiteral(algorithm.ToString())}, {input})";

    /// <inheritdoc />
    public override string HexToBinary(string hex) => $"unhex({hex})";
}

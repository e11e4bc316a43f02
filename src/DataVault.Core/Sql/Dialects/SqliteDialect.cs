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
        MaxRowsPerInsert = 1,
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

    /// <summary>Dates as <c>yyyy-MM-dd</c>, times as <c>HH:mm:ss.ffffff</c>, timestamps as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>, GUIDs as lower-case text, booleans as 0/1.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="type">The column's portable type.</param>
    /// <returns>The value to bind.</returns>
    public override object ToDbValue(object? value, DataType type) => value switch
    {
        null => DBNull.Value,
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };

    /// <inheritdoc />
    public override string ParameterName(string name) => ParameterPlaceholder(name);

    /// <inheritdoc />
    public override string TimestampTypeName => "TEXT";

    /// <inheritdoc />
    protected override string CreateViewPrefix(string view) => $"CREATE VIEW IF NOT EXISTS {QuoteIdentifier(view)}";

    /// <summary>A date parameter as it is: dates are <c>yyyy-MM-dd</c> text (a <c>CAST(… AS DATE)</c> would make it a number).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The placeholder.</returns>
    protected override string DateParameter(string name) => ParameterPlaceholder(name);

    /// <summary>
    /// <c>date(x, '+1 day')</c>: the next date as <c>yyyy-MM-dd</c> text, which compares with the <c>yyyy-MM-dd HH:mm:ss…</c>
    /// text of load dates as midnight does: every timestamp of that day or later sorts at or after it.
    /// </summary>
    /// <param name="expression">A date expression.</param>
    /// <returns>The expression.</returns>
    protected override string NextDay(string expression) => $"date({expression}, {StringLiteral("+1 day")})";

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

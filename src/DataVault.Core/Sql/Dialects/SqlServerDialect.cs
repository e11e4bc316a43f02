using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// SQL Server 2019+ (and Azure SQL). Generated and parsed with Microsoft's T-SQL parser in this repository's tests, not
/// executed. Identifiers in brackets, <c>@name</c> parameters, <c>NVARCHAR</c> text, <c>DATETIME2(6)</c> load dates,
/// idempotent DDL through <c>IF OBJECT_ID(…) IS NULL</c>, hub and link loads made concurrency-safe with
/// <c>WITH (UPDLOCK, HOLDLOCK)</c> on the existence check, and in-database hashing with <c>HASHBYTES</c> over the UTF-8
/// bytes of the text (the UTF-8 collations of SQL Server 2019).
/// </summary>
public class SqlServerDialect : SqlDialect
{
    /// <summary>
    /// The collation the hashing expressions compute under: binary comparison (no ignorable characters, exact
    /// <c>REPLACE</c>), and a UTF-8 code page, so that converting the text to <c>VARCHAR</c> yields its UTF-8 bytes.
    /// </summary>
    public const string HashingCollation = "Latin1_General_100_BIN2_UTF8";

    /// <inheritdoc />
    public override string Name => "SQL Server";

    /// <summary>128 characters (<c>sysname</c>); the library's identifiers are ASCII, so characters are bytes.</summary>
    public override int MaxIdentifierLength => 128;

    /// <summary>
    /// SQL Server 2019: MD5, SHA-1 and SHA-256 through <c>HASHBYTES</c>; no temporary staging tables (SQL Server's are
    /// <c>#</c> names, which the library's identifier rules do not allow); <c>UPPER</c> follows the collation's
    /// (version 100) case tables, not Unicode's simple mapping.
    /// </summary>
    public override DialectCapabilities Capabilities { get; } = new()
    {
        MinimumVersion = "2019",
        IdempotentDdl = true,
        TransactionalDdl = true,
        TemporaryTables = false,
        ConflictSafeInsert = true,
        InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 },
        UnicodeUpper = false,
    };

    /// <summary>Validates and quotes an identifier in brackets: <c>[name]</c>.</summary>
    /// <param name="identifier">A safe identifier.</param>
    /// <returns>The quoted identifier.</returns>
    /// <exception cref="ArgumentException">The identifier is not safe; it is never escaped into SQL.</exception>
    public override string QuoteIdentifier(string identifier)
    {
        Identifiers.EnsureSafe(identifier, nameof(identifier));
        return "[" + identifier + "]";
    }

    /// <summary>A Unicode string literal, <c>N'…'</c>, so that the constant never passes through a code page.</summary>
    /// <param name="value">The constant.</param>
    /// <returns>The literal.</returns>
    public override string StringLiteral(string value) => "N" + base.StringLiteral(value);

    /// <summary>A one-character Unicode string of a control character: <c>NCHAR(10)</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The SQL expression.</returns>
    public override string ControlCharacterLiteral(char c) => string.Create(CultureInfo.InvariantCulture, $"NCHAR({(int)c})");

    /// <summary>
    /// <c>NVARCHAR(n)</c> (<c>NVARCHAR(MAX)</c> above 4000 characters and for text), <c>INT</c>, <c>BIGINT</c>,
    /// <c>DECIMAL(p,s)</c>, <c>DATE</c>, <c>TIME(6)</c>, <c>DATETIME2(6)</c>, <c>BIT</c>, <c>UNIQUEIDENTIFIER</c>,
    /// <c>VARBINARY(n)</c> (<c>VARBINARY(MAX)</c> above 8000 bytes or without a length).
    /// </summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The type text.</returns>
    public override string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String when type.Length <= 4000 => string.Create(CultureInfo.InvariantCulture, $"NVARCHAR({type.Length})"),
            DataTypeKind.String or DataTypeKind.Text => "NVARCHAR(MAX)",
            DataTypeKind.Int => "INT",
            DataTypeKind.Boolean => "BIT",
            DataTypeKind.Guid => "UNIQUEIDENTIFIER",
            DataTypeKind.Binary when type.Length is { } length && length <= 8000 => string.Create(CultureInfo.InvariantCulture, $"VARBINARY({length})"),
            DataTypeKind.Binary => "VARBINARY(MAX)",
            _ => base.TypeName(type),
        };
    }

    /// <summary><c>DATETIME2(6)</c>: microseconds, no time zone.</summary>
    public override string TimestampTypeName => "DATETIME2(6)";

    /// <summary><c>BINARY(n)</c>. <c>UNIQUEIDENTIFIER</c> is never used for keys: SQL Server sorts and prints its bytes in a mixed order.</summary>
    /// <param name="length">The digest length in bytes.</param>
    /// <param name="options">The DDL options.</param>
    /// <returns>The type text.</returns>
    protected override string BinaryHashTypeName(int length, DdlOptions options) => string.Create(CultureInfo.InvariantCulture, $"BINARY({length})");

    /// <summary>
    /// Creates a table and its indexes. SQL Server has no <c>CREATE TABLE IF NOT EXISTS</c>: with
    /// <see cref="DdlOptions.IfNotExists"/> the table is guarded by <c>IF OBJECT_ID(N'[t]', N'U') IS NULL</c> and each
    /// index by a look-up in <c>sys.indexes</c>.
    /// </summary>
    /// <param name="table">The definition.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements: the table, then its indexes.</returns>
    public override IReadOnlyList<SqlStatement> CreateTable(TableDefinition table, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var nl = Environment.NewLine;
        var name = QuoteIdentifier(table.Name);
        var objectId = $"OBJECT_ID({StringLiteral(name)}, N'U')";
        var statements = new List<SqlStatement>
        {
            SqlStatement.Of(
                (options.IfNotExists ? $"IF {objectId} IS NULL{nl}" : string.Empty) +
                $"CREATE TABLE {name} ({nl}{string.Join("," + nl, TableElements(table))}{nl})"),
        };
        foreach (var (index, columns) in table.Indexes)
        {
            var guard = options.IfNotExists
                ? $"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID({StringLiteral(name)}) AND [name] = {StringLiteral(IndexName(index))}){nl}"
                : string.Empty;
            statements.Add(SqlStatement.Of($"{guard}CREATE INDEX {QuoteIdentifier(index)} ON {name} ({ColumnList(columns)})"));
        }

        return statements;
    }

    /// <inheritdoc />
    protected override string CreateViewPrefix(string view) => $"CREATE OR ALTER VIEW {QuoteIdentifier(view)}";

    /// <summary>The existence check of a hub or link load holds a key-range lock until the insert commits, so concurrent loaders wait instead of inserting the same key.</summary>
    protected override string ExistenceLockHint => " WITH (UPDLOCK, HOLDLOCK)";

    /// <summary>None: SQL Server has no <c>ON CONFLICT</c>; <see cref="ExistenceLockHint"/> makes the insert safe.</summary>
    /// <param name="keyColumn">The hash-key column.</param>
    /// <returns>An empty string.</returns>
    protected override string ConflictClause(string keyColumn) => string.Empty;

    /// <summary>End-dating in T-SQL's form: <c>UPDATE t SET … FROM [sat] t JOIN (successors) n ON …</c>.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table (limits the work to the keys of the batch).</param>
    /// <returns>The statement.</returns>
    public override SqlStatement EndDateSatellite(Satellite satellite, StagingTable staging)
    {
        var (key, loadDate, endDate, table, successors) = EndDateParts(satellite, staging);
        var next = QuoteIdentifier("dv_next");
        var nl = Environment.NewLine;
        return SqlStatement.Of(
            $"UPDATE t{nl}" +
            $"SET {endDate} = n.{next}{nl}" +
            $"FROM {table} t{nl}" +
            $"JOIN ({successors}) n ON t.{key} = n.{key} AND t.{loadDate} = n.{loadDate}{nl}" +
            $"WHERE t.{endDate} IS NULL OR t.{endDate} <> n.{next}");
    }

    /// <summary>
    /// The PIT insert in T-SQL's order: the common table expression of snapshot dates first (<c>WITH</c>, T-SQL has no
    /// <c>RECURSIVE</c>), then <c>INSERT … SELECT</c>, then <c>OPTION (MAXRECURSION 0)</c>, since the default limit of
    /// 100 recursions would stop a range of more than 101 days.
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="firstSnapshot">The first snapshot date.</param>
    /// <param name="lastSnapshot">The last snapshot date.</param>
    /// <param name="options">DDL options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The statement.</returns>
    public override SqlStatement InsertPitSnapshots(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot, DdlOptions? options = null)
    {
        var (insert, snapshots, select, parameters) = PitInsertParts(pit, firstSnapshot, lastSnapshot, options);
        var nl = Environment.NewLine;
        return new SqlStatement($"{RecursiveWith} {snapshots}{nl}{insert}{nl}{select}{nl}OPTION (MAXRECURSION 0)", parameters);
    }

    /// <summary>T-SQL writes a recursive common table expression with a plain <c>WITH</c>.</summary>
    protected override string RecursiveWith => "WITH";

    /// <summary><c>DATEADD(day, 1, x)</c>, a date for a date.</summary>
    /// <param name="expression">A date expression.</param>
    /// <returns>The expression.</returns>
    protected override string NextDay(string expression) => $"DATEADD(day, 1, {expression})";

    /// <summary>
    /// The canonical text of a typed value as <c>NVARCHAR(MAX)</c> under <see cref="HashingCollation"/>, with explicit,
    /// session-independent formats: <c>CONVERT</c> styles 23 (date) and 121 (time, timestamp), decimals through
    /// <c>DECIMAL(p,s)</c>, bits as <c>true</c>/<c>false</c>, GUIDs lower-cased, binary as upper-case hex (style 2).
    /// </summary>
    /// <param name="expression">The value's SQL expression.</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression; NULL stays NULL.</returns>
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
        return $"CAST({text} AS NVARCHAR(MAX)) COLLATE {HashingCollation}";
    }

    /// <summary>
    /// As the base, except that with <see cref="TrimRule.None"/> an empty text is detected by its length: T-SQL pads
    /// strings with spaces before comparing them, so <c>NULLIF(N' ', N'')</c> would wrongly be NULL.
    /// </summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="expression">The value's SQL expression.</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression.</returns>
    public override string StandardizedPart(HashingStandard standard, HashPurpose purpose, string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (standard.Trim == TrimRule.None && standard.EmptyStringIsNull)
        {
            var text = CanonicalText(expression, type);
            return base.StandardizedPart(standard with { EmptyStringIsNull = false }, purpose, $"CASE WHEN DATALENGTH({text}) = 0 THEN NULL ELSE {text} END", DataType.Text);
        }

        return base.StandardizedPart(standard, purpose, expression, type);
    }

    /// <summary><c>(a + b + …)</c>: with <c>CONCAT_NULL_YIELDS_NULL ON</c> (the default, and the only setting of new SQL Server versions) NULL if any part is NULL — unlike <c>CONCAT()</c>.</summary>
    /// <param name="parts">Text expressions.</param>
    /// <returns>The concatenation.</returns>
    public override string Concat(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" + ", parts) + ")";
    }

    /// <summary>
    /// <c>LOWER(CONVERT(CHAR(n), HASHBYTES('MD5', CAST(x COLLATE Latin1_General_100_BIN2_UTF8 AS VARCHAR(MAX))), 2))</c>:
    /// the text converted to <c>VARCHAR</c> under a UTF-8 collation is its UTF-8 bytes (the conversion uses the code
    /// page of the input's collation), which <c>HASHBYTES</c> hashes.
    /// </summary>
    /// <param name="algorithm">MD5, SHA-1 or SHA-256.</param>
    /// <param name="input">The text expression.</param>
    /// <returns>A lower-case hex expression.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">xxHash128, which SQL Server does not compute.</exception>
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
        return string.Create(CultureInfo.InvariantCulture, $"LOWER(CONVERT(CHAR({hexLength}), HASHBYTES('{name}', CAST(({input}) COLLATE {HashingCollation} AS VARCHAR(MAX))), 2))");
    }

    /// <summary><c>CONVERT(VARBINARY(64), hex, 2)</c>: hex digits without <c>0x</c> to bytes.</summary>
    /// <param name="hex">A hex text expression.</param>
    /// <returns>A binary expression.</returns>
    public override string HexToBinary(string hex) => $"CONVERT(VARBINARY(64), {hex}, 2)";

    /// <summary>A T-SQL binary constant: <c>0x000…</c>.</summary>
    /// <param name="length">The length in bytes.</param>
    /// <returns>The literal.</returns>
    public override string ZeroBinaryLiteral(int length) => "0x" + new string('0', 2 * length);

    private static string IndexName(string index)
    {
        Identifiers.EnsureSafe(index, nameof(index));
        return index;
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

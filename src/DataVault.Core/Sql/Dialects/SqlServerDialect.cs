using DataVault.Core.Hashing;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// SQL Server 2019+ (and Azure SQL). Generated and parsed with Microsoft's T-SQL parser in this repository's tests, not
/// executed. Identifiers in brackets, <c>@name</c> parameters, <c>NVARCHAR</c> text, <c>DATETIME2(6)</c> load dates,
/// idempotent DDL through <c>IF OBJECT_ID(…) IS NULL</c>, hub and link loads made concurrency-safe with
/// <c>WITH (UPDLOCK, HOLDLOCK)</c> on the existence check, and in-database hashing with <c>HASHBYTES</c> over the UTF-8
/// bytes of the text (the UTF-8 collations of SQL Server 2019).
/// </summary>
public sealed class SqlServerDialect : SqlDialect
{
    /// <summary>
    /// The collation the hashing expressions compute under: binary comparison (no ignorable characters, exact
    /// <c>REPLACE</c>), and a UTF-8 code page, so that converting the text to <c>VARCHAR</c> yields its UTF-8 bytes.
    /// </summary>
    public const string HashingCollation = "Latin1_General_100_BIN2_UTF8";

    /// <summary>Creates the dialect.</summary>
    public SqlServerDialect()
        : base(
            "SQL Server",
            // 128 characters (sysname); the library's identifiers are ASCII, so characters are bytes. N'…' literals never
            // pass through a code page.
            new SqlQuoter { OpenQuote = '[', CloseQuote = ']', StringLiteralPrefix = "N", CharacterFunction = "NCHAR({0})" },
            new SqlServerTypeMap(),
            new SqlServerPrimitives(),
            new DialectCapabilities
            {
                MinimumVersion = "2019",
                ScriptBatchSeparator = "GO",
                // Temporary tables are #names, which the library's identifier rules do not allow.
                TemporaryTables = false,
                KeyInsert = KeyInsertStyle.LockedNotExists,
                ViewCreation = ViewCreation.CreateOrAlter,
                JoinedUpdate = JoinedUpdateStyle.UpdateAliasFromJoin,
                RecursiveWith = "WITH",
                InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 },
                // UPPER follows the collation's (version 100) case tables, not Unicode's simple mapping.
                UnicodeUpper = false,
            })
    {
    }

    /// <summary>
    /// SQL Server has no <c>CREATE TABLE IF NOT EXISTS</c>: with <see cref="DdlOptions.IfNotExists"/> the table is
    /// guarded by <c>IF OBJECT_ID(N'[t]', N'U') IS NULL</c> and each index by a look-up in <c>sys.indexes</c>.
    /// </summary>
    /// <param name="table">The definition.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements: the table, then its indexes.</returns>
    protected override IReadOnlyList<SqlStatement> CreateTableCore(TableDefinition table, DdlOptions options)
    {
        var nl = Environment.NewLine;
        var name = QuoteTable(table.Schema, table.Name);
        var statements = new List<SqlStatement>
        {
            SqlStatement.Of(
                (options.IfNotExists ? $"IF OBJECT_ID({Quoter.StringLiteral(name)}, N'U') IS NULL{nl}" : string.Empty) +
                $"CREATE TABLE {name} ({nl}{string.Join("," + nl, TableElements(table))}{nl})"),
        };
        foreach (var index in table.Indexes)
        {
            var guard = options.IfNotExists
                ? $"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID({Quoter.StringLiteral(name)}) AND [name] = {Quoter.StringLiteral(QuoteIdentifier(index.Name)[1..^1])}){nl}"
                : string.Empty;
            statements.Add(SqlStatement.Of($"{guard}CREATE INDEX {QuoteIdentifier(index.Name)} ON {name} ({IndexColumns(table, index)})"));
        }

        return statements;
    }

    /// <summary>
    /// <c>IF SCHEMA_ID(N's') IS NULL EXEC(N'CREATE SCHEMA [s]')</c>: T-SQL has no <c>CREATE SCHEMA IF NOT EXISTS</c>, and
    /// <c>CREATE SCHEMA</c> must be the only statement of its batch, hence the dynamic SQL.
    /// </summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement CreateSchemaCore(string schema)
    {
        var quoted = QuoteIdentifier(schema);
        return SqlStatement.Of($"IF SCHEMA_ID({Quoter.StringLiteral(schema)}) IS NULL EXEC({Quoter.StringLiteral("CREATE SCHEMA " + quoted)})");
    }

    /// <summary>
    /// The PIT insert in T-SQL's order: the common table expression of snapshot dates first (<c>WITH</c>, T-SQL has no
    /// <c>RECURSIVE</c>), then <c>INSERT … SELECT</c>, then <c>OPTION (MAXRECURSION 0)</c>, since the default limit of
    /// 100 recursions would stop a range of more than 101 days.
    /// </summary>
    /// <param name="parts">The pieces.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement InsertPitSnapshotsCore(PitInsertParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var nl = Environment.NewLine;
        return new SqlStatement($"{Capabilities.RecursiveWith} {parts.Snapshots}{nl}{parts.Insert}{nl}{parts.Select}{nl}OPTION (MAXRECURSION 0)", parts.Parameters);
    }

    /// <summary><c>CAST('…' AS DATETIME2(6))</c>: SQL Server has no <c>TIMESTAMP '…'</c> literal.</summary>
    /// <param name="value">The timestamp.</param>
    /// <returns>The literal.</returns>
    protected override string TimestampLiteral(DateTime value) =>
        $"CAST({Quoter.StringLiteral(value.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture))} AS DATETIME2(6))";

    /// <summary><c>0x00ff…</c>.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The literal.</returns>
    protected override string BinaryLiteral(byte[] value) => "0x" + Convert.ToHexString(value);

    /// <summary><c>1</c>/<c>0</c>: T-SQL has no boolean literal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    protected override string BooleanLiteral(bool value) => value ? "1" : "0";

    /// <summary><c>sys.foreign_key_columns</c> of the table: each column with the referenced table and column.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for <c>SCHEMA_NAME()</c>.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListForeignKeysCore(string table, string? schema) => new(
        "SELECT c.[name] AS column_name, rt.[name] AS referenced_table, rc.[name] AS referenced_column FROM sys.foreign_key_columns f " +
        "JOIN sys.tables t ON t.[object_id] = f.[parent_object_id] JOIN sys.columns c ON c.[object_id] = f.[parent_object_id] AND c.[column_id] = f.[parent_column_id] " +
        "JOIN sys.tables rt ON rt.[object_id] = f.[referenced_object_id] JOIN sys.columns rc ON rc.[object_id] = f.[referenced_object_id] AND rc.[column_id] = f.[referenced_column_id] " +
        $"WHERE t.[name] = {ParameterPlaceholder("dv_table")} AND SCHEMA_NAME(t.[schema_id]) = {CatalogSchema(schema)} ORDER BY c.[name]",
        [new("dv_table", table)]);

    /// <summary><c>sys.indexes</c> of the table, without its primary key, each index's key columns in order.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for <c>SCHEMA_NAME()</c>.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListIndexesCore(string table, string? schema) => new(
        "SELECT i.[name] AS index_name, c.[name] AS column_name, ic.[key_ordinal] AS position FROM sys.indexes i " +
        "JOIN sys.index_columns ic ON ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id] " +
        "JOIN sys.columns c ON c.[object_id] = ic.[object_id] AND c.[column_id] = ic.[column_id] JOIN sys.tables t ON t.[object_id] = i.[object_id] " +
        $"WHERE t.[name] = {ParameterPlaceholder("dv_table")} AND SCHEMA_NAME(t.[schema_id]) = {CatalogSchema(schema)} AND i.[is_primary_key] = 0 AND ic.[key_ordinal] > 0 ORDER BY i.[name], ic.[key_ordinal]",
        [new("dv_table", table)]);

    /// <summary><c>SCHEMA_NAME()</c>: the caller's default schema.</summary>
    protected override string CurrentSchemaExpression => "SCHEMA_NAME()";
}

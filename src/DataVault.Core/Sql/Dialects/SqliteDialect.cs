using DataVault.Core.Sqlite;
using DataVault.Core.Hashing;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// SQLite 3.41+ (Microsoft.Data.Sqlite bundles a newer one), the embedded default. SQLite has neither MD5 nor a
/// Unicode <c>upper()</c>, so in-database hashing calls functions backed by the C# engine, registered on the
/// connection with <see cref="SqliteHashFunctions.Register"/>: the engine is then the C# engine itself.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <summary>Creates the dialect.</summary>
    public SqliteDialect()
        : base(
            "SQLite",
            // Parameters are bound by their placeholder (@name): SQLite's provider otherwise tries every prefix.
            new SqlQuoter { MaxIdentifierLength = 255, BindsByPlaceholder = true, CharacterFunction = "CHAR({0})" },
            new SqliteTypeMap(),
            new SqlitePrimitives(),
            new DialectCapabilities
            {
                MinimumVersion = "3.41",
                Schemas = false,
                MaxRowsPerInsert = 1,
                ViewCreation = ViewCreation.CreateIfNotExists,
                InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256, HashAlgorithmKind.XxHash128 },
                UnicodeUpper = true,
            })
    {
    }

    /// <summary><c>pragma_foreign_key_list(@table)</c>.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Always <see langword="null"/>: SQLite has no schemas (a model with one is DV1008).</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListForeignKeysCore(string table, string? schema) =>
        new($"SELECT {Quoter.QuoteIdentifier("from")} AS column_name, {Quoter.QuoteIdentifier("table")} AS referenced_table, {Quoter.QuoteIdentifier("to")} AS referenced_column FROM pragma_foreign_key_list({ParameterPlaceholder("dv_table")}) ORDER BY {Quoter.QuoteIdentifier("from")}", [new("dv_table", table)]);

    /// <summary><c>pragma_index_list(@table)</c> joined to <c>pragma_index_info</c>: the indexes made by <c>CREATE INDEX</c> (origin <c>c</c>).</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Always <see langword="null"/>: SQLite has no schemas (a model with one is DV1008).</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListIndexesCore(string table, string? schema) =>
        new($"SELECT il.{Quoter.QuoteIdentifier("name")} AS index_name, ii.{Quoter.QuoteIdentifier("name")} AS column_name, ii.{Quoter.QuoteIdentifier("seqno")} + 1 AS position FROM pragma_index_list({ParameterPlaceholder("dv_table")}) il JOIN pragma_index_info(il.{Quoter.QuoteIdentifier("name")}) ii WHERE il.{Quoter.QuoteIdentifier("origin")} = 'c' ORDER BY il.{Quoter.QuoteIdentifier("name")}, ii.{Quoter.QuoteIdentifier("seqno")}", [new("dv_table", table)]);

    /// <summary><c>pragma_table_info(@table)</c>: SQLite has no <c>information_schema</c>.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Always <see langword="null"/>: SQLite has no schemas (a model with one is DV1008).</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListColumnsCore(string table, string? schema) =>
        new($"SELECT {Quoter.QuoteIdentifier("name")} AS column_name, {Quoter.QuoteIdentifier("notnull")} AS not_null, {Quoter.QuoteIdentifier("type")} AS column_type, {Quoter.QuoteIdentifier("pk")} AS pk_position FROM pragma_table_info({ParameterPlaceholder("dv_table")}) ORDER BY cid", [new("dv_table", table)]);
}

using DataVault.Core.Hashing;

namespace DataVault.Core.Sql;

/// <summary>
/// What an engine can do and how it writes the few statements that differ in shape, as data: the statement writers
/// choose their SQL from it and refuse what is missing. A capability exists because a writer branches on it.
/// </summary>
public sealed record DialectCapabilities
{
    /// <summary>The line a script puts after each statement (<c>GO</c> for SQL Server), or <see langword="null"/> to end statements with <c>;</c> (<see cref="SqlDialect.Script"/>).</summary>
    public string? ScriptBatchSeparator { get; init; }

    /// <summary>The oldest engine version the generated SQL is written for.</summary>
    public string MinimumVersion { get; init; } = string.Empty;

    /// <summary><c>CREATE TABLE IF NOT EXISTS</c> (or an equivalent the dialect writes).</summary>
    public bool IdempotentDdl { get; init; } = true;

    /// <summary>DDL inside a transaction is rolled back with it (PostgreSQL, SQLite, DuckDB, SQL Server; not MariaDB/MySQL).</summary>
    public bool TransactionalDdl { get; init; } = true;

    /// <summary>Temporary tables for staging.</summary>
    public bool TemporaryTables { get; init; } = true;

    /// <summary>
    /// The schema that addresses a temporary table, so that a permanent table of the same name is never dropped or
    /// analysed instead (PostgreSQL <c>pg_temp</c>, DuckDB <c>temp.main</c>), or <see langword="null"/> (default).
    /// </summary>
    public string? TemporaryTableSchema { get; init; }

    /// <summary>Whether a temporary table is dropped with <c>DROP TEMPORARY TABLE</c>, which never touches a permanent one (MariaDB/MySQL).</summary>
    public bool DropTemporaryTable { get; init; }

    /// <summary>What follows every <c>CREATE TABLE (…)</c>, e.g. MariaDB's <c>ENGINE=InnoDB DEFAULT CHARSET=utf8mb4</c> (default nothing).</summary>
    public string TableOptions { get; init; } = string.Empty;

    /// <summary>The engine has database schemas (default): objects can be created in a declared schema (<see cref="Modeling.VaultSchemas"/>). SQLite has none.</summary>
    public bool Schemas { get; init; } = true;

    /// <summary>A foreign key may refer to a table of another schema (default); DuckDB refuses it, so a PIT in the business vault's schema gets none there.</summary>
    public bool CrossSchemaForeignKeys { get; init; } = true;

    /// <summary>Secondary indexes are created (default); DuckDB's loads join by hashing, and every ART index slows inserts down.</summary>
    public bool SecondaryIndexes { get; init; } = true;

    /// <summary>Indexes are declared inside <c>CREATE TABLE</c> (MariaDB/MySQL, which have no <c>CREATE INDEX IF NOT EXISTS</c>).</summary>
    public bool IndexesInsideCreateTable { get; init; }

    /// <summary>
    /// Foreign keys get a name (<c>CONSTRAINT fk_table_column</c>) instead of the engine's own (MariaDB/MySQL, whose
    /// generated names can exceed the identifier limit).
    /// </summary>
    public bool NamedForeignKeys { get; init; }

    /// <summary>How a view is created idempotently.</summary>
    public ViewCreation ViewCreation { get; init; } = ViewCreation.CreateOrReplace;

    /// <summary>How new hub and link keys (and ghost records) are inserted so that a concurrent loader's key is skipped.</summary>
    public KeyInsertStyle KeyInsert { get; init; } = KeyInsertStyle.OnConflictDoNothing;

    /// <summary>
    /// Whether <see cref="KeyInsert"/> is safe when two open transactions insert the same new key (false for DuckDB,
    /// whose optimistic concurrency fails the second <c>COMMIT</c> instead of skipping the key).
    /// </summary>
    public bool ConflictSafeInsert { get; init; } = true;

    /// <summary>Whether a <c>SELECT</c> of constants needs <c>FROM DUAL</c> (MariaDB/MySQL).</summary>
    public bool SelectFromDual { get; init; }

    /// <summary>How an <c>UPDATE</c> joins another row set (end dating).</summary>
    public JoinedUpdateStyle JoinedUpdate { get; init; } = JoinedUpdateStyle.UpdateFrom;

    /// <summary>The keyword that starts a recursive common table expression (default <c>WITH RECURSIVE</c>; T-SQL <c>WITH</c>).</summary>
    public string RecursiveWith { get; init; } = "WITH RECURSIVE";

    /// <summary>
    /// How a PIT build finds each satellite's version at the end of a day: <see langword="true"/> (default) joins each day
    /// to the version whose validity (its load date up to its successor's, from <c>LEAD</c>) contains the end of the day;
    /// <see langword="false"/> looks up <c>MAX(load_date)</c> per key and day with a correlated subquery, which DuckDB
    /// decorrelates into one hash aggregate (about twice as fast there; docs/business-vault.md).
    /// </summary>
    public bool PitVersionWindows { get; init; } = true;

    /// <summary>
    /// The most rows one parameterised <c>INSERT … VALUES (…), (…)</c> of the generic staging writer carries, or
    /// <see langword="null"/> for as many as the parameter budget allows. SQLite: 1 — in process, one prepared row per
    /// statement binds fastest.
    /// </summary>
    public int? MaxRowsPerInsert { get; init; }

    /// <summary>The hash algorithms the engine computes in SQL.</summary>
    public IReadOnlySet<HashAlgorithmKind> InDatabaseHashAlgorithms { get; init; } = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha256 };

    /// <summary>Whether <c>UPPER</c> applies Unicode's simple mapping to non-ASCII text (see docs/dialects.md for each engine).</summary>
    public bool UnicodeUpper { get; init; } = true;
}

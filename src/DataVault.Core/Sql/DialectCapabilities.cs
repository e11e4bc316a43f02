using DataVault.Core.Hashing;

namespace DataVault.Core.Sql;

/// <summary>What an engine can do; the writers choose their SQL from it and refuse what is missing.</summary>
public sealed record DialectCapabilities
{
    /// <summary><c>CREATE TABLE IF NOT EXISTS</c> (or an equivalent the dialect writes).</summary>
    public bool IdempotentDdl { get; init; } = true;

    /// <summary>DDL inside a transaction is rolled back with it (PostgreSQL, SQLite, DuckDB, SQL Server; not MariaDB/MySQL).</summary>
    public bool TransactionalDdl { get; init; } = true;

    /// <summary>Temporary tables for staging.</summary>
    public bool TemporaryTables { get; init; } = true;

    /// <summary>An insert that skips rows whose key exists (<c>ON CONFLICT DO NOTHING</c> or equivalent), safe under concurrency.</summary>
    public bool ConflictSafeInsert { get; init; } = true;

    /// <summary>The hash algorithms the engine computes in SQL.</summary>
    public IReadOnlySet<HashAlgorithmKind> InDatabaseHashAlgorithms { get; init; } = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha256 };

    /// <summary>Whether <c>UPPER</c> applies Unicode's simple mapping to non-ASCII text (see docs/dialects.md for each engine).</summary>
    public bool UnicodeUpper { get; init; } = true;

    /// <summary>
    /// The most rows one parameterised <c>INSERT … VALUES (…), (…)</c> of the generic staging writer carries, or
    /// <see langword="null"/> for as many as the parameter budget allows. SQLite: 1 — in process, one prepared row per
    /// statement binds fastest.
    /// </summary>
    public int? MaxRowsPerInsert { get; init; }

    /// <summary>The oldest engine version the generated SQL is written for.</summary>
    public string MinimumVersion { get; init; } = string.Empty;
}

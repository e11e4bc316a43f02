namespace DataVault.Core.Sql;

/// <summary>How a hub's or link's new keys are inserted so that a key a concurrent loader inserted meanwhile is skipped.</summary>
public enum KeyInsertStyle
{
    /// <summary><c>INSERT … SELECT … WHERE NOT EXISTS (…) ON CONFLICT (key) DO NOTHING</c> (PostgreSQL, SQLite, DuckDB).</summary>
    OnConflictDoNothing = 0,

    /// <summary>
    /// <c>… ON DUPLICATE KEY UPDATE t.key = t.key</c>, a no-op (MariaDB/MySQL) — never <c>INSERT IGNORE</c>, which would
    /// also swallow NOT NULL, foreign-key and truncation errors.
    /// </summary>
    OnDuplicateKeyNoOp = 1,

    /// <summary>The existence check holds a key-range lock until the insert commits: <c>WITH (UPDLOCK, HOLDLOCK)</c> (SQL Server).</summary>
    LockedNotExists = 2,
}

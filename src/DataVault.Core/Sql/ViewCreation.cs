namespace DataVault.Core.Sql;

/// <summary>How a view is created idempotently.</summary>
public enum ViewCreation
{
    /// <summary><c>CREATE OR REPLACE VIEW</c> (PostgreSQL, MariaDB/MySQL, DuckDB).</summary>
    CreateOrReplace = 0,

    /// <summary><c>CREATE VIEW IF NOT EXISTS</c> (SQLite, which cannot replace a view).</summary>
    CreateIfNotExists = 1,

    /// <summary><c>CREATE OR ALTER VIEW</c> (SQL Server).</summary>
    CreateOrAlter = 2,
}

using DataVault.Core.Sql.Dialects;

namespace DataVault.Core.Sql;

/// <summary>The built-in dialects, one shared instance each (dialects are immutable and thread-safe).</summary>
public static class SqlDialects
{
    /// <summary>SQLite, the embedded default.</summary>
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>PostgreSQL.</summary>
    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    /// <summary>MariaDB and MySQL.</summary>
    public static SqlDialect MySql { get; } = new MySqlDialect();

    /// <summary>DuckDB.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>SQL Server (generated and parsed; not executed in this repository's tests).</summary>
    public static SqlDialect SqlServer { get; } = new SqlServerDialect();

    /// <summary>Every built-in dialect, by a short provider name: sqlite, postgres, mariadb, duckdb, sqlserver.</summary>
    public static IReadOnlyDictionary<string, SqlDialect> All { get; } = new Dictionary<string, SqlDialect>(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = Sqlite,
        ["postgres"] = PostgreSql,
        ["mariadb"] = MySql,
        ["duckdb"] = DuckDb,
        ["sqlserver"] = SqlServer,
    };
}

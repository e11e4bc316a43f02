using DataVault.Core.Sql.Dialects;

namespace DataVault.Core.Sql;

/// <summary>The built-in dialects, one shared instance each (dialects are immutable and thread-safe).</summary>
public static class SqlDialects
{
    /// <summary>SQLite, the embedded default.</summary>
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>PostgreSQL.</summary>
    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    /// <summary>MariaDB (tested) and the MySQL family; <see cref="MySql"/> is the same instance.</summary>
    public static SqlDialect MariaDb { get; } = new MariaDbDialect();

    /// <summary>An alias of <see cref="MariaDb"/>: one dialect writes for MariaDB and MySQL.</summary>
    public static SqlDialect MySql => MariaDb;

    /// <summary>DuckDB.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>SQL Server (generated and parsed; not executed in this repository's tests).</summary>
    public static SqlDialect SqlServer { get; } = new SqlServerDialect();

    /// <summary>
    /// Every built-in dialect, by a short provider name: sqlite, postgres, mariadb, duckdb, sqlserver — and the aliases
    /// postgresql and mysql.
    /// </summary>
    public static IReadOnlyDictionary<string, SqlDialect> All { get; } = new Dictionary<string, SqlDialect>(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = Sqlite,
        ["postgres"] = PostgreSql,
        ["postgresql"] = PostgreSql,
        ["mariadb"] = MariaDb,
        ["mysql"] = MariaDb,
        ["duckdb"] = DuckDb,
        ["sqlserver"] = SqlServer,
    };
}

using DataVault.Core.Sql.Dialects;

namespace DataVault.Core.Sql;

/// <summary>The built-in dialects, one shared instance each (dialects are immutable and thread-safe).</summary>
public static class SqlDialects
{
    /// <summary>SQLite, the embedded default.</summary>
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>PostgreSQL.</summary>
    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();
}

namespace DataVault.Core.Sql;

/// <summary>How an <c>UPDATE</c> reads another row set (end dating sets each version's end from its successor).</summary>
public enum JoinedUpdateStyle
{
    /// <summary><c>UPDATE t SET c = n.x FROM (…) n WHERE t.k = n.k</c> (PostgreSQL, SQLite 3.33+, DuckDB).</summary>
    UpdateFrom = 0,

    /// <summary><c>UPDATE t JOIN (…) n ON t.k = n.k SET t.c = n.x</c> (MariaDB/MySQL, which forbid a subquery on the updated table except a derived table).</summary>
    UpdateJoin = 1,

    /// <summary><c>UPDATE t SET c = n.x FROM tbl t JOIN (…) n ON t.k = n.k</c> (T-SQL).</summary>
    UpdateAliasFromJoin = 2,
}

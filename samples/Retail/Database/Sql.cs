using System.Data.Common;
using DataVault.Core.Execution;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;

namespace Retail.Database;

/// <summary>
/// Runs parameterised statements (<see cref="SqlStatement"/>: text + named parameters) through the library's one path to
/// ADO.NET, <see cref="VaultSession"/>: parameter names, values and timeouts as the loader binds them.
/// </summary>
internal static class Sql
{
    /// <summary>A session on a connection, with the dialect of its provider.</summary>
    /// <param name="connection">The open connection.</param>
    /// <returns>The session.</returns>
    public static VaultSession Session(DbConnection connection) => new(connection, DatabaseTarget.DialectOf(connection));

    /// <summary>Runs a statement that returns nothing.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The affected row count.</returns>
    public static Task<int> ExecuteAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken) =>
        Session(connection).ExecuteAsync(statement, null, cancellationToken);

    /// <summary>Runs a query and returns its single value.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The value (<see langword="null"/> for NULL or no row).</returns>
    public static Task<object?> ScalarAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken) =>
        Session(connection).ScalarAsync(statement, null, cancellationToken);

    /// <summary>Runs a query and reads every row.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The columns and rows.</returns>
    public static async Task<QueryResult> QueryAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        var result = await Session(connection).QueryAsync(statement, null, null, cancellationToken);
        return new QueryResult(result.Columns, result.Rows);
    }

    /// <summary>Whether a table exists (ANSI <c>information_schema</c>, or SQLite's <c>sqlite_master</c>).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="table">The table name.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>Whether it exists.</returns>
    public static async Task<bool> TableExistsAsync(DbConnection connection, SqlDialect dialect, string table, CancellationToken cancellationToken)
    {
        var p = dialect.ParameterPlaceholder("table_name");
        var text = dialect is SqliteDialect
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = {p}"
            : dialect is MariaDbDialect
                ? $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = {p}"
                : $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {p}";
        var count = await ScalarAsync(connection, new SqlStatement(text, [new("table_name", table)]), cancellationToken);
        return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}

/// <summary>The rows of a query.</summary>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows, one value per column (<see langword="null"/> for NULL).</param>
internal sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

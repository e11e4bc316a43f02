using System.Data.Common;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;

namespace Retail.Database;

/// <summary>Runs parameterised statements (<see cref="SqlStatement"/>: text + named parameters) on any ADO.NET provider.</summary>
internal static class Sql
{
    /// <summary>Creates a command for a statement; parameter names are bare (<c>name</c>), which every provider binds.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <returns>The command.</returns>
    public static DbCommand Command(DbConnection connection, SqlStatement statement, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = statement.Text;
        command.Transaction = transaction;
        foreach (var parameter in statement.Parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = parameter.Name;
            p.Value = parameter.Value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>Runs a statement that returns nothing.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The affected row count.</returns>
    public static async Task<int> ExecuteAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, statement);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query and returns its single value.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The value (<see langword="null"/> for NULL or no row).</returns>
    public static async Task<object?> ScalarAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, statement);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and reads every row.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The columns and rows.</returns>
    public static async Task<QueryResult> QueryAsync(DbConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, statement);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new QueryResult(columns, rows);
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

using System.Globalization;
using System.Text;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.MariaDb;

/// <summary>
/// Writes rows with multi-row <c>INSERT INTO t (...) VALUES (...), (...)</c> statements: as many rows per statement
/// as <see cref="MariaDbStagingOptions.MaxRowsPerInsert"/>, <see cref="MariaDbStagingOptions.MaxParametersPerStatement"/>
/// and half the server's <c>max_allowed_packet</c> allow. The statement of a full group is prepared once per table
/// and reused (the server parses it once; values travel in the binary protocol); a shorter group (the last of a
/// call, or one cut short by large values) is sent unprepared.
/// </summary>
internal sealed class MariaDbMultiRowInsert : IAsyncDisposable
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly int _maxRows;
    private readonly Dictionary<StagingTableSchema, MySqlCommand> _prepared = [];
    private long? _byteBudget;

    public MariaDbMultiRowInsert(MySqlConnection connection, MySqlTransaction transaction, SqlDialect dialect, int maxRows)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _maxRows = maxRows;
    }

    public async Task WriteAsync(StagingTableSchema table, MariaDbStagingColumn[] columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var budget = _byteBudget ??= await ByteBudgetAsync(cancellationToken).ConfigureAwait(false);
        var rowsPerStatement = Math.Max(1, Math.Min(_maxRows, MariaDbStagingOptions.MaxParametersPerStatement / columns.Length));
        var start = 0;
        while (start < rows.Count)
        {
            // The group: up to rowsPerStatement rows, fewer when their values would exceed the byte budget.
            var count = 0;
            long bytes = 0;
            while (start + count < rows.Count && count < rowsPerStatement)
            {
                var rowBytes = RowBytes(rows[start + count], columns, table);
                if (count > 0 && bytes + rowBytes > budget)
                {
                    break;
                }

                bytes += rowBytes;
                count++;
            }

            if (count == rowsPerStatement)
            {
                var command = await PreparedAsync(table, columns, count, cancellationToken).ConfigureAwait(false);
                Bind(command, columns, rows, start, count);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var command = NewCommand(table, columns, count);
                await using (command.ConfigureAwait(false))
                {
                    Bind(command, columns, rows, start, count);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            start += count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _prepared.Clear();
    }

    private static long RowBytes(object?[] row, MariaDbStagingColumn[] columns, StagingTableSchema table)
    {
        if (row is null || row.Length != columns.Length)
        {
            throw new ArgumentException($"Every row of {table.Name} needs {columns.Length} values; one has {row?.Length.ToString(CultureInfo.InvariantCulture) ?? "none"}.", nameof(row));
        }

        long bytes = 8;
        foreach (var value in row)
        {
            bytes += value is null ? 4 : MariaDbStagingColumn.EstimatedBytes(value);
        }

        return bytes;
    }

    private static void Bind(MySqlCommand command, MariaDbStagingColumn[] columns, IReadOnlyList<object?[]> rows, int start, int count)
    {
        var parameters = command.Parameters;
        var p = 0;
        for (var r = start; r < start + count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[p++].Value = columns[c].Convert(row[c]);
            }
        }
    }

    private async Task<MySqlCommand> PreparedAsync(StagingTableSchema table, MariaDbStagingColumn[] columns, int count, CancellationToken cancellationToken)
    {
        if (!_prepared.TryGetValue(table, out var command))
        {
            command = NewCommand(table, columns, count);
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            _prepared.Add(table, command);
        }

        return command;
    }

    private MySqlCommand NewCommand(StagingTableSchema table, MariaDbStagingColumn[] columns, int count)
    {
        var sql = new StringBuilder("INSERT INTO ")
            .Append(_dialect.QuoteTable(table.DatabaseSchema, table.Name))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => _dialect.QuoteIdentifier(c.Name)))
            .Append(") VALUES ");
        var command = new MySqlCommand { Connection = _connection, Transaction = _transaction };
        var p = 0;
        for (var r = 0; r < count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = "p" + p.ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? string.Empty : ", ").Append(_dialect.ParameterPlaceholder(name));
                command.Parameters.Add(new MySqlParameter(name, DBNull.Value));
                p++;
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Half the server's <c>max_allowed_packet</c>: the estimated bytes of one statement's values stay below it.</summary>
    private async Task<long> ByteBudgetAsync(CancellationToken cancellationToken)
    {
        var command = new MySqlCommand("SELECT @@max_allowed_packet", _connection, _transaction);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Math.Max(64 * 1024, System.Convert.ToInt64(value, CultureInfo.InvariantCulture) / 2);
        }
    }
}

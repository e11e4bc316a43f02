using System.Data;
using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading;

/// <summary>
/// The staging writer for any ADO.NET provider: prepared, reused parameterised <c>INSERT</c> commands in the batch's
/// transaction: several rows per statement (<c>VALUES (...), (...)</c>) up to a parameter budget, which saves round
/// trips, or at most <see cref="DialectCapabilities.MaxRowsPerInsert"/> (SQLite, where it is the fast path: one row per
/// statement, which binds fastest in process).
/// </summary>
public sealed class CommandStagingWriter : IStagingWriter
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly int _maxParameters;
    private readonly int _maxRows;
    private readonly Dictionary<(string Table, int Rows), DbCommand> _commands = [];

    /// <summary>Creates the writer.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="dialect">The dialect (quoting, placeholders, value conversion).</param>
    /// <param name="maxParameters">Parameters per statement at most (default 999: within every engine's limit).</param>
    public CommandStagingWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, int maxParameters = 999)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParameters, 1);
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _maxParameters = maxParameters;
        _maxRows = dialect.Capabilities.MaxRowsPerInsert ?? int.MaxValue;
    }

    /// <inheritdoc />
    public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var width = table.Columns.Count;
        var perStatement = Math.Max(1, Math.Min(_maxParameters / width, _maxRows));
        var offset = 0;
        while (offset < rows.Count)
        {
            var count = Math.Min(perStatement, rows.Count - offset);
            var command = await CommandAsync(table, count, cancellationToken).ConfigureAwait(false);
            var p = 0;
            for (var r = 0; r < count; r++)
            {
                var row = rows[offset + r];
                for (var c = 0; c < width; c++)
                {
                    command.Parameters[p++].Value = _dialect.ToDbValue(row[c], table.Columns[c].Type);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            offset += count;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }

    private async Task<DbCommand> CommandAsync(StagingTableSchema table, int rows, CancellationToken cancellationToken)
    {
        if (_commands.TryGetValue((table.Name, rows), out var command))
        {
            return command;
        }

        command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var columns = string.Join(", ", table.Columns.Select(c => _dialect.QuoteIdentifier(c.Name)));
        var values = new List<string>(rows);
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            var placeholders = new string[table.Columns.Count];
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = "p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture);
                placeholders[c] = _dialect.ParameterPlaceholder(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = _dialect.ParameterName(name);
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
                p++;
            }

            values.Add("(" + string.Join(", ", placeholders) + ")");
        }

#pragma warning disable CA2100 // identifiers are validated and quoted by the dialect; every value is a parameter
        command.CommandText = $"INSERT INTO {_dialect.QuoteIdentifier(table.Name)} ({columns}) VALUES {string.Join(", ", values)}";
#pragma warning restore CA2100
        _commands.Add((table.Name, rows), command);
        return command;
    }
}

using System.Data.Common;
using DataVault.Core.Execution;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Writers;

namespace DataVault.Core.Loading;

/// <summary>
/// The staging writer for any ADO.NET provider: prepared, reused parameterised <c>INSERT</c> commands in the batch's
/// transaction: several rows per statement (<c>VALUES (...), (...)</c>) up to a parameter budget, which saves round
/// trips, or at most <see cref="DialectCapabilities.MaxRowsPerInsert"/> (SQLite, where it is the fast path: one row per
/// statement, which binds fastest in process). Commands are built once per table and row count by
/// <see cref="SqlCommandFactory"/> and then only rebound by position — the staging hot path.
/// </summary>
public sealed class CommandStagingWriter : IStagingWriter
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly TimeSpan? _commandTimeout;
    private readonly LoaderStatements _statements;
    private readonly int _maxParameters;
    private readonly Dictionary<(string Table, int Rows), DbCommand> _commands = [];

    /// <summary>Creates the writer.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="dialect">The dialect (quoting, placeholders, value conversion).</param>
    /// <param name="maxParameters">Parameters per statement at most (default 999: within every engine's limit).</param>
    public CommandStagingWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, int maxParameters = 999)
        : this(connection, transaction, dialect, null, maxParameters)
    {
    }

    /// <summary>Creates the writer on a session, whose command timeout its inserts use.</summary>
    /// <param name="session">The session (its connection is open).</param>
    /// <param name="transaction">The batch's transaction.</param>
    public CommandStagingWriter(VaultSession session, DbTransaction transaction)
        : this((session ?? throw new ArgumentNullException(nameof(session))).Connection, transaction, session.Dialect, session.CommandTimeout, 999)
    {
    }

    private CommandStagingWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, TimeSpan? commandTimeout, int maxParameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParameters, 1);
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _commandTimeout = commandTimeout;
        _statements = new LoaderStatements(dialect);
        _maxParameters = maxParameters;
    }

    /// <inheritdoc />
    public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var width = table.Columns.Count;
        var perStatement = _statements.StagingRowsPerInsert(width, _maxParameters);
        var offset = 0;
        while (offset < rows.Count)
        {
            var count = Math.Min(perStatement, rows.Count - offset);
            var command = Command(table, count);
            var p = 0;
            for (var r = 0; r < count; r++)
            {
                var row = rows[offset + r];
                for (var c = 0; c < width; c++)
                {
                    SqlCommandFactory.Bind(command.Parameters[p++], _dialect, row[c], table.Columns[c].Type);
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

    private DbCommand Command(StagingTableSchema table, int rows)
    {
        if (!_commands.TryGetValue((table.DatabaseSchema + "." + table.Name, rows), out var command))
        {
            var insert = _statements.InsertStagingRows(table.Name, [.. table.Columns.Select(c => c.Name)], rows, table.DatabaseSchema);
            command = SqlCommandFactory.Create(_connection, _dialect, insert, _transaction, _commandTimeout);
            _commands.Add((table.DatabaseSchema + "." + table.Name, rows), command);
        }

        return command;
    }
}

using System.Data;
using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Core.Execution;

/// <summary>
/// A connection to a vault's database with its dialect and command timeout: what the loader
/// (<see cref="Loading.VaultLoader"/>), the PIT refresher (<see cref="BusinessVault.PitRefresher"/>) and your own
/// queries share. Every statement runs through <see cref="SqlCommandFactory"/>, so parameter names, values, the timeout,
/// the transaction and cancellation are handled the same way everywhere.
/// <code>
/// var session = new VaultSession(connection, SqlDialects.PostgreSql, commandTimeout: TimeSpan.FromMinutes(5));
/// var loader = new VaultLoader(session, model);
/// var refresher = new PitRefresher(session);
/// </code>
/// </summary>
/// <remarks>The session does not own the connection: dispose the connection yourself. Like a connection, a session runs one statement at a time.</remarks>
public sealed class VaultSession
{
    /// <summary>Creates a session.</summary>
    /// <param name="connection">The connection (opened when needed if it is closed).</param>
    /// <param name="dialect">The dialect of its database.</param>
    /// <param name="commandTimeout">The timeout of every statement, or <see langword="null"/> for the provider's default; <see cref="TimeSpan.Zero"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="commandTimeout"/> is negative.</exception>
    public VaultSession(DbConnection connection, SqlDialect dialect, TimeSpan? commandTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        if (commandTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, nameof(commandTimeout));
        }

        Connection = connection;
        Dialect = dialect;
        CommandTimeout = commandTimeout;
    }

    /// <summary>The connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The timeout of every statement, or <see langword="null"/> for the provider's default.</summary>
    public TimeSpan? CommandTimeout { get; }

    /// <summary>Whether the connection is open.</summary>
    public bool IsOpen => Connection.State == ConnectionState.Open;

    /// <summary>Opens the connection if it is not open.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>Whether this call opened it (then the caller may close it again).</returns>
    public async Task<bool> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (IsOpen)
        {
            return false;
        }

        await Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Begins a transaction on the connection.</summary>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The transaction.</returns>
    public ValueTask<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => Connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Creates the command of a statement (see <see cref="SqlCommandFactory.Create"/>); the caller disposes it.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/>.</param>
    /// <returns>The command.</returns>
    public DbCommand CreateCommand(SqlStatement statement, DbTransaction? transaction = null) =>
        SqlCommandFactory.Create(Connection, Dialect, statement, transaction, CommandTimeout);

    /// <summary>Runs a statement that returns no rows.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The number of rows affected, as the provider reports it.</returns>
    public async Task<int> ExecuteAsync(SqlStatement statement, DbTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        var command = CreateCommand(statement, transaction);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs statements one after the other.</summary>
    /// <param name="statements">The statements.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels them.</param>
    /// <returns>A task.</returns>
    public async Task ExecuteAllAsync(IEnumerable<SqlStatement> statements, DbTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            await ExecuteAsync(statement, transaction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query and returns the first column of its first row.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The value; <see langword="null"/> for SQL NULL or no row.</returns>
    public async Task<object?> ScalarAsync(SqlStatement statement, DbTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        var command = CreateCommand(statement, transaction);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    /// <summary>Runs a query and reads its rows back as values (a BLOB the provider reads as a stream, as DuckDB does, as a byte array).</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="transaction">The transaction, or <see langword="null"/>.</param>
    /// <param name="maxRows">Read at most this many rows, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The column names and the rows.</returns>
    public async Task<SqlQueryResult> QueryAsync(SqlStatement statement, DbTransaction? transaction = null, int? maxRows = null, CancellationToken cancellationToken = default)
    {
        if (maxRows is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(maxRows));
        }

        var limit = maxRows ?? int.MaxValue;
        var command = CreateCommand(statement, transaction);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var columns = new string[reader.FieldCount];
                for (var i = 0; i < columns.Length; i++)
                {
                    columns[i] = reader.GetName(i);
                }

                var rows = new List<object?[]>();
                while (rows.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new object?[columns.Length];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : Materialized(reader.GetValue(i));
                    }

                    rows.Add(row);
                }

                return new SqlQueryResult(columns, rows);
            }
        }
    }

    /// <summary>A value that lives no longer than its reader — DuckDB reads a BLOB as a stream over its result — as bytes.</summary>
    private static object Materialized(object value)
    {
        if (value is not Stream stream)
        {
            return value;
        }

        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}

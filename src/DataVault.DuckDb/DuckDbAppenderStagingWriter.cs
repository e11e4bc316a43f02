using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using DuckDB.NET.Data;

namespace DataVault.DuckDb;

/// <summary>
/// Writes staging rows with DuckDB's appender: one appender per <see cref="WriteAsync"/> call, flushed and closed
/// before the call returns, so that calls for different tables may alternate on the connection.
/// </summary>
/// <remarks>
/// <para>
/// The appender writes through the connection's own transaction: rows appended while the batch's transaction is open
/// are visible to that transaction only and disappear when it rolls back (the integration tests check both). DuckDB has
/// one transaction per connection, so the writer needs no transaction object of its own.
/// </para>
/// <para>
/// A temporary table lives in DuckDB's <c>temp</c> catalog (schema <c>main</c>), where the appender addresses it
/// explicitly; a regular table is addressed by its bare name, as the load SQL does. The appender fills every column of
/// the table in the table's order, so the first write to a table checks that the table's columns are exactly the
/// staging columns, in the same order (one query per table and writer). An appended value that breaks a
/// constraint (for example NULL in a NOT NULL column) fails the call when the appender flushes, and DuckDB then
/// aborts the transaction (roll it back).
/// </para>
/// <para>The appender is synchronous: <see cref="WriteAsync"/> does its work on the calling thread and checks the cancellation token between rows.</para>
/// </remarks>
public sealed class DuckDbAppenderStagingWriter : IStagingWriter
{
    /// <summary>The catalog of DuckDB's temporary tables.</summary>
    private const string TemporaryCatalog = "temp";

    /// <summary>The schema of temporary tables in <see cref="TemporaryCatalog"/>.</summary>
    private const string TemporarySchema = "main";

    private readonly DuckDBConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly Dictionary<StagingTableSchema, DuckDbStagingColumn[]> _columns = [];

    /// <summary>Creates a writer on an open connection and its open transaction.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The batch's transaction on <paramref name="connection"/>; the appender writes inside it.</param>
    /// <param name="dialect">The dialect of the batch, which quotes the identifiers of the column check.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction does not belong to <paramref name="connection"/>.</exception>
    public DuckDbAppenderStagingWriter(DuckDBConnection connection, DuckDBTransaction transaction, SqlDialect dialect)
    {
        StagingWriterArguments.ThrowIfInvalid(connection, transaction, dialect);
        _connection = connection;
        _dialect = dialect;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A row does not have one value per column, or a table name is not a safe identifier.</exception>
    /// <exception cref="InvalidCastException">A value is not of the CLR type its column's <see cref="StagingColumn.Type"/> fixes.</exception>
    public Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var columns = ColumnsOf(table);
        using (var appender = table.Temporary
                   ? _connection.CreateAppender(TemporaryCatalog, TemporarySchema, table.Name)
                   : table.DatabaseSchema is { } schema ? _connection.CreateAppender(null, schema, table.Name) : _connection.CreateAppender(table.Name))
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row is null || row.Length != columns.Length)
                {
                    throw new ArgumentException($"Every row of {table.Name} needs {columns.Length} values; one has {row?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.", nameof(rows));
                }

                var appenderRow = appender.CreateRow();
                for (var i = 0; i < columns.Length; i++)
                {
                    columns[i].Append(appenderRow, row[i]);
                }

                appenderRow.EndRow();
            }

            // Flushes the rows into the table (inside the open transaction) and reports constraint violations.
            appender.Close();
        }

        return Task.CompletedTask;
    }

    /// <summary>Nothing to release: every appender is closed by the call that opened it.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DuckDbStagingColumn[] ColumnsOf(StagingTableSchema table)
    {
        if (!_columns.TryGetValue(table, out var columns))
        {
            if (table.Columns.Count == 0)
            {
                throw new ArgumentException($"The staging table {table.Name} has no columns.", nameof(table));
            }

            columns = [.. table.Columns.Select(c => new DuckDbStagingColumn(c))];
            CheckColumnOrder(table);
            _columns.Add(table, columns);
        }

        return columns;
    }

    /// <summary>
    /// Checks that the table's columns are the staging columns in the same order: the appender fills columns by
    /// position, so a table created with another order would silently receive values in the wrong columns.
    /// </summary>
    private void CheckColumnOrder(StagingTableSchema table)
    {
        var name = table.Temporary
            ? $"{TemporaryCatalog}.{TemporarySchema}.{_dialect.QuoteIdentifier(table.Name)}"
            : _dialect.QuoteTable(table.DatabaseSchema, table.Name);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {name} LIMIT 0";
        using var reader = command.ExecuteReader();
        var actual = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var expected = table.Columns.Select(c => c.Name).ToList();
        if (!actual.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The appender fills columns by position, but the table {table.Name} has the columns ({string.Join(", ", actual)}) and the staging rows ({string.Join(", ", expected)}).");
        }
    }
}

using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using Npgsql;

namespace DataVault.PostgreSql;

/// <summary>
/// Writes staging rows with Npgsql's binary <c>COPY ... FROM STDIN (FORMAT BINARY)</c>: one <c>COPY</c> per
/// <see cref="WriteAsync"/> call, completed before the call returns, so that calls for different tables may alternate
/// on the connection. <c>COPY</c> runs in the connection's open transaction: a rollback discards the rows.
/// </summary>
/// <remarks>
/// Every value is written with the PostgreSQL type of its column, chosen from its <see cref="StagingColumn"/>, so the
/// server never guesses: <c>char(n)</c> hash columns, <c>varchar</c>, <c>text</c>, <c>integer</c>, <c>bigint</c>,
/// <c>numeric</c>, <c>date</c>, <c>time</c>, <c>timestamp</c> (without time zone), <c>boolean</c>, <c>uuid</c> and
/// <c>bytea</c>. A row with the wrong number of values or a value of the wrong CLR type fails the call; the
/// <c>COPY</c> is then cancelled, which leaves the transaction aborted (roll it back).
/// </remarks>
public sealed class NpgsqlCopyStagingWriter : IStagingWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly Dictionary<StagingTableSchema, CopyPlan> _plans = [];

    /// <summary>Creates a writer on an open connection and its open transaction.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The batch's transaction on <paramref name="connection"/>; <c>COPY</c> runs inside it.</param>
    /// <param name="dialect">The dialect that quotes the identifiers.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction does not belong to <paramref name="connection"/>.</exception>
    public NpgsqlCopyStagingWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, SqlDialect dialect)
    {
        StagingWriterArguments.ThrowIfInvalid(connection, transaction, dialect);
        _connection = connection;
        _dialect = dialect;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A row does not have one value per column.</exception>
    /// <exception cref="InvalidCastException">A value is not of the CLR type its column's <see cref="StagingColumn.Type"/> fixes.</exception>
    public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var plan = PlanFor(table);
        var importer = await _connection.BeginBinaryImportAsync(plan.CopyCommand, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            var columns = plan.Columns;
            foreach (var row in rows)
            {
                if (row is null || row.Length != columns.Length)
                {
                    throw new ArgumentException($"Every row of {table.Name} needs {columns.Length} values; one has {row?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.", nameof(rows));
                }

                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < columns.Length; i++)
                {
                    await columns[i].WriteAsync(importer, row[i], cancellationToken).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Nothing to release: every <c>COPY</c> is closed by the call that opened it.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CopyPlan PlanFor(StagingTableSchema table)
    {
        if (!_plans.TryGetValue(table, out var plan))
        {
            if (table.Columns.Count == 0)
            {
                throw new ArgumentException($"The staging table {table.Name} has no columns.", nameof(table));
            }

            var columns = string.Join(", ", table.Columns.Select(c => _dialect.QuoteIdentifier(c.Name)));
            plan = new CopyPlan(
                $"COPY {_dialect.QuoteTable(table.DatabaseSchema, table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)",
                [.. table.Columns.Select(c => new NpgsqlStagingColumn(c))]);
            _plans.Add(table, plan);
        }

        return plan;
    }

    private sealed record CopyPlan(string CopyCommand, NpgsqlStagingColumn[] Columns);
}

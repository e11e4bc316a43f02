using System.Data.Common;
using System.Globalization;
using System.Text;
using DataVault.Core.Execution;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Writers;

namespace DataVault.Core.Loading.Bookkeeping;

/// <summary>
/// The batch log (the seed's <c>etl_batch_log</c>, plus load date, record source, rejected rows and per-table counts).
/// Written outside the batch's transaction, so a failed batch is logged even though its data is rolled back. Its SQL is
/// <see cref="LoaderStatements"/>'.
/// </summary>
internal sealed class BatchLog(LoaderStatements statements, string table)
{
    /// <summary>The table name.</summary>
    public string Table { get; } = table;

    /// <summary>Creates the table.</summary>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements.</returns>
    public IReadOnlyList<SqlStatement> Create(DdlOptions options) => statements.CreateBatchLog(Table, options);

    /// <summary>
    /// Adds the <c>session_id</c> column to a batch log that an earlier version created without it, so a vault loaded
    /// before abandoned batches were tracked keeps loading (its old entries have no session and are never marked).
    /// </summary>
    /// <returns><see langword="true"/> if the column was added.</returns>
    public async Task<bool> AddMissingSessionColumnAsync(VaultSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(statements.ProbeSessionColumn(Table), null, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (DbException)
        {
            await session.ExecuteAsync(statements.AddSessionColumn(Table), null, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Adds a <see cref="BatchStatus.Running"/> entry and returns its id (the highest id + 1; retried if a concurrent loader took it).</summary>
    public async Task<long> StartAsync(VaultSession session, string name, DateTime loadDate, string recordSource, DateTime startTime, string? sessionId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var next = Convert.ToInt64(await session.ScalarAsync(statements.NextBatchId(Table), null, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            try
            {
                await session.ExecuteAsync(statements.StartBatch(Table, next, name, loadDate, recordSource, startTime, sessionId), null, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (DbException) when (attempt < 5)
            {
                await Task.Delay(10 * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Marks <see cref="BatchStatus.Abandoned"/> every <see cref="BatchStatus.Running"/> entry whose loader's session is
    /// dead (<see cref="BatchSessions"/>); each update re-checks that the entry is still running and, where the engine
    /// tells, that its session is still dead.
    /// </summary>
    /// <param name="session">The session to work on.</param>
    /// <param name="sessions">How the engine tells dead sessions.</param>
    /// <param name="now">The end time to record.</param>
    /// <param name="foundBy">The batch that found them, or <see langword="null"/> for an explicit recovery.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The entries marked: id, name, message.</returns>
    public async Task<IReadOnlyList<(long Id, string Name, string Message)>> RecoverAsync(VaultSession session, BatchSessions sessions, DateTime now, string? foundBy, CancellationToken cancellationToken)
    {
        var dead = sessions.DeadSessionCondition;
        var running = await session.QueryAsync(statements.RunningBatches(Table, dead), null, null, cancellationToken).ConfigureAwait(false);
        var marked = new List<(long, string, string)>();
        foreach (var row in running.Rows)
        {
            var sessionId = Convert.ToString(row[2], CultureInfo.InvariantCulture);
            if (sessionId is null || !sessions.IsDead(sessionId))
            {
                continue;
            }

            var id = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
            var message = LoadMessages.BatchAbandoned(sessions.Describe(sessionId), foundBy);
            if (await session.ExecuteAsync(statements.AbandonBatch(Table, id, sessionId, now, message, dead), null, cancellationToken).ConfigureAwait(false) > 0)
            {
                marked.Add((id, Convert.ToString(row[1], CultureInfo.InvariantCulture) ?? string.Empty, message));
            }
        }

        return marked;
    }

    /// <summary>Completes an entry: status, end time, counts, error.</summary>
    public Task FinishAsync(VaultSession session, long batchId, BatchStatus status, DateTime endTime, long read, long inserted, long updated, long rejected, IReadOnlyDictionary<string, long> counts, string? error, CancellationToken cancellationToken) =>
        session.ExecuteAsync(statements.FinishBatch(Table, batchId, status, endTime, read, inserted, updated, rejected, Json(counts), error), null, cancellationToken);

    private static string Json(IReadOnlyDictionary<string, long> counts)
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length > 1 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"\"{key}\": {value}");
        }

        return text.Append('}').ToString();
    }
}

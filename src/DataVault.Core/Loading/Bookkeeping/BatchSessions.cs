using DataVault.Core.Execution;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;

namespace DataVault.Core.Loading.Bookkeeping;

/// <summary>
/// How the batch log tells a <c>running</c> entry of a live loader from one whose loader died (killed, disconnected):
/// each entry records its loader's session (<c>session_id</c>), and the engine's knowledge of live sessions — or, where
/// the engine has none to offer, the operating system's knowledge of live processes — says whether that session still
/// exists. See docs/loading.md#abandoned-batches.
/// </summary>
internal abstract class BatchSessions
{
    /// <summary>The way of the dialect's engine: PostgreSQL backends, MariaDB named locks, processes for the others.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The sessions.</returns>
    public static BatchSessions For(SqlDialect dialect) => dialect switch
    {
        PostgreSqlDialect => new PostgreSqlBatchSessions(dialect.Quoter),
        MariaDbDialect => new MariaDbBatchSessions(dialect.Quoter),
        // One process at a time opens a DuckDB file for writing: another process's running entry is dead.
        DuckDbDialect => new ProcessBatchSessions(otherProcessesMayWrite: false),
        _ => new ProcessBatchSessions(otherProcessesMayWrite: true),
    };

    /// <summary>
    /// The session id of a batch about to start, after taking whatever keeps it visibly alive until <see cref="EndAsync"/>;
    /// <see langword="null"/> when none can be told (then the entry is never marked abandoned).
    /// </summary>
    /// <param name="session">The loader's session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The id to record.</returns>
    public abstract Task<string?> BeginAsync(VaultSession session, CancellationToken cancellationToken);

    /// <summary>Releases what <see cref="BeginAsync"/> took, after the batch's entry is completed (or could not be).</summary>
    /// <param name="session">The loader's session.</param>
    /// <param name="sessionId">The id <see cref="BeginAsync"/> returned.</param>
    /// <returns>A task.</returns>
    public abstract Task EndAsync(VaultSession session, string sessionId);

    /// <summary>A SQL condition on the batch log's <c>session_id</c> that holds exactly for dead sessions, or <see langword="null"/> when <see cref="IsDead"/> tells.</summary>
    public abstract string? DeadSessionCondition { get; }

    /// <summary>Whether a session the log records is dead, as far as this process can tell (true when <see cref="DeadSessionCondition"/> has told already).</summary>
    /// <param name="sessionId">The recorded id.</param>
    /// <returns>Whether it is certainly dead.</returns>
    public abstract bool IsDead(string sessionId);

    /// <summary>A recorded session as messages show it: <c>PostgreSQL backend 4242</c>.</summary>
    /// <param name="sessionId">The recorded id.</param>
    /// <returns>The text.</returns>
    public abstract string Describe(string sessionId);
}

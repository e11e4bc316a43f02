using System.Data.Common;
using DataVault.Core.Execution;
using DataVault.Core.Loading.Bookkeeping;
using DataVault.Core.Loading.Planning;

namespace DataVault.Core.Loading.Staging;

/// <summary>
/// The staging tables of one batch, created before the batch's transaction begins (DDL would commit it implicitly on
/// MariaDB) and dropped when the session is disposed, whatever happened in between. With
/// <see cref="BadRowHandling.Quarantine"/> it also makes sure the quarantine table exists, for the same reason.
/// </summary>
internal sealed class StagingSession : IAsyncDisposable
{
    private readonly VaultSession _session;
    private readonly StageSet _stages;

    private StagingSession(VaultSession session, StageSet stages)
    {
        _session = session;
        _stages = stages;
    }

    /// <summary>Creates the staging tables of a plan (and the quarantine table, if bad rows are quarantined).</summary>
    /// <param name="session">The session.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="quarantine">The quarantine table, or <see langword="null"/> when bad rows reject the batch.</param>
    /// <param name="options">The options (DDL).</param>
    /// <param name="cancellationToken">Cancels the DDL.</param>
    /// <returns>The session; dispose it to drop the tables.</returns>
    public static async Task<StagingSession> CreateAsync(VaultSession session, BatchPlan plan, Quarantine? quarantine, LoadOptions options, CancellationToken cancellationToken)
    {
        // Owned from the first statement on: a table created before a failure is dropped too.
        var staging = new StagingSession(session, plan.Stages);
        try
        {
            foreach (var stage in plan.Stages.All)
            {
                await session.ExecuteAllAsync(session.Dialect.CreateStaging(stage.Definition, stage.Staging), null, cancellationToken).ConfigureAwait(false);
            }

            if (quarantine is not null)
            {
                await session.ExecuteAllAsync(quarantine.Create(options.Ddl with { IfNotExists = true }), null, cancellationToken).ConfigureAwait(false);
            }

            return staging;
        }
        catch
        {
            await staging.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Drops the staging tables, quietly: a table left behind is dropped and recreated by the next batch.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var stage in _stages.All)
        {
            try
            {
                if (_session.IsOpen)
                {
                    await _session.ExecuteAsync(_session.Dialect.DropStaging(stage.Staging), null, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // A staging table left behind is dropped and recreated by the next batch.
            }
        }
    }
}

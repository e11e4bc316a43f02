using DataVault.Core.Loading.Merging;
using DataVault.Core.Migrations;

namespace DataVault.Core.Loading;

/// <summary>Bringing an existing vault to a changed model: plan, then apply.</summary>
public sealed partial class VaultLoader
{
    /// <summary>
    /// Compares the model with the database (<see cref="DetectDriftAsync"/>) and plans the steps that resolve the drift:
    /// a satellite attribute the table lacks is added (nullable, with a note whether the stored hash diffs stay valid)
    /// and the satellite's view created again; a point-in-time table whose shape changed is dropped to be created
    /// again; every other difference is a refusal (docs/changing-the-model.md). Reads the catalog only.
    /// </summary>
    /// <param name="options">What the migration may do beyond additive changes, or <see langword="null"/> for <see cref="MigrationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The plan.</returns>
    public async Task<MigrationPlan> PlanMigrationAsync(MigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var drift = await DetectDriftAsync(cancellationToken).ConfigureAwait(false);
        return MigrationPlanner.Plan(_model, Dialect, _options.Ddl, drift, options ?? MigrationOptions.Default, [.. LoaderTables()]);
    }

    /// <summary>
    /// Plans the migration (as <see cref="PlanMigrationAsync"/>, but under the merge lock) and, if it refuses nothing,
    /// applies its steps in one transaction where the engine's DDL is transactional (on MariaDB each statement commits; a
    /// rerun plans only what is left), then runs <see cref="EnsureVaultAsync"/>, which creates the missing tables,
    /// views and point-in-time tables. Idempotent: on a database that matches the model the plan has no step.
    /// </summary>
    /// <param name="options">What the migration may do beyond additive changes, or <see langword="null"/> for <see cref="MigrationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The plan that was applied.</returns>
    /// <exception cref="DataVaultMigrationException">The plan refuses a difference; nothing was changed.</exception>
    public async Task<MigrationPlan> MigrateAsync(MigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        MigrationPlan plan;
        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await BatchTransaction.BeginAsync(_session, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var mergeLock = MergeLock.For(_session, transaction, _options, "migration");
            await using (mergeLock.ConfigureAwait(false))
            {
                // Planned under the lock, so no other loader migrates or loads between the plan and its steps.
                await mergeLock.AcquireAsync(always: true, cancellationToken).ConfigureAwait(false);
                var drift = await DetectDriftInAsync(transaction.Transaction, cancellationToken).ConfigureAwait(false);
                plan = MigrationPlanner.Plan(_model, Dialect, _options.Ddl, drift, options ?? MigrationOptions.Default, [.. LoaderTables()]);
                if (!plan.CanApply)
                {
                    LoaderLog.MigrationRefused(_logger, plan.Refusals.Count, plan);
                    throw new DataVaultMigrationException(plan); // the transaction is rolled back: nothing changed
                }

                await _session.ExecuteAllAsync(plan.Statements, transaction.Transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        LoaderLog.Migrated(_logger, plan.Steps.Count, plan);
        await EnsureVaultAsync(cancellationToken).ConfigureAwait(false);
        return plan;
    }
}

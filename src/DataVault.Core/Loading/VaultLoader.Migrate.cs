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
        return MigrationPlanner.Plan(_model, Dialect, _options.Ddl, drift, options ?? MigrationOptions.Default);
    }

    /// <summary>
    /// Plans the migration (<see cref="PlanMigrationAsync"/>) and, if it refuses nothing, applies its steps under the
    /// merge lock, in one transaction where the engine's DDL is transactional (on MariaDB each statement commits; a
    /// rerun plans only what is left), then runs <see cref="EnsureVaultAsync"/>, which creates the missing tables,
    /// views and point-in-time tables. Idempotent: on a database that matches the model the plan has no step.
    /// </summary>
    /// <param name="options">What the migration may do beyond additive changes, or <see langword="null"/> for <see cref="MigrationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The plan that was applied.</returns>
    /// <exception cref="DataVaultMigrationException">The plan refuses a difference; nothing was changed.</exception>
    public async Task<MigrationPlan> MigrateAsync(MigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var plan = await PlanMigrationAsync(options, cancellationToken).ConfigureAwait(false);
        if (!plan.CanApply)
        {
            LoaderLog.MigrationRefused(_logger, plan.Refusals.Count, plan);
            throw new DataVaultMigrationException(plan);
        }

        if (plan.Steps.Count > 0)
        {
            var transaction = await BatchTransaction.BeginAsync(_session, cancellationToken).ConfigureAwait(false);
            await using var endTransaction = transaction.ConfigureAwait(false);
            var mergeLock = MergeLock.For(_session, transaction, _options, "migration");
            await using var releaseMergeLock = mergeLock.ConfigureAwait(false);
            await mergeLock.AcquireAsync(always: true, cancellationToken).ConfigureAwait(false);

            // The drift is read again under the lock: another loader may have migrated in between.
            var locked = MigrationPlanner.Plan(_model, Dialect, _options.Ddl, await DetectDriftInAsync(transaction.Transaction, cancellationToken).ConfigureAwait(false), options ?? MigrationOptions.Default);
            if (!locked.CanApply)
            {
                throw new DataVaultMigrationException(locked);
            }

            await _session.ExecuteAllAsync(locked.Statements, transaction.Transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            plan = locked;
        }

        LoaderLog.Migrated(_logger, plan.Steps.Count, plan);
        await EnsureVaultAsync(cancellationToken).ConfigureAwait(false);
        return plan;
    }
}

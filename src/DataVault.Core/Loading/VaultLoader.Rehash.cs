using DataVault.Core.Modeling;
using DataVault.Core.Rehashing;

namespace DataVault.Core.Loading;

/// <summary>Moving a vault from one hashing standard to another.</summary>
public sealed partial class VaultLoader
{
    /// <summary>
    /// Plans the move of this vault from the hashing standards of the loader's model to those of
    /// <paramref name="target"/> — the same model with other standards (e.g. built with another
    /// <see cref="DataVaultModelBuilder.UseHashingStandard"/>). Needs no database.
    /// </summary>
    /// <param name="target">The model under the new standards.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DataVaultRehashException">The target model has other tables, columns, types or nullability than the loader's (only hash columns may change type); the message lists every difference.</exception>
    public RehashPlan PlanRehash(DataVaultModel target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RehashPlanner.Plan(Dialect, _options.Ddl, _model, target, _options.LoaderSchema);
    }

    /// <summary>
    /// Rehashes the vault as <see cref="PlanRehash"/> plans it: every hub and link key computed again from the stored
    /// business keys into a key map (kept: <c>dv_keymap_&lt;table&gt;</c>, old key → new key), every satellite's hash
    /// diff from its stored attributes, all tables copied with their new keys and then swapped in under the merge lock.
    /// Each step commits on its own and is recorded in <see cref="RehashPlan.LogTable"/>: a call after an interruption
    /// resumes at the first step not recorded, and a call after completion does nothing. Refused before the swap, with
    /// the vault unchanged, when the target standard would merge business keys the current one keeps apart, when a
    /// version would get no hash diff, or when rows were loaded while it ran (then the next call starts again). Stop
    /// loaders while it runs. Afterwards load with a loader of <paramref name="target"/> (docs/changing-the-model.md#rehashing).
    /// </summary>
    /// <param name="target">The model under the new standards.</param>
    /// <param name="options">How the vault is read, or <see langword="null"/> for <see cref="RehashOptions.Default"/>.</param>
    /// <param name="progress">Receives progress after each step and each page of a large table, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work; the step under way is rolled back and the next call resumes.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="DataVaultRehashException">The rehash was refused or stopped; the message says why and what the next call does.</exception>
    /// <exception cref="Drift.DataVaultDriftException">At the start, the database is not the loader's model.</exception>
    public Task<RehashResult> RehashAsync(DataVaultModel target, RehashOptions? options = null, IProgress<RehashProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var plan = PlanRehash(target);
        return new Rehasher(_session, _options, plan, _logger, progress, (options ?? RehashOptions.Default).PageSize).RunAsync(EnsureVaultAsync, cancellationToken);
    }
}

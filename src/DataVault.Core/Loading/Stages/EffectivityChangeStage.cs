using System.Globalization;
using DataVault.Core.Loading.Planning;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Stages;

/// <summary>
/// The stage of an effectivity satellite with a driving key fed by a delta of changes
/// (<see cref="SourceMapping.ChangesFor"/>): staged rows follow <see cref="SatelliteRow"/> — each changed relationship at
/// its load date. Its checks need the merged links (they read the driving key from the link table), so they run in its
/// merge, which the batch's transaction rolls back on an error: two relationships of one driving key at one load date,
/// or a change older than a stored status of its driving key, fail the batch. Then it inserts the statuses the changes
/// give and end-dates the relationships they touched.
/// </summary>
internal sealed class EffectivityChangeStage(Satellite satellite, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    : TargetStage(satellite.TableName, schema, definition, chunkSize, recentKeyCapacity)
{
    /// <summary>The satellite.</summary>
    public Satellite Satellite { get; } = satellite;

    /// <inheritdoc />
    public override SqlStatement Load(SqlDialect dialect, BatchState batch)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.LoadEffectivityChanges(Satellite, Staging);
    }

    /// <inheritdoc />
    public override async Task<StageMerge> MergeAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Staged == 0)
        {
            return new StageMerge(0, 0);
        }

        var session = context.Session;
        var dialect = session.Dialect;
        var driving = Satellite.DrivingKey!.HashKeyColumn;
        var conflicts = (await session.QueryAsync(dialect.SelectEffectivityChangeConflicts(Satellite, Staging, SourceRowColumn), context.Transaction, 1, cancellationToken).ConfigureAwait(false)).Rows;
        if (conflicts.Count > 0)
        {
            var row = conflicts[0];
            throw new DataVaultLoadException(LoadMessages.EffectivityChangeConflict(
                Satellite.TableName, driving, row[0], row[1],
                context.Batch.Describe(Convert.ToInt64(row[2], CultureInfo.InvariantCulture)),
                context.Batch.Describe(Convert.ToInt64(row[3], CultureInfo.InvariantCulture))));
        }

        // A late change would change every later relationship of its driving key: refused, whatever LateData says.
        var late = (await session.QueryAsync(dialect.SelectLateEffectivityChanges(Satellite, Staging), context.Transaction, 1, cancellationToken).ConfigureAwait(false)).Rows;
        if (late.Count > 0)
        {
            throw new DataVaultLoadException(LoadMessages.LateEffectivityChange(Satellite.TableName, driving, late[0][0], late[0][1], late[0][2]));
        }

        var inserted = await session.ExecuteAsync(Load(dialect, context.Batch), context.Transaction, cancellationToken).ConfigureAwait(false);
        var ended = context.Options.EndDating && inserted > 0
            ? await session.ExecuteAsync(dialect.EndDateKeysLoadedAtStagedDates(Satellite, Staging), context.Transaction, cancellationToken).ConfigureAwait(false)
            : 0;
        return new StageMerge(inserted, ended);
    }
}

using System.Globalization;
using DataVault.Core.Loading.Planning;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Stages;

/// <summary>
/// The stage of a status-tracking or effectivity satellite (<see cref="Satellite.TracksStatus"/>), fed only by sources
/// declared its full extract (<see cref="SourceMapping.FullExtractFor"/>): staged rows follow <see cref="SatelliteRow"/>
/// — the keys (or relationships) the extract has, each once. Its checks refuse an empty extract not declared allowed, a
/// late one that would change statuses and a rerun with other keys; its merge runs even when nothing was staged (then
/// every tracked key is absent), checks an effectivity satellite's driving key against the merged links, inserts the
/// statuses the extract changes and end-dates the keys it touched.
/// </summary>
internal sealed class StatusTrackingStage(Satellite satellite, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    : TargetStage(satellite.TableName, schema, definition, chunkSize, recentKeyCapacity)
{
    /// <summary>The satellite.</summary>
    public Satellite Satellite { get; } = satellite;

    /// <summary>Whether every full extract feeding the satellite may be empty.</summary>
    public bool EmptyExtractAllowed { get; private set; } = true;

    /// <summary>The record source of absent keys' statuses: the first full extract's own, or <see langword="null"/> for the batch's.</summary>
    public string? ExtractRecordSource { get; private set; }

    private bool _fed;

    /// <summary>Records that a source is a full extract of this satellite.</summary>
    /// <param name="allowEmpty">Whether that extract may have no rows.</param>
    /// <param name="recordSource">Its record source, or <see langword="null"/> for the batch's.</param>
    public void MarkFullExtract(bool allowEmpty, string? recordSource)
    {
        if (!_fed)
        {
            ExtractRecordSource = recordSource;
        }

        _fed = true;
        EmptyExtractAllowed &= allowEmpty;
    }

    /// <inheritdoc />
    public override SqlStatement Load(SqlDialect dialect, BatchState batch)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(batch);
        return dialect.LoadStatusTrackingSatellite(Satellite, Staging, batch.LoadDate, AbsentRecordSource(batch));
    }

    /// <summary>
    /// An extract without rows must be allowed; an extract older than a stored one that would change statuses is refused
    /// (unless late data is inserted in order); a rerun of a stored load date must give every key the status stored for it.
    /// </summary>
    /// <inheritdoc />
    public override async Task CheckAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = context.Session;
        if (Staged == 0 && !EmptyExtractAllowed)
        {
            throw new DataVaultLoadException(LoadMessages.EmptyFullExtract(Satellite.TableName));
        }

        // A late extract is refused as late data is (with InsertInOrder its statuses are placed in order, against the
        // latest status before it, as a late version of any satellite is).
        if (context.Options.LateData == LateDataHandling.Reject)
        {
            var late = await session.QueryAsync(session.Dialect.SelectLateStatusTrackingRows(Satellite, Staging, context.Batch.LoadDate, AbsentRecordSource(context.Batch)), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
            if (late.Rows.Count > 0)
            {
                throw new DataVaultLoadException(LoadMessages.LateFullExtract(Satellite.TableName, late.Rows[0][0], context.Batch.LoadDate, late.Rows[0][1]));
            }
        }

        var conflicts = await session.QueryAsync(session.Dialect.SelectStatusTrackingConflicts(Satellite, Staging, context.Batch.LoadDate, AbsentRecordSource(context.Batch)), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
        if (conflicts.Rows.Count > 0)
        {
            throw new DataVaultLoadException(LoadMessages.StatusConflict(Satellite.TableName, context.Batch.LoadDate, conflicts.Rows[0][0], conflicts.Rows[0][1]));
        }
    }

    /// <inheritdoc />
    public override async Task<StageMerge> MergeAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Satellite.DrivingKey is not null)
        {
            await CheckDrivingKeyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        // Runs even for an empty extract (allowed, so every tracked key is absent): absent keys are the point.
        var inserted = await context.Session.ExecuteAsync(Load(context.Session.Dialect, context.Batch), context.Transaction, cancellationToken).ConfigureAwait(false);
        var ended = context.Options.EndDating && inserted > 0
            ? await context.Session.ExecuteAsync(context.Session.Dialect.EndDateKeysLoadedAt(Satellite, context.Batch.LoadDate), context.Transaction, cancellationToken).ConfigureAwait(false)
            : 0;
        return new StageMerge(inserted, ended);
    }

    /// <summary>An effectivity satellite's driving key has at most one relationship in a full extract (the links are merged by now; the batch's transaction rolls back on the error).</summary>
    private async Task CheckDrivingKeyAsync(StageContext context, CancellationToken cancellationToken)
    {
        var rows = (await context.Session.QueryAsync(context.Session.Dialect.SelectDrivingKeyConflicts(Satellite, Staging, SourceRowColumn), context.Transaction, 2, cancellationToken).ConfigureAwait(false)).Rows;
        if (rows.Count >= 2)
        {
            throw new DataVaultLoadException(LoadMessages.DrivingKeyConflict(
                Satellite.TableName,
                Satellite.DrivingKey!.HashKeyColumn,
                rows[0][0],
                context.Batch.Describe(Convert.ToInt64(rows[0][2], CultureInfo.InvariantCulture)),
                context.Batch.Describe(Convert.ToInt64(rows[1][2], CultureInfo.InvariantCulture))));
        }
    }

    private string AbsentRecordSource(BatchState batch) => ExtractRecordSource ?? batch.RecordSource;
}

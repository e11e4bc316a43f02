using System.Globalization;
using DataVault.Core.Loading.Planning;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Stages;

/// <summary>
/// The stage of a satellite: staged rows follow <see cref="SatelliteRow"/>. Before the merge it checks for conflicts
/// inside the batch and with stored rows, and for late data; the merge inserts changed versions and, with end dating,
/// sets the load end dates of the keys it touched. Rows of ordered sources wait in <see cref="OrderedRows"/> until the
/// batch is read, so their versions can be numbered per key.
/// </summary>
internal sealed class SatelliteStage(Satellite satellite, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    : TargetStage(satellite.TableName, schema, definition, chunkSize, recentKeyCapacity)
{
    /// <summary>The satellite.</summary>
    public Satellite Satellite { get; } = satellite;

    /// <summary>The extended tracking satellite that records this satellite's staged versions, or <see langword="null"/>.</summary>
    public ExtendedTrackingSatellite? Tracking { get; } = satellite.Parent.ExtendedTracking is { } tracking && tracking.Satellites.Contains(satellite) ? tracking : null;

    /// <summary>The rows of ordered sources, waiting to be numbered; <see langword="null"/> when no ordered source feeds the satellite.</summary>
    public List<OrderedSatelliteRow>? OrderedRows { get; private set; }

    /// <summary>Whether the database must be asked for conflicting rows of one key (the in-memory check was not complete).</summary>
    public bool NeedsConflictQuery => Recent.Forgot || OrderedRows is not null;

    /// <inheritdoc />
    public override SqlStatement Load(SqlDialect dialect, BatchState batch) => Satellite.TracksRecords
        ? dialect.LoadRecordTrackingSatellite(Satellite, Staging, SourceRowColumn)
        : dialect.LoadSatellite(Satellite, Staging);

    /// <summary>The statement that sets the load end dates of the staged keys.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The statement.</returns>
    public SqlStatement EndDate(SqlDialect dialect) => dialect.EndDateSatellite(Satellite, Staging);

    private string? _ownDatesSource;
    private string? _orderedSource;

    /// <summary>
    /// Records how a source orders the satellite's versions, when the batch is planned: one source with load dates per
    /// row and one ordered by a column would leave the order of their versions undefined, so that is refused before
    /// anything is read, naming both.
    /// </summary>
    /// <param name="source">The source's name.</param>
    /// <param name="ownLoadDates">Whether it gives each row its load date (<see cref="SourceMapping.LoadDateFrom"/>).</param>
    /// <param name="ordered">Whether it orders versions by a column (<see cref="SourceMapping.OrderBy(string)"/>).</param>
    public void MarkOrdering(string source, bool ownLoadDates, bool ordered)
    {
        _ownDatesSource ??= ownLoadDates ? source : null;
        _orderedSource ??= ordered ? source : null;
        // (One source with both is refused by its own plan, with its own message.)
        if (_ownDatesSource is not null && _orderedSource is not null && _ownDatesSource != _orderedSource)
        {
            throw new DataVaultLoadException(source, null, null, LoadMessages.OwnLoadDatesAndOrder(Satellite.TableName, _ownDatesSource, _orderedSource));
        }
    }

    /// <summary>Holds a row of an ordered source until the batch is read.</summary>
    public void AddOrdered(OrderedSatelliteRow row) => (OrderedRows ??= []).Add(row);

    /// <summary>
    /// Numbers the held versions of each key (the k-th version's load date: the batch's + k µs) and returns them in key
    /// and order sequence; two versions of one key with the same order value must not differ. Empties the held rows.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The rows to stage.</returns>
    public IEnumerable<object?[]> TakeOrderedVersions(BatchState batch)
    {
        if (OrderedRows is not { } rows)
        {
            yield break;
        }

        rows.Sort(static (a, b) =>
        {
            var byKey = CompareValues(a.Key, b.Key);
            if (byKey != 0)
            {
                return byKey;
            }

            var byOrder = CompareValues(a.Order, b.Order);
            return byOrder != 0 ? byOrder : a.SourceRow.CompareTo(b.SourceRow);
        });
        OrderedSatelliteRow? previous = null;
        var k = 0;
        foreach (var row in rows)
        {
            if (Satellite.NonHistorized && previous is not null && StagedValueComparer.Instance.Equals(previous.Key, row.Key))
            {
                // One event per key, whatever the order column says: the same event again is skipped, another is an error.
                if (!StagedValueComparer.Instance.Equals(previous.Diff, row.Diff))
                {
                    throw Conflict(batch, previous.SourceRow, row.SourceRow, null);
                }

                continue;
            }

            if (previous is not null && StagedValueComparer.Instance.Equals(previous.Key, row.Key))
            {
                if (CompareValues(previous.Order, row.Order) == 0 && Satellite.IsMultiActive)
                {
                    // Rows of one key and order value are members of one set (one version); two different rows of one
                    // member are found by the conflict query over the staged rows.
                    row.Row[SatelliteRow.LoadDate] = row.OwnLoadDate ? row.Order : Timestamps.Version(batch.LoadDate, k);
                    previous = row;
                    yield return row.Row;
                    continue;
                }

                if (CompareValues(previous.Order, row.Order) == 0)
                {
                    if (!StagedValueComparer.Instance.Equals(previous.Diff, row.Diff))
                    {
                        throw Conflict(batch, previous.SourceRow, row.SourceRow, null);
                    }

                    continue;
                }

                k++;
            }
            else
            {
                k = 0;
            }

            row.Row[SatelliteRow.LoadDate] = row.OwnLoadDate ? row.Order : Timestamps.Version(batch.LoadDate, k);
            previous = row;
            yield return row.Row;
        }

        rows.Clear();
    }

    /// <summary>The error for two different rows of one key in one batch without an order.</summary>
    /// <param name="batch">The batch (names the rows' sources).</param>
    /// <param name="firstRow">The first row's origin.</param>
    /// <param name="secondRow">The second row's origin.</param>
    /// <param name="keyValues">The parent's key values, or <see langword="null"/> when only the hash key is known.</param>
    /// <param name="multiActiveValues">For a multi-active satellite, the multi-active key's values of both rows.</param>
    /// <returns>The exception, to throw.</returns>
    public DataVaultLoadException Conflict(BatchState batch, long firstRow, long secondRow, IReadOnlyList<object?>? keyValues, IReadOnlyList<object?>? multiActiveValues = null)
    {
        var parts = keyValues is null ? [] : Satellite.Parent.KeyParts.Select((k, i) => (k.Name, keyValues[i])).ToList();
        if (multiActiveValues is not null)
        {
            parts.AddRange(Satellite.MultiActiveKeys.Select((k, i) => (k.Name, multiActiveValues[i])));
        }

        var key = parts.Count == 0 ? string.Empty : LoadMessages.KeyValues(parts);
        return new DataVaultLoadException(null, null, null, LoadMessages.InBatchConflict(Satellite.TableName, key, batch.Describe(firstRow), batch.Describe(secondRow)));
    }

    /// <inheritdoc />
    public override async Task CheckAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = context.Session;
        var dialect = session.Dialect;
        if (Satellite.TracksRecords)
        {
            // An appearance is a fact: it never conflicts with another, and a late one is inserted in its place.
            return;
        }

        if (NeedsConflictQuery)
        {
            var conflicts = await session.QueryAsync(dialect.SelectStagedConflicts(Satellite, Staging, SourceRowColumn), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
            if (conflicts.Rows.Count > 0)
            {
                var (first, second, multiActive) = await ConflictingRowsAsync(context, conflicts.Rows[0], cancellationToken).ConfigureAwait(false);
                throw Conflict(context.Batch, first, second, null, multiActive);
            }
        }

        if (Satellite.NonHistorized)
        {
            // An event is inserted once: the same key with other attributes is an error, never a new version; there is no late data.
            var changed = await session.QueryAsync(dialect.SelectNonHistorizedConflicts(Satellite, Staging, SourceRowColumn), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
            if (changed.Rows.Count > 0)
            {
                var row = changed.Rows[0];
                throw new DataVaultLoadException(LoadMessages.NonHistorizedConflict(Satellite.TableName, row[0], row[1], row[2], context.Batch.Describe(Convert.ToInt64(row[3], CultureInfo.InvariantCulture))));
            }

            return;
        }

        var stored = await session.QueryAsync(dialect.SelectSatelliteConflicts(Satellite, Staging), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
        if (stored.Rows.Count > 0)
        {
            throw new DataVaultLoadException(LoadMessages.StoredConflict(Satellite.TableName, stored.Rows[0][0], stored.Rows[0][1]));
        }

        if (context.Options.LateData == LateDataHandling.Reject)
        {
            var late = await session.QueryAsync(dialect.SelectLateSatelliteRows(Satellite, Staging), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
            if (late.Rows.Count > 0)
            {
                throw new DataVaultLoadException(LoadMessages.LateData(Satellite.TableName, late.Rows[0][0], late.Rows[0][1], late.Rows[0][2]));
            }

            if (Tracking is { } tracking)
            {
                // Later loads that changed nothing stored no version, but the extended tracking satellite recorded them.
                var recorded = await session.QueryAsync(dialect.SelectLateTrackedRows(tracking, Satellite, Staging), context.Transaction, 1, cancellationToken).ConfigureAwait(false);
                if (recorded.Rows.Count > 0)
                {
                    throw new DataVaultLoadException(LoadMessages.LateTrackedData(Satellite.TableName, recorded.Rows[0][0], recorded.Rows[0][1], recorded.Rows[0][2], tracking.TableName));
                }
            }
        }
    }

    /// <inheritdoc />
    public override async Task<StageMerge> MergeAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var merged = await base.MergeAsync(context, cancellationToken).ConfigureAwait(false);
        if (Tracking is { } tracking && Staged > 0)
        {
            // Every staged version is recorded, changed or not; placed in order, a late one may have interrupted a
            // version the source delivered again later, which the record restores.
            var dialect = context.Session.Dialect;
            var tracked = await context.Session.ExecuteAsync(dialect.TrackSatelliteVersions(tracking, Satellite, Staging, SourceRowColumn), context.Transaction, cancellationToken).ConfigureAwait(false);
            var restored = context.Options.LateData == LateDataHandling.InsertInOrder
                ? await context.Session.ExecuteAsync(dialect.RestoreInterruptedVersions(tracking, Satellite, Staging), context.Transaction, cancellationToken).ConfigureAwait(false)
                : 0;
            merged = merged with { Inserted = merged.Inserted + restored, Tracked = tracked, TrackingTable = tracking.TableName };
        }

        if (!context.Options.EndDating || Staged == 0 || Satellite.NonHistorized)
        {
            return merged;
        }

        var endDated = await context.Session.ExecuteAsync(EndDate(context.Session.Dialect), context.Transaction, cancellationToken).ConfigureAwait(false);
        return merged with { EndDated = endDated };
    }

    /// <summary>Finds two staged rows of a conflicting key that really differ: the first row and the first with another diff.</summary>
    private async Task<(long First, long Second, object?[]? MultiActive)> ConflictingRowsAsync(StageContext context, object?[] conflict, CancellationToken cancellationToken)
    {
        // A multi-active conflict also names the member: its multi-active key follows the key, load date and origins.
        var multiActive = Satellite.IsMultiActive ? conflict[4..] : null;
        var statement = context.Statements.SelectConflictingRows(Satellite, Staging, SourceRowColumn, conflict[0], conflict[1], multiActive);
        var rows = (await context.Session.QueryAsync(statement, context.Transaction, null, cancellationToken).ConfigureAwait(false)).Rows;
        var first = rows[0];
        var second = rows.FirstOrDefault(r => !StagedValueComparer.Instance.Equals(r[1], first[1])) ?? rows[^1];
        return (Convert.ToInt64(first[0], CultureInfo.InvariantCulture), Convert.ToInt64(second[0], CultureInfo.InvariantCulture), multiActive);
    }

    /// <summary>Orders two order values (or <see cref="OrderKey"/> parts): bytes, then values of one comparable type, else by type name.</summary>
    internal static int CompareValues(object a, object b)
    {
        if (a is byte[] x && b is byte[] y)
        {
            return x.AsSpan().SequenceCompareTo(y);
        }

        if (a.GetType() == b.GetType() && a is IComparable comparable)
        {
            return a is string s ? string.CompareOrdinal(s, (string)b) : comparable.CompareTo(b);
        }

        return string.CompareOrdinal(a.GetType().Name, b.GetType().Name);
    }
}

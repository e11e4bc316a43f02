using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>Set-based, insert-only load statements from staging tables, one statement per target, and the checks before them.</summary>
public abstract partial class SqlDialect
{
    /// <summary>The record source of ghost records.</summary>
    public const string GhostRecordSource = "SYSTEM";

    /// <summary>The load date of ghost records: 1900-01-01, inside every engine's timestamp range.</summary>
    public static readonly DateTime GhostLoadDate = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// Inserts the distinct staged keys a hub does not hold yet, each once, with the load date and record source of
    /// its earliest staged row; concurrency-safe as <see cref="DialectCapabilities.KeyInsert"/> says.
    /// </summary>
    /// <param name="hub">The hub.</param>
    /// <param name="staging">Its staging table (see <see cref="StagingTableFor"/>).</param>
    /// <returns>The statement.</returns>
    public SqlStatement LoadHub(Hub hub, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(staging);
        return _keys.LoadHub(hub, staging);
    }

    /// <summary>Inserts the distinct staged link keys a link does not hold yet (as <see cref="LoadHub"/>).</summary>
    /// <param name="link">The link.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>The statement.</returns>
    public SqlStatement LoadLink(Link link, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(staging);
        return _keys.LoadLink(link, staging);
    }

    /// <summary>
    /// Inserts each staged satellite row whose hash diff differs from its chronological predecessor: the previous
    /// staged row of the same key (when the batch carries several ordered versions), or else the latest stored row
    /// loaded before it. Rows already stored with the same key and load date are skipped, so a rerun changes nothing.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The satellite tracks records (<see cref="LoadRecordTrackingSatellite"/> loads it).</exception>
    public SqlStatement LoadSatellite(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.LoadSatellite(satellite, staging);
    }

    /// <summary>
    /// Loads a record-tracking satellite (<see cref="Satellite.TracksRecords"/>): for each staged key and load date not
    /// stored yet, one row — the first staged (by <paramref name="sourceRowColumn"/>), with its record source. Insert-only;
    /// a rerun inserts nothing, a late load's row is inserted in its place.
    /// </summary>
    /// <param name="satellite">The record-tracking satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin (read order).</param>
    /// <returns>The statement.</returns>
    public SqlStatement LoadRecordTrackingSatellite(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentException.ThrowIfNullOrEmpty(sourceRowColumn);
        if (!satellite.TracksRecords)
        {
            throw new ArgumentException($"{satellite.TableName} is not a record-tracking satellite: load it with LoadSatellite.", nameof(satellite));
        }

        return _satellites.LoadRecordTrackingSatellite(satellite, staging, sourceRowColumn);
    }

    /// <summary>
    /// Selects the staged satellite rows that collide with a stored row of the same key and load date but a different
    /// hash diff — a batch the loader must refuse.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>A query returning the key, load date, staged diff and stored diff of each conflict.</returns>
    public SqlStatement SelectSatelliteConflicts(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.SelectSatelliteConflicts(satellite, staging);
    }

    /// <summary>
    /// For a non-historised satellite: the staged rows whose parent key is stored with another hash diff — an event
    /// delivered again with other attributes — with the stored row's load date and record source and the staged row's
    /// origin, in source order.
    /// </summary>
    /// <param name="satellite">The satellite (non-historised).</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin.</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectNonHistorizedConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.SelectNonHistorizedConflicts(satellite, staging, sourceRowColumn);
    }

    /// <summary>
    /// Selects staged satellite rows that arrive late: a stored version of the same key has a later load date, and the
    /// staged row differs from the version stored before it (so it would change history). A rerun of an old batch whose
    /// rows are already stored, or that change nothing, is not late.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>A query returning the key, the staged load date and the latest stored load date of each late row.</returns>
    public SqlStatement SelectLateSatelliteRows(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.SelectLateSatelliteRows(satellite, staging);
    }

    /// <summary>
    /// Selects keys that have two staged rows with the same load date and different hash diffs — rows of one key in one
    /// batch that no order column separates.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin.</param>
    /// <returns>A query returning the key, the load date, and the lowest and highest origin of each such key.</returns>
    public SqlStatement SelectStagedConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.SelectStagedConflicts(satellite, staging, sourceRowColumn);
    }

    /// <summary>
    /// Sets the load end date of every version of the staged keys to the load date of its successor (the current
    /// version keeps NULL), in the engine's <see cref="DialectCapabilities.JoinedUpdate"/> form. The only update loading makes.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table (limits the work to the keys of the batch).</param>
    /// <returns>The statement.</returns>
    public SqlStatement EndDateSatellite(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.EndDateSatellite(satellite, staging);
    }

    /// <summary>
    /// Loads a status-tracking satellite (<see cref="Satellite.TracksStatus"/>) from the staged keys of a full extract:
    /// against each key's latest status before <paramref name="loadDate"/>, a staged key without a status or deleted gets
    /// <see cref="Satellite.StatusPresent"/> or <see cref="Satellite.StatusReturned"/>; a key the extract lacks whose latest
    /// status is not deleted gets <see cref="Satellite.StatusDeleted"/>, with <paramref name="recordSource"/>. Insert-only;
    /// a rerun of the same extract and load date inserts nothing.
    /// </summary>
    /// <param name="satellite">The status-tracking satellite.</param>
    /// <param name="staging">Its staging table: the keys of the full extract (as <see cref="StagingTableFor"/> describes the satellite's).</param>
    /// <param name="loadDate">The batch's load date.</param>
    /// <param name="recordSource">The record source of the deletions (the full extract's).</param>
    /// <returns>The statement.</returns>
    public SqlStatement LoadStatusTrackingSatellite(Satellite satellite, StagingTable staging, DateTime loadDate, string recordSource)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(recordSource);
        return _statuses.Load(satellite, staging, loadDate, recordSource);
    }

    /// <summary>
    /// End dating (as <see cref="EndDateSatellite"/>) of the keys that have a version loaded at <paramref name="loadDate"/> —
    /// for a status-tracking satellite, whose deleted keys are not in its staging table.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="loadDate">The batch's load date.</param>
    /// <returns>The statement.</returns>
    public SqlStatement EndDateKeysLoadedAt(Satellite satellite, DateTime loadDate)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return _satellites.EndDateKeysLoadedAt(satellite, loadDate);
    }

    /// <summary>
    /// For a status-tracking satellite: the keys whose status stored at <paramref name="loadDate"/> is not the one the
    /// staged full extract gives — a rerun of that load date with other keys, which the loader refuses. Returns the key and
    /// the stored status (or NULL).
    /// </summary>
    /// <param name="satellite">The status-tracking satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="loadDate">The batch's load date.</param>
    /// <param name="recordSource">The record source of the deletions.</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectStatusTrackingConflicts(Satellite satellite, StagingTable staging, DateTime loadDate, string recordSource)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(recordSource);
        return _statuses.SelectConflicts(satellite, staging, loadDate, recordSource);
    }

    /// <summary>
    /// For a status-tracking satellite, when a later extract is stored: the statuses the staged (older) full extract would
    /// insert — each contradicts what the later extract implied for its key — which the loader refuses under
    /// <c>LateDataHandling.Reject</c>. Returns the key and the latest stored load date; no row when it changes nothing.
    /// </summary>
    /// <param name="satellite">The status-tracking satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="loadDate">The batch's load date.</param>
    /// <param name="recordSource">The record source of the deletions.</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectLateStatusTrackingRows(Satellite satellite, StagingTable staging, DateTime loadDate, string recordSource)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(recordSource);
        return _statuses.SelectLate(satellite, staging, loadDate, recordSource);
    }

    /// <summary>
    /// For an effectivity satellite with a driving key (<see cref="Satellite.DrivingKey"/>): the staged relationships of
    /// every driving key that has more than one in the full extract — the driving key's hash key, the link key and the
    /// relationship's first origin, in that order. Joins the link table: run it after the batch's links are merged.
    /// </summary>
    /// <param name="satellite">The effectivity satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin.</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectDrivingKeyConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _statuses.SelectDrivingKeyConflicts(satellite, staging, sourceRowColumn);
    }

    /// <summary>
    /// Loads an effectivity satellite with a driving key from a staged delta of changes (<c>SourceMapping.ChangesFor</c>):
    /// in load-date order per driving key, a change to another relationship than the one in effect before it inserts
    /// the active status for it and the ended status for the previous one, at its load date. Runs after the links are
    /// merged (it reads the driving key from the link table); the statuses and hash diffs are parameters.
    /// </summary>
    /// <param name="satellite">An effectivity satellite with a driving key.</param>
    /// <param name="staging">Its staging table (the changed relationships and their load dates).</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The satellite is not an effectivity satellite with a driving key.</exception>
    public SqlStatement LoadEffectivityChanges(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _effectivityChanges.Load(satellite, staging);
    }

    /// <summary>Driving keys with two different relationships at one load date in staged changes: driving key, load date, first and last origin.</summary>
    /// <param name="satellite">An effectivity satellite with a driving key.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin.</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectEffectivityChangeConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceRowColumn);
        return _effectivityChanges.SelectConflicts(satellite, staging, sourceRowColumn);
    }

    /// <summary>Staged changes older than a stored status of a relationship of their driving key: driving key, load date, latest stored load date.</summary>
    /// <param name="satellite">An effectivity satellite with a driving key.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectLateEffectivityChanges(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _effectivityChanges.SelectLate(satellite, staging);
    }

    /// <summary>End dating (as <see cref="EndDateSatellite"/>) of the keys with a version at one of the staged load dates.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>The statement.</returns>
    public SqlStatement EndDateKeysLoadedAtStagedDates(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _satellites.EndDateKeysLoadedAtStagedDates(satellite, staging);
    }

    /// <summary>
    /// Records in an extended tracking satellite every staged version of <paramref name="satellite"/> not recorded yet
    /// (per key and load date the first staged row by <paramref name="sourceRowColumn"/>), changed or not; the
    /// satellite's name is a parameter.
    /// </summary>
    /// <param name="tracking">The extended tracking satellite.</param>
    /// <param name="satellite">A satellite it tracks.</param>
    /// <param name="staging">The satellite's staging table.</param>
    /// <param name="sourceRowColumn">The staging column that orders rows by origin.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The satellite is not tracked by it.</exception>
    public SqlStatement TrackSatelliteVersions(ExtendedTrackingSatellite tracking, Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceRowColumn);
        return _extendedTracking.TrackVersions(tracking, satellite, staging, sourceRowColumn);
    }

    /// <summary>
    /// The staged rows of <paramref name="satellite"/> older than a load its extended tracking satellite recorded for
    /// their key, whose hash diff is not the one recorded last before them: late data the satellite alone cannot see
    /// (the later loads changed nothing, so it stored no version). Key, load date, latest recorded load date.
    /// </summary>
    /// <param name="tracking">The extended tracking satellite.</param>
    /// <param name="satellite">A satellite it tracks.</param>
    /// <param name="staging">The satellite's staging table.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The satellite is not tracked by it.</exception>
    public SqlStatement SelectLateTrackedRows(ExtendedTrackingSatellite tracking, Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _extendedTracking.SelectLateTrackedRows(tracking, satellite, staging);
    }

    /// <summary>
    /// Restores, for the staged keys of <paramref name="satellite"/>, the versions a late load interrupted: a recorded
    /// load whose hash diff differs from the recorded load before it while the satellite's version valid then has another
    /// is inserted at its load date, with the attributes of the latest earlier version of that hash diff. Insert-only.
    /// </summary>
    /// <param name="tracking">The extended tracking satellite.</param>
    /// <param name="satellite">A satellite it tracks.</param>
    /// <param name="staging">The satellite's staging table.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The satellite is not tracked by it.</exception>
    public SqlStatement RestoreInterruptedVersions(ExtendedTrackingSatellite tracking, Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        return _extendedTracking.RestoreInterruptedVersions(tracking, satellite, staging);
    }

    /// <summary>
    /// Inserts the ghost record of a hub — the zero key with NULL business keys — if it is not there, so that links
    /// whose keys are NULL (mapped to the zero key) always join; conflict-safe as the hubs' loads. Values are parameters.
    /// </summary>
    /// <param name="hub">The hub.</param>
    /// <param name="options">DDL options (the form of the zero key).</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The hub is a reference hub, which has no ghost record (no link refers to it).</exception>
    public SqlStatement InsertGhostRecord(Hub hub, DdlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        if (hub.IsReference)
        {
            throw new ArgumentException($"{hub.TableName} is a reference hub: it has no ghost record (no link refers to it, so no NULL key needs one).", nameof(hub));
        }

        return _keys.InsertGhostRecord(hub, options ?? DdlOptions.Default);
    }

    /// <summary>
    /// A statement, run inside a batch's transaction before its checks and merges, that waits until no other loader is
    /// merging into this database — so concurrent loaders check late data and compute end dates against each other's
    /// committed rows. <see langword="null"/> where the engine serialises writers itself (SQLite, DuckDB).
    /// The statement returns one value; a value other than 1 means the lock was not acquired.
    /// </summary>
    /// <param name="timeout">How long to wait, where the engine takes a timeout.</param>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    public SqlStatement? AcquireMergeLock(TimeSpan timeout) => AcquireMergeLockCore(timeout);

    /// <summary>Releases the merge lock after commit or rollback, where it outlives the transaction.</summary>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    public SqlStatement? ReleaseMergeLock() => ReleaseMergeLockCore();

    /// <summary>
    /// A statement that refreshes the planner's statistics of a filled staging table, so the checks and merges that join
    /// it to large vault tables probe their indexes (PostgreSQL <c>ANALYZE</c>), or <see langword="null"/>.
    /// </summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    public SqlStatement? AnalyzeStaging(StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return AnalyzeStagingCore(staging);
    }

    /// <summary>The engine's merge lock (default none: the engine serialises writers). See <see cref="AcquireMergeLock"/>.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    protected virtual SqlStatement? AcquireMergeLockCore(TimeSpan timeout) => null;

    /// <summary>The release of a merge lock that outlives its transaction (default none).</summary>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    protected virtual SqlStatement? ReleaseMergeLockCore() => null;

    /// <summary>The statistics refresh of a staging table (default none).</summary>
    /// <param name="staging">The staging table (validated).</param>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    protected virtual SqlStatement? AnalyzeStagingCore(StagingTable staging) => null;

    /// <summary>A staging table as a statement addresses it: in <see cref="DialectCapabilities.TemporaryTableSchema"/> when it is temporary.</summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The qualified, quoted name.</returns>
    protected string StagingTableReference(StagingTable staging) => _ddl.TemporaryTable(staging ?? throw new ArgumentNullException(nameof(staging)));
}

using System.Globalization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// Business vault: point-in-time (PIT) tables, built set-based for a range of daily snapshots, and as-of queries over
/// satellites and PITs. A snapshot for date <c>D</c> holds, per hub key, the latest version of each satellite loaded
/// before <c>D + 1 day, 00:00</c>.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// The table of a point-in-time table: the hub's hash key and the snapshot date (the primary key), then one
    /// nullable load-date column per satellite; a foreign key to the hub and an index on the snapshot date.
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public TableDefinition PitTable(PointInTime pit, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(pit);
        ArgumentNullException.ThrowIfNull(options);
        return _pits.PitTable(pit, options);
    }

    /// <summary>
    /// The statements that (re)build the daily snapshots <paramref name="firstSnapshot"/> to <paramref name="lastSnapshot"/> (inclusive)
    /// of a PIT: <see cref="DeletePitSnapshots"/>, then <see cref="InsertPitSnapshots"/>. Run them in one transaction;
    /// a rebuild of a range replaces exactly that range.
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="firstSnapshot">The first snapshot date.</param>
    /// <param name="lastSnapshot">The last snapshot date (not before <paramref name="firstSnapshot"/>).</param>
    /// <param name="options">DDL options (the form of the hub's zero key), or <see langword="null"/> for the defaults.</param>
    /// <returns>The delete, then the insert.</returns>
    public IReadOnlyList<SqlStatement> BuildPit(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot, DdlOptions? options = null) =>
        [DeletePitSnapshots(pit, firstSnapshot, lastSnapshot), InsertPitSnapshots(pit, firstSnapshot, lastSnapshot, options)];

    /// <summary>Deletes a PIT's rows of the snapshot dates <paramref name="firstSnapshot"/> to <paramref name="lastSnapshot"/> (inclusive); both dates are parameters.</summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="firstSnapshot">The first snapshot date.</param>
    /// <param name="lastSnapshot">The last snapshot date.</param>
    /// <returns>The statement.</returns>
    public SqlStatement DeletePitSnapshots(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot)
    {
        ArgumentNullException.ThrowIfNull(pit);
        CheckRange(firstSnapshot, lastSnapshot);
        return _pits.DeletePitSnapshots(pit, firstSnapshot, lastSnapshot);
    }

    /// <summary>
    /// Inserts a PIT's rows for every snapshot date <paramref name="firstSnapshot"/> to <paramref name="lastSnapshot"/> (inclusive) in one
    /// set-based statement: the dates come from a recursive common table expression over two date parameters, each
    /// hub key loaded before the end of a day (never the zero key of the ghost record) gets one row for that day, and
    /// each satellite column the latest load date of the key's versions loaded before the end of the day (the next
    /// date, 00:00, exclusive), or NULL when there is none yet (<see cref="DialectCapabilities.PitVersionWindows"/> says how).
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="firstSnapshot">The first snapshot date.</param>
    /// <param name="lastSnapshot">The last snapshot date (not before <paramref name="firstSnapshot"/>).</param>
    /// <param name="options">DDL options (the form of the hub's zero key), or <see langword="null"/> for the defaults.</param>
    /// <returns>The statement.</returns>
    public SqlStatement InsertPitSnapshots(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot, DdlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pit);
        CheckRange(firstSnapshot, lastSnapshot);
        return InsertPitSnapshotsCore(_pits.InsertParts(pit, firstSnapshot, lastSnapshot, options ?? DdlOptions.Default));
    }

    /// <summary>
    /// Selects the version of every key of a satellite that was current at <paramref name="asOf"/>: the latest one
    /// loaded before it (<c>load_date &lt; @as_of</c>). Keys whose first version was loaded later are left out. With
    /// <paramref name="asOf"/> = <c>D + 1 day, 00:00</c> it returns what the PIT snapshot of day <c>D</c> points to.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="asOf">The instant (UTC, the load dates' meaning), exclusive; bound as the parameter <c>as_of</c>.</param>
    /// <returns>A query returning the satellite's columns (without the load end date).</returns>
    public SqlStatement SelectSatelliteAsOf(Satellite satellite, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return _pits.SelectSatelliteAsOf(satellite, asOf);
    }

    /// <summary>
    /// Selects a PIT's rows of one snapshot date joined to the satellite versions they point to: the hub key, the
    /// snapshot date, and per satellite its load-date column and attributes (NULL when the key had no version yet).
    /// An attribute whose name occurs in more than one of the PIT's satellites, or equals another result column, is
    /// returned as <c>&lt;satellite&gt;_&lt;attribute&gt;</c>.
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="snapshotDate">The snapshot date; bound as the parameter <c>snapshot_date</c>.</param>
    /// <returns>The query, ordered by hash key.</returns>
    public SqlStatement SelectPitAsOf(PointInTime pit, DateOnly snapshotDate)
    {
        ArgumentNullException.ThrowIfNull(pit);
        return _pits.SelectPitAsOf(pit, snapshotDate);
    }

    /// <summary>
    /// Arranges the pieces of a PIT build's insert into one statement; the standard form is <c>INSERT … WITH RECURSIVE
    /// dates … SELECT …</c>. Override where the engine orders them otherwise (T-SQL).
    /// </summary>
    /// <param name="parts">The pieces.</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement InsertPitSnapshotsCore(PitInsertParts parts) => _pits.InsertPitSnapshots(parts);

    private static void CheckRange(DateOnly firstSnapshot, DateOnly lastSnapshot)
    {
        if (lastSnapshot < firstSnapshot)
        {
            throw new ArgumentOutOfRangeException(nameof(lastSnapshot), lastSnapshot, string.Create(CultureInfo.InvariantCulture, $"The last snapshot date must not be before the first ({firstSnapshot:yyyy-MM-dd})."));
        }
    }
}

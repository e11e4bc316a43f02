using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// Business vault: point-in-time (PIT) tables, built set-based for a range of daily snapshots, and as-of queries over
/// satellites and PITs. A snapshot for date <c>D</c> holds, per hub key, the latest version of each satellite loaded
/// before <c>D + 1 day, 00:00</c>.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>The name of the common table expression of snapshot dates in <see cref="InsertPitSnapshots"/>.</summary>
    protected const string SnapshotsCte = "dv_snapshots";

    /// <summary>The column of <see cref="SnapshotsCte"/> holding the end of each snapshot day (the next date, exclusive).</summary>
    protected const string SnapshotEndColumn = "dv_snapshot_end";

    /// <summary>The column of the satellite versions in <see cref="InsertPitSnapshots"/> holding the load date of each version's successor.</summary>
    protected const string VersionEndColumn = "dv_next";

    /// <summary>
    /// The table of a point-in-time table: the hub's hash key and the snapshot date (the primary key), then one
    /// nullable load-date column per satellite; a foreign key to the hub and an index on the snapshot date.
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public virtual TableDefinition PitTable(PointInTime pit, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(pit);
        ArgumentNullException.ThrowIfNull(options);
        return new TableDefinition(
            pit.TableName,
            [
                new(pit.HashKeyColumn, HashTypeName(pit.Hub.HashingStandard, options), true),
                new(pit.SnapshotDateColumn, TypeName(DataType.Date), true),
                .. pit.Satellites.Select(s => new TableColumn(s.LoadDateColumn, TimestampTypeName, false)),
            ],
            [pit.HashKeyColumn, pit.SnapshotDateColumn],
            options.ForeignKeys ? [(pit.HashKeyColumn, pit.Hub.TableName, pit.Hub.HashKeyColumn)] : [],
            [(ObjectName("ix", pit.TableName, pit.SnapshotDateColumn), [pit.SnapshotDateColumn])]);
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
    public virtual SqlStatement DeletePitSnapshots(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot)
    {
        ArgumentNullException.ThrowIfNull(pit);
        CheckRange(firstSnapshot, lastSnapshot);
        var snapshot = QuoteIdentifier(pit.SnapshotDateColumn);
        return new SqlStatement(
            $"DELETE FROM {QuoteIdentifier(pit.TableName)}{Environment.NewLine}" +
            $"WHERE {snapshot} >= {DateParameter("dv_from")} AND {snapshot} <= {DateParameter("dv_to")}",
            SnapshotRangeParameters(firstSnapshot, lastSnapshot));
    }

    /// <summary>
    /// Inserts a PIT's rows for every snapshot date <paramref name="firstSnapshot"/> to <paramref name="lastSnapshot"/> (inclusive) in one
    /// set-based statement: the dates come from a recursive common table expression over two date parameters, each
    /// hub key loaded before the end of a day (never the zero key of the ghost record) gets one row for that day, and
    /// each satellite column the latest load date of the key's versions loaded before the end of the day (the next
    /// date, 00:00, exclusive), or NULL when there is none yet (see <see cref="PitVersionWindows"/> for how).
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="firstSnapshot">The first snapshot date.</param>
    /// <param name="lastSnapshot">The last snapshot date (not before <paramref name="firstSnapshot"/>).</param>
    /// <param name="options">DDL options (the form of the hub's zero key), or <see langword="null"/> for the defaults.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement InsertPitSnapshots(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot, DdlOptions? options = null)
    {
        var (insert, snapshots, select, parameters) = PitInsertParts(pit, firstSnapshot, lastSnapshot, options);
        var nl = Environment.NewLine;
        return new SqlStatement($"{insert}{nl}{RecursiveWith} {snapshots}{nl}{select}", parameters);
    }

    /// <summary>
    /// Selects the version of every key of a satellite that was current at <paramref name="asOf"/>: the latest one
    /// loaded before it (<c>load_date &lt; @as_of</c>). Keys whose first version was loaded later are left out. With
    /// <paramref name="asOf"/> = <c>D + 1 day, 00:00</c> it returns what the PIT snapshot of day <c>D</c> points to.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="asOf">The instant (UTC, the load dates' meaning), exclusive; bound as the parameter <c>as_of</c>.</param>
    /// <returns>A query returning the satellite's columns (without the load end date).</returns>
    public virtual SqlStatement SelectSatelliteAsOf(Satellite satellite, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        var naming = NamingOf(satellite.Parent);
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(naming.LoadDate);
        var table = QuoteIdentifier(satellite.TableName);
        string[] columns = [satellite.ParentHashKeyColumn, naming.LoadDate, satellite.HashDiffColumn, naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)];
        return new SqlStatement(
            $"SELECT {ColumnList(columns, "s")}{Environment.NewLine}" +
            $"FROM {table} s{Environment.NewLine}" +
            $"WHERE s.{loadDate} = (SELECT MAX(q.{loadDate}) FROM {table} q WHERE q.{key} = s.{key} AND q.{loadDate} < {ParameterPlaceholder("as_of")})",
            [new("as_of", ToDbValue(asOf, DataType.Timestamp))]);
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
    public virtual SqlStatement SelectPitAsOf(PointInTime pit, DateOnly snapshotDate)
    {
        ArgumentNullException.ThrowIfNull(pit);
        var naming = NamingOf(pit.Hub);
        var key = QuoteIdentifier(pit.HashKeyColumn);
        var output = new List<string> { $"p.{key}", $"p.{QuoteIdentifier(pit.SnapshotDateColumn)}" };
        var joins = new List<string>();
        var taken = PitAsOfNames(pit);
        for (var i = 0; i < pit.Satellites.Count; i++)
        {
            var (satellite, loadDateColumn) = pit.Satellites[i];
            var alias = "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            output.Add($"p.{QuoteIdentifier(loadDateColumn)}");
            foreach (var attribute in satellite.Attributes)
            {
                var column = $"{alias}.{QuoteIdentifier(attribute.Name)}";
                output.Add(taken[attribute.Name] > 1 ? $"{column} AS {QuoteIdentifier(satellite.Name + "_" + attribute.Name)}" : column);
            }

            joins.Add($"LEFT JOIN {QuoteIdentifier(satellite.TableName)} {alias} ON {alias}.{QuoteIdentifier(satellite.ParentHashKeyColumn)} = p.{key} AND {alias}.{QuoteIdentifier(naming.LoadDate)} = p.{QuoteIdentifier(loadDateColumn)}");
        }

        var nl = Environment.NewLine;
        return new SqlStatement(
            $"SELECT {string.Join(", ", output)}{nl}" +
            $"FROM {QuoteIdentifier(pit.TableName)} p{nl}" +
            string.Concat(joins.Select(j => j + nl)) +
            $"WHERE p.{QuoteIdentifier(pit.SnapshotDateColumn)} = {DateParameter("snapshot_date")}{nl}" +
            $"ORDER BY p.{key}",
            [new("snapshot_date", ToDbValue(snapshotDate, DataType.Date))]);
    }

    /// <summary>
    /// The pieces of <see cref="InsertPitSnapshots"/>, for dialects that arrange them differently (SQL Server puts the
    /// common table expression first): the <c>INSERT INTO … (…)</c> line, the body of the recursive common table
    /// expression of snapshot dates (<c>dv_snapshots (snapshot_date, dv_snapshot_end) AS (…)</c>, without the
    /// <c>WITH</c>), the <c>SELECT</c>, and the parameters.
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="firstSnapshot">The first snapshot date.</param>
    /// <param name="lastSnapshot">The last snapshot date.</param>
    /// <param name="options">DDL options (the form of the hub's zero key), or <see langword="null"/> for the defaults.</param>
    /// <returns>The pieces.</returns>
    protected (string Insert, string Snapshots, string Select, IReadOnlyList<SqlParameterValue> Parameters) PitInsertParts(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot, DdlOptions? options)
    {
        ArgumentNullException.ThrowIfNull(pit);
        CheckRange(firstSnapshot, lastSnapshot);
        options ??= DdlOptions.Default;
        var naming = NamingOf(pit.Hub);
        var nl = Environment.NewLine;
        var key = QuoteIdentifier(pit.HashKeyColumn);
        var loadDate = QuoteIdentifier(naming.LoadDate);
        var snapshot = QuoteIdentifier(pit.SnapshotDateColumn);
        var end = QuoteIdentifier(SnapshotEndColumn);
        var cte = QuoteIdentifier(SnapshotsCte);
        var first = DateParameter("dv_from");

        var snapshots =
            $"{cte} ({snapshot}, {end}) AS ({nl}" +
            $"    SELECT {first}, {NextDay(first)}{nl}" +
            $"    UNION ALL{nl}" +
            $"    SELECT n.{end}, {NextDay("n." + end)} FROM {cte} n WHERE n.{end} <= {DateParameter("dv_to")}{nl}" +
            ")";
        var rangeEnd = NextDay(DateParameter("dv_to"));
        var next = QuoteIdentifier(VersionEndColumn);
        var select = new List<string> { $"h.{key}", $"d.{snapshot}" };
        var joins = new List<string>();
        for (var i = 0; i < pit.Satellites.Count; i++)
        {
            var satellite = pit.Satellites[i].Satellite;
            var alias = "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var satelliteKey = QuoteIdentifier(satellite.ParentHashKeyColumn);
            if (!PitVersionWindows)
            {
                // The latest load date before the end of the day, one correlated lookup per key and day.
                select.Add($"(SELECT MAX({alias}.{loadDate}) FROM {QuoteIdentifier(satellite.TableName)} {alias} WHERE {alias}.{satelliteKey} = h.{key} AND {alias}.{loadDate} < d.{end})");
                continue;
            }

            // Each version with the load date of its successor (LEAD): the version valid at the end of a day is the one
            // loaded before it whose successor, if any, was not. Versions loaded after the last day cannot be valid in
            // the range and are left out before the window is computed.
            select.Add($"{alias}.{loadDate}");
            joins.Add(
                $"LEFT JOIN (SELECT v.{satelliteKey}, v.{loadDate}, LEAD(v.{loadDate}) OVER (PARTITION BY v.{satelliteKey} ORDER BY v.{loadDate}) AS {next}{nl}" +
                $"           FROM {QuoteIdentifier(satellite.TableName)} v WHERE v.{loadDate} < {rangeEnd}) {alias}{nl}" +
                $"       ON {alias}.{satelliteKey} = h.{key} AND {alias}.{loadDate} < d.{end} AND ({alias}.{next} IS NULL OR {alias}.{next} >= d.{end})");
        }

        var body =
            $"SELECT {string.Join($",{nl}       ", select)}{nl}" +
            $"FROM {QuoteIdentifier(pit.Hub.TableName)} h{nl}" +
            $"JOIN {cte} d ON h.{loadDate} < d.{end}{nl}" +
            string.Concat(joins.Select(j => j + nl)) +
            $"WHERE h.{key} <> {ParameterPlaceholder("dv_zero_key")}";
        var insert = $"INSERT INTO {QuoteIdentifier(pit.TableName)} ({ColumnList([pit.HashKeyColumn, pit.SnapshotDateColumn, .. pit.Satellites.Select(s => s.LoadDateColumn)])})";
        return (insert, snapshots, body, [.. SnapshotRangeParameters(firstSnapshot, lastSnapshot), new("dv_zero_key", ZeroKeyValue(pit.Hub.HashingStandard, options))]);
    }

    /// <summary>
    /// How <see cref="InsertPitSnapshots"/> finds each satellite's version at the end of a day: <see langword="true"/>
    /// (the default) joins each day to the version whose validity — its load date up to its successor's, from
    /// <c>LEAD</c> — contains the end of the day; <see langword="false"/> looks up <c>MAX(load_date)</c> before the end
    /// of the day per key and day with a correlated subquery (over the satellite's primary key). docs/business-vault.md
    /// has the measurements behind each engine's choice.
    /// </summary>
    protected virtual bool PitVersionWindows => true;

    /// <summary>The keyword that starts a recursive common table expression (default <c>WITH RECURSIVE</c>).</summary>
    protected virtual string RecursiveWith => "WITH RECURSIVE";

    /// <summary>A date parameter as a date expression (default <c>CAST(@name AS DATE)</c>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The expression.</returns>
    protected virtual string DateParameter(string name) => $"CAST({ParameterPlaceholder(name)} AS DATE)";

    /// <summary>The date after a date expression, as a date (default <c>CAST(x + INTERVAL '1' DAY AS DATE)</c>).</summary>
    /// <param name="expression">A date expression.</param>
    /// <returns>The expression.</returns>
    protected virtual string NextDay(string expression) => $"CAST({expression} + INTERVAL '1' DAY AS DATE)";

    private IReadOnlyList<SqlParameterValue> SnapshotRangeParameters(DateOnly firstSnapshot, DateOnly lastSnapshot) =>
        [new("dv_from", ToDbValue(firstSnapshot, DataType.Date)), new("dv_to", ToDbValue(lastSnapshot, DataType.Date))];

    private static void CheckRange(DateOnly firstSnapshot, DateOnly lastSnapshot)
    {
        if (lastSnapshot < firstSnapshot)
        {
            throw new ArgumentOutOfRangeException(nameof(lastSnapshot), lastSnapshot, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The last snapshot date must not be before the first ({firstSnapshot:yyyy-MM-dd})."));
        }
    }

    /// <summary>How often each attribute name of a PIT's satellites occurs among the columns of its as-of query.</summary>
    private static Dictionary<string, int> PitAsOfNames(PointInTime pit)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { pit.HashKeyColumn, pit.SnapshotDateColumn }.Concat(pit.Satellites.Select(s => s.LoadDateColumn)).Concat(pit.Satellites.SelectMany(s => s.Satellite.Attributes.Select(a => a.Name))))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }
}

using System.Globalization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// Point-in-time tables: their DDL, the set-based build of a range of daily snapshots (a recursive series of dates
/// inside one insert), and the as-of queries over satellites and PITs.
/// </summary>
internal sealed class PitWriter(SqlDialect dialect)
{
    /// <summary>The common table expression of snapshot dates.</summary>
    private const string SnapshotsCte = "dv_snapshots";

    /// <summary>Its column holding the end of each snapshot day (the next date, exclusive).</summary>
    private const string SnapshotEndColumn = "dv_snapshot_end";

    /// <summary>The column of the satellite versions holding the load date of each version's successor.</summary>
    private const string VersionEndColumn = "dv_next";

    private static readonly string Nl = Environment.NewLine;

    private SqlQuoter Quoter => dialect.Quoter;

    private SqlPrimitives Primitives => dialect.Primitives;

    public TableDefinition PitTable(PointInTime pit, DdlOptions options) => new(
        pit.TableName,
        [
            new(pit.HashKeyColumn, dialect.Types.HashColumn(pit.Hub.HashingStandard, options), true),
            new(pit.SnapshotDateColumn, dialect.Types.For(DataType.Date), true),
            .. pit.Satellites.Select(s => new TableColumn(s.LoadDateColumn, dialect.Types.For(DataType.Timestamp), false)),
        ],
        [pit.HashKeyColumn, pit.SnapshotDateColumn],
        options.ForeignKeys && (pit.Schema == pit.Hub.Schema || dialect.Capabilities.CrossSchemaForeignKeys)
            ? [new ForeignKeyDefinition(pit.HashKeyColumn, pit.Hub.TableName, pit.Hub.HashKeyColumn) { ReferencedSchema = pit.Hub.Schema }]
            : [],
        [new(dialect.ObjectName("ix", pit.TableName, pit.SnapshotDateColumn), [pit.SnapshotDateColumn])])
    {
        Schema = pit.Schema,
    };

    public SqlStatement DeletePitSnapshots(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot)
    {
        var snapshot = Quoter.QuoteIdentifier(pit.SnapshotDateColumn);
        return new SqlStatement(
            $"DELETE FROM {Quoter.QuoteTable(pit.Schema, pit.TableName)}{Nl}" +
            $"WHERE {snapshot} >= {DateParameter("dv_from")} AND {snapshot} <= {DateParameter("dv_to")}",
            RangeParameters(firstSnapshot, lastSnapshot));
    }

    /// <summary>The standard arrangement: <c>INSERT … WITH RECURSIVE dates … SELECT …</c>.</summary>
    public SqlStatement InsertPitSnapshots(PitInsertParts parts) =>
        new($"{parts.Insert}{Nl}{dialect.Capabilities.RecursiveWith} {parts.Snapshots}{Nl}{parts.Select}", parts.Parameters);

    public PitInsertParts InsertParts(PointInTime pit, DateOnly firstSnapshot, DateOnly lastSnapshot, DdlOptions options)
    {
        var loadDate = Quoter.QuoteIdentifier(pit.Hub.Naming.LoadDate);
        var key = Quoter.QuoteIdentifier(pit.HashKeyColumn);
        var snapshot = Quoter.QuoteIdentifier(pit.SnapshotDateColumn);
        var end = Quoter.QuoteIdentifier(SnapshotEndColumn);
        var cte = Quoter.QuoteIdentifier(SnapshotsCte);
        var first = DateParameter("dv_from");
        var snapshots =
            $"{cte} ({snapshot}, {end}) AS ({Nl}" +
            $"    SELECT {first}, {Primitives.NextDay(first)}{Nl}" +
            $"    UNION ALL{Nl}" +
            $"    SELECT n.{end}, {Primitives.NextDay("n." + end)} FROM {cte} n WHERE n.{end} <= {DateParameter("dv_to")}{Nl}" +
            ")";
        var rangeEnd = Primitives.NextDay(DateParameter("dv_to"));
        var next = Quoter.QuoteIdentifier(VersionEndColumn);
        var select = new List<string> { $"h.{key}", $"d.{snapshot}" };
        var joins = new List<string>();
        for (var i = 0; i < pit.Satellites.Count; i++)
        {
            var satellite = pit.Satellites[i].Satellite;
            var alias = "s" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var satelliteKey = Quoter.QuoteIdentifier(satellite.ParentHashKeyColumn);
            var table = Quoter.QuoteTable(satellite.Schema, satellite.TableName);
            if (!dialect.Capabilities.PitVersionWindows)
            {
                // The latest load date before the end of the day, one correlated lookup per key and day.
                select.Add($"(SELECT MAX({alias}.{loadDate}) FROM {table} {alias} WHERE {alias}.{satelliteKey} = h.{key} AND {alias}.{loadDate} < d.{end})");
                continue;
            }

            // Each version with the load date of its successor (LEAD): the version valid at the end of a day is the one
            // loaded before it whose successor, if any, was not. Versions loaded after the last day cannot be valid in
            // the range and are left out before the window is computed. A multi-active satellite's set is one version:
            // its distinct load dates are windowed.
            select.Add($"{alias}.{loadDate}");
            joins.Add(
                $"LEFT JOIN (SELECT v.{satelliteKey}, v.{loadDate}, LEAD(v.{loadDate}) OVER (PARTITION BY v.{satelliteKey} ORDER BY v.{loadDate}) AS {next}{Nl}" +
                $"           FROM {(satellite.IsMultiActive ? $"(SELECT DISTINCT m.{satelliteKey}, m.{loadDate} FROM {table} m)" : table)} v WHERE v.{loadDate} < {rangeEnd}) {alias}{Nl}" +
                $"       ON {alias}.{satelliteKey} = h.{key} AND {alias}.{loadDate} < d.{end} AND ({alias}.{next} IS NULL OR {alias}.{next} >= d.{end})");
        }

        var body =
            $"SELECT {string.Join($",{Nl}       ", select)}{Nl}" +
            $"FROM {Quoter.QuoteTable(pit.Hub.Schema, pit.Hub.TableName)} h{Nl}" +
            $"JOIN {cte} d ON h.{loadDate} < d.{end}{Nl}" +
            string.Concat(joins.Select(j => j + Nl)) +
            $"WHERE h.{key} <> {Quoter.ParameterPlaceholder("dv_zero_key")}";
        var insert = $"INSERT INTO {Quoter.QuoteTable(pit.Schema, pit.TableName)} ({dialect.ColumnList([pit.HashKeyColumn, pit.SnapshotDateColumn, .. pit.Satellites.Select(s => s.LoadDateColumn)])})";
        return new PitInsertParts(insert, snapshots, body, [.. RangeParameters(firstSnapshot, lastSnapshot), new("dv_zero_key", dialect.Types.ZeroKey(pit.Hub.HashingStandard, options))]);
    }

    public SqlStatement SelectSatelliteAsOf(Satellite satellite, DateTime asOf)
    {
        var naming = satellite.Parent.Naming;
        var key = Quoter.QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = Quoter.QuoteIdentifier(naming.LoadDate);
        var table = Quoter.QuoteTable(satellite.Schema, satellite.TableName);
        string[] columns = [satellite.ParentHashKeyColumn, naming.LoadDate, satellite.HashDiffColumn, naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)];
        return new SqlStatement(
            $"SELECT {dialect.ColumnList(columns, "s")}{Nl}" +
            $"FROM {table} s{Nl}" +
            $"WHERE s.{loadDate} = (SELECT MAX(q.{loadDate}) FROM {table} q WHERE q.{key} = s.{key} AND q.{loadDate} < {Quoter.ParameterPlaceholder("as_of")})",
            [new("as_of", dialect.Types.ToDbValue(asOf, DataType.Timestamp))]);
    }

    public SqlStatement SelectPitAsOf(PointInTime pit, DateOnly snapshotDate)
    {
        var naming = pit.Hub.Naming;
        var key = Quoter.QuoteIdentifier(pit.HashKeyColumn);
        var output = new List<string> { $"p.{key}", $"p.{Quoter.QuoteIdentifier(pit.SnapshotDateColumn)}" };
        var joins = new List<string>();
        var taken = AsOfNames(pit);
        for (var i = 0; i < pit.Satellites.Count; i++)
        {
            var (satellite, loadDateColumn) = pit.Satellites[i];
            var alias = "s" + (i + 1).ToString(CultureInfo.InvariantCulture);
            output.Add($"p.{Quoter.QuoteIdentifier(loadDateColumn)}");
            foreach (var attribute in satellite.Attributes)
            {
                var column = $"{alias}.{Quoter.QuoteIdentifier(attribute.Name)}";
                output.Add(taken[attribute.Name] > 1 ? $"{column} AS {Quoter.QuoteIdentifier(satellite.Name + "_" + attribute.Name)}" : column);
            }

            joins.Add($"LEFT JOIN {Quoter.QuoteTable(satellite.Schema, satellite.TableName)} {alias} ON {alias}.{Quoter.QuoteIdentifier(satellite.ParentHashKeyColumn)} = p.{key} AND {alias}.{Quoter.QuoteIdentifier(naming.LoadDate)} = p.{Quoter.QuoteIdentifier(loadDateColumn)}");
        }

        return new SqlStatement(
            $"SELECT {string.Join(", ", output)}{Nl}" +
            $"FROM {Quoter.QuoteTable(pit.Schema, pit.TableName)} p{Nl}" +
            string.Concat(joins.Select(j => j + Nl)) +
            $"WHERE p.{Quoter.QuoteIdentifier(pit.SnapshotDateColumn)} = {DateParameter("snapshot_date")}{Nl}" +
            $"ORDER BY p.{key}",
            [new("snapshot_date", dialect.Types.ToDbValue(snapshotDate, DataType.Date))]);
    }

    private string DateParameter(string name) => Primitives.DateParameter(Quoter.ParameterPlaceholder(name));

    private IReadOnlyList<SqlParameterValue> RangeParameters(DateOnly firstSnapshot, DateOnly lastSnapshot) =>
        [new("dv_from", dialect.Types.ToDbValue(firstSnapshot, DataType.Date)), new("dv_to", dialect.Types.ToDbValue(lastSnapshot, DataType.Date))];

    /// <summary>How often each attribute name of a PIT's satellites occurs among the columns of its as-of query.</summary>
    private static Dictionary<string, int> AsOfNames(PointInTime pit)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { pit.HashKeyColumn, pit.SnapshotDateColumn }.Concat(pit.Satellites.Select(s => s.LoadDateColumn)).Concat(pit.Satellites.SelectMany(s => s.Satellite.Attributes.Select(a => a.Name))))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }
}

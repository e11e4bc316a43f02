using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The statements of an extended tracking satellite: its table, the record of every staged version of a tracked
/// satellite (one row per key, load date and satellite, changed or not), and the restore of versions a late load
/// interrupted — each from the satellite's staging table, set-based, the satellite's name a parameter.
/// </summary>
internal sealed class ExtendedTrackingWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    /// <summary>The length of the satellite-name column: a table name on every engine fits it.</summary>
    public const int SatelliteNameLength = 128;

    private SqlQuoter Quoter => dialect.Quoter;

    /// <summary>Parent key, load date and satellite name (the primary key), hash diff, record source; a foreign key to the parent.</summary>
    public TableDefinition Table(ExtendedTrackingSatellite tracking, TableDefinition firstSatellite, DdlOptions options)
    {
        var naming = tracking.Naming;
        return new TableDefinition(
            tracking.TableName,
            [
                firstSatellite.Column(tracking.ParentHashKeyColumn) with { NotNull = true },
                new(naming.LoadDate, dialect.Types.For(DataType.Timestamp), true),
                new(tracking.SatelliteNameColumn, dialect.Types.For(DataType.String(SatelliteNameLength)), true),
                firstSatellite.Column(naming.HashDiff) with { NotNull = true },
                new(naming.RecordSource, dialect.Types.For(DataType.String(options.RecordSourceLength)), true),
            ],
            [tracking.ParentHashKeyColumn, naming.LoadDate, tracking.SatelliteNameColumn],
            options.ForeignKeys ? [new ForeignKeyDefinition(tracking.ParentHashKeyColumn, tracking.Parent.TableName, tracking.Parent.HashKeyColumn) { ReferencedSchema = tracking.Parent.Schema }] : [],
            [])
        {
            Schema = tracking.Schema,
        };
    }

    /// <summary>Records the staged versions of <paramref name="satellite"/> not recorded yet: per key and load date the first staged row (by origin).</summary>
    public SqlStatement TrackVersions(ExtendedTrackingSatellite tracking, Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        var (key, loadDate, diff, source) = Names(tracking, satellite);
        var name = Quoter.QuoteIdentifier(tracking.SatelliteNameColumn);
        var table = Quoter.QuoteTable(tracking.Schema, tracking.TableName);
        var first = Quoter.QuoteIdentifier("dv_version");
        return new SqlStatement(
            $"INSERT INTO {table} ({key}, {loadDate}, {name}, {diff}, {source}){Nl}" +
            $"SELECT s.{key}, s.{loadDate}, {Quoter.ParameterPlaceholder("dv_satellite")}, s.{diff}, s.{source}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT st.{key}, st.{loadDate}, st.{diff}, st.{source},{Nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{key}, st.{loadDate} ORDER BY st.{Quoter.QuoteIdentifier(sourceRowColumn)}) AS {first}{Nl}" +
            $"    FROM {Quoter.QuoteIdentifier(staging.Name)} st{Nl}" +
            $") s{Nl}" +
            $"WHERE s.{first} = 1 AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key} AND t.{loadDate} = s.{loadDate} AND t.{name} = {Quoter.ParameterPlaceholder("dv_satellite_again")})",
            [new("dv_satellite", satellite.TableName), new("dv_satellite_again", satellite.TableName)]);
    }

    /// <summary>
    /// For the staged keys: each recorded load whose hash diff differs from the load before it (in the extended tracking
    /// satellite) while the satellite's version valid then has another — a version a late load interrupted — is inserted
    /// at that load date, with the attributes of the latest earlier version of that hash diff and the recorded source.
    /// </summary>
    public SqlStatement RestoreInterruptedVersions(ExtendedTrackingSatellite tracking, Satellite satellite, StagingTable staging)
    {
        var (key, loadDate, diff, source) = Names(tracking, satellite);
        var name = Quoter.QuoteIdentifier(tracking.SatelliteNameColumn);
        var xts = Quoter.QuoteTable(tracking.Schema, tracking.TableName);
        var table = Quoter.QuoteTable(satellite.Schema, satellite.TableName);
        var previous = Quoter.QuoteIdentifier("dv_previous_diff");
        var attributes = satellite.Attributes.Select(a => Quoter.QuoteIdentifier(a.Name)).ToList();
        return new SqlStatement(
            $"INSERT INTO {table} ({key}, {loadDate}, {diff}, {source}{string.Concat(attributes.Select(a => ", " + a))}){Nl}" +
            $"SELECT o.{key}, o.{loadDate}, o.{diff}, o.{source}{string.Concat(attributes.Select(a => ", a." + a))}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT x.{key}, x.{loadDate}, x.{diff}, x.{source},{Nl}" +
            $"           LAG(x.{diff}) OVER (PARTITION BY x.{key} ORDER BY x.{loadDate}) AS {previous}{Nl}" +
            $"    FROM {xts} x{Nl}" +
            $"    WHERE x.{name} = {Quoter.ParameterPlaceholder("dv_satellite")} AND x.{key} IN (SELECT st.{key} FROM {Quoter.QuoteIdentifier(staging.Name)} st){Nl}" +
            $") o{Nl}" +
            $"JOIN {table} a ON a.{key} = o.{key} AND a.{diff} = o.{diff}{Nl}" +
            $"  AND a.{loadDate} = (SELECT MAX(b.{loadDate}) FROM {table} b WHERE b.{key} = o.{key} AND b.{diff} = o.{diff} AND b.{loadDate} < o.{loadDate}){Nl}" +
            $"WHERE (o.{previous} IS NULL OR o.{previous} <> o.{diff}){Nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = o.{key} AND t.{loadDate} = o.{loadDate}){Nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {table} v WHERE v.{key} = o.{key} AND v.{diff} = o.{diff}{Nl}" +
            $"      AND v.{loadDate} = (SELECT MAX(w.{loadDate}) FROM {table} w WHERE w.{key} = o.{key} AND w.{loadDate} <= o.{loadDate}))",
            [new("dv_satellite", satellite.TableName)]);
    }

    /// <summary>
    /// Staged rows older than a recorded load of their key that would change what was recorded (their hash diff is not
    /// the one recorded last before them): late data, even where the satellite stored no later version.
    /// </summary>
    public SqlStatement SelectLateTrackedRows(ExtendedTrackingSatellite tracking, Satellite satellite, StagingTable staging)
    {
        var (key, loadDate, diff, _) = Names(tracking, satellite);
        var name = Quoter.QuoteIdentifier(tracking.SatelliteNameColumn);
        var xts = Quoter.QuoteTable(tracking.Schema, tracking.TableName);
        string P(int i) => Quoter.ParameterPlaceholder("dv_satellite_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SqlStatement(
            $"SELECT s.{key}, s.{loadDate}, (SELECT MAX(l.{loadDate}) FROM {xts} l WHERE l.{key} = s.{key} AND l.{name} = {P(1)}) AS {Quoter.QuoteIdentifier("stored_load_date")}{Nl}" +
            $"FROM {Quoter.QuoteIdentifier(staging.Name)} s{Nl}" +
            $"WHERE EXISTS (SELECT 1 FROM {xts} t WHERE t.{key} = s.{key} AND t.{name} = {P(2)} AND t.{loadDate} > s.{loadDate}){Nl}" +
            $"  AND NOT EXISTS ({Nl}" +
            $"      SELECT 1 FROM {xts} p{Nl}" +
            $"      WHERE p.{key} = s.{key} AND p.{name} = {P(3)} AND p.{diff} = s.{diff}{Nl}" +
            $"        AND p.{loadDate} = (SELECT MAX(q.{loadDate}) FROM {xts} q WHERE q.{key} = s.{key} AND q.{name} = {P(4)} AND q.{loadDate} <= s.{loadDate}))",
            [.. Enumerable.Range(1, 4).Select(i => new SqlParameterValue("dv_satellite_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), satellite.TableName))]);
    }

    private (string Key, string LoadDate, string Diff, string Source) Names(ExtendedTrackingSatellite tracking, Satellite satellite)
    {
        if (!tracking.Satellites.Contains(satellite))
        {
            throw new ArgumentException($"{satellite.TableName} is not tracked by {tracking.TableName} (it tracks {string.Join(", ", tracking.Satellites.Select(s => s.TableName))}).", nameof(satellite));
        }

        return (Quoter.QuoteIdentifier(tracking.ParentHashKeyColumn), Quoter.QuoteIdentifier(tracking.Naming.LoadDate), Quoter.QuoteIdentifier(tracking.Naming.HashDiff), Quoter.QuoteIdentifier(tracking.Naming.RecordSource));
    }
}

using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The statements of a status-tracking or effectivity satellite (<see cref="Satellite.TracksStatus"/>), fed by a full
/// extract whose keys (hub keys, or a link's relationships) are staged; the status values are the satellite's
/// (<see cref="Satellite.FirstStatus"/>, <see cref="Satellite.AbsentStatus"/>, <see cref="Satellite.AgainStatus"/>). Against each key's latest status before the load date: a staged key without one, or deleted, gets
/// present (<c>I</c>) or returned (<c>R</c>); a key whose latest status is not deleted and that the extract lacks gets
/// deleted (<c>D</c>). Every status, load date, record source and hash diff is a parameter.
/// </summary>
internal sealed class StatusTrackingWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    private SqlQuoter Quoter => dialect.Quoter;

    /// <summary>Inserts the statuses the extract changes; a rerun of the same extract and load date inserts nothing.</summary>
    public SqlStatement Load(Satellite satellite, StagingTable staging, DateTime loadDate, string recordSource)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var diff =
            $"CASE d.{n.Status} WHEN {P("dv_deleted")} THEN {P("dv_diff_deleted")} WHEN {P("dv_returned")} THEN {P("dv_diff_returned")} ELSE {P("dv_diff_present")} END";
        return Statement(
            $"INSERT INTO {n.Table} ({n.Key}, {n.LoadDate}, {n.Diff}, {n.RecordSource}, {n.Status}){Nl}" +
            $"SELECT d.{n.Key}, {P("dv_load_date")}, {diff}, d.{n.RecordSource}, d.{n.Status}{Nl}" +
            $"FROM ({Desired(n)}) d{Nl}" +
            $"WHERE NOT EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.Key} = d.{n.Key} AND t.{n.LoadDate} = {P("dv_load_date")})",
            Parameters(satellite, loadDate, recordSource));
    }

    /// <summary>
    /// Keys whose stored status at the load date is not the one the extract gives (a rerun with other keys): the key
    /// and the stored status (NULL where the extract gives one and none is stored at that date while others are).
    /// </summary>
    public SqlStatement SelectConflicts(Satellite satellite, StagingTable staging, DateTime loadDate, string recordSource)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var at = P("dv_load_date");
        return Statement(
            $"SELECT d.{n.Key}, (SELECT t.{n.Status} FROM {n.Table} t WHERE t.{n.Key} = d.{n.Key} AND t.{n.LoadDate} = {at}) AS {Quoter.QuoteIdentifier("stored_status")}{Nl}" +
            $"FROM ({Desired(n)}) d{Nl}" +
            $"WHERE EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.LoadDate} = {at}){Nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.Key} = d.{n.Key} AND t.{n.LoadDate} = {at} AND t.{n.Status} = d.{n.Status}){Nl}" +
            $"UNION ALL{Nl}" +
            $"SELECT t.{n.Key}, t.{n.Status}{Nl}" +
            $"FROM {n.Table} t{Nl}" +
            $"WHERE t.{n.LoadDate} = {at} AND NOT EXISTS (SELECT 1 FROM ({Desired(n)}) d WHERE d.{n.Key} = t.{n.Key})",
            Parameters(satellite, loadDate, recordSource));
    }

    /// <summary>
    /// The statuses a late extract would change: when a later extract is stored (any status with a later load date),
    /// every status this one gives — the later extract implied another state for that key — with the latest stored load
    /// date. An old extract that changes nothing returns no row.
    /// </summary>
    public SqlStatement SelectLate(Satellite satellite, StagingTable staging, DateTime loadDate, string recordSource)
    {
        var n = Names.Of(Quoter, satellite, staging);
        return Statement(
            $"SELECT d.{n.Key}, (SELECT MAX(t.{n.LoadDate}) FROM {n.Table} t) AS {Quoter.QuoteIdentifier("stored_load_date")}{Nl}" +
            $"FROM ({Desired(n)}) d{Nl}" +
            $"WHERE EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.LoadDate} > {P("dv_load_date")})",
            Parameters(satellite, loadDate, recordSource));
    }

    /// <summary>
    /// For an effectivity satellite with a driving key: the staged relationships of every driving key that has more than
    /// one in the extract — the driving key, the relationship's link key and its first origin, in driving-key and origin
    /// order. Joins the link table, so it runs after the links are merged.
    /// </summary>
    public SqlStatement SelectDrivingKeyConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var link = (Link)satellite.Parent;
        var driving = Quoter.QuoteIdentifier((satellite.DrivingKey ?? throw new ArgumentException($"{satellite.TableName} has no driving key.", nameof(satellite))).HashKeyColumn);
        var linkTable = Quoter.QuoteTable(link.Schema, link.TableName);
        var row = Quoter.QuoteIdentifier(sourceRowColumn);
        var first = Quoter.QuoteIdentifier("first_row");
        return SqlStatement.Of(
            $"SELECT l.{driving}, st.{n.Key}, MIN(st.{row}) AS {first}{Nl}" +
            $"FROM {n.Staging} st JOIN {linkTable} l ON l.{n.Key} = st.{n.Key}{Nl}" +
            $"WHERE l.{driving} IN ({Nl}" +
            $"    SELECT l2.{driving} FROM {n.Staging} s2 JOIN {linkTable} l2 ON l2.{n.Key} = s2.{n.Key}{Nl}" +
            $"    GROUP BY l2.{driving} HAVING COUNT(DISTINCT s2.{n.Key}) > 1){Nl}" +
            $"GROUP BY l.{driving}, st.{n.Key}{Nl}" +
            $"ORDER BY l.{driving}, {first}");
    }

    /// <summary>The statuses the extract gives: staged keys new or deleted before, and keys it lacks that were not deleted.</summary>
    private string Desired(Names n)
    {
        var latest =
            $"SELECT t.{n.Key}, t.{n.Status} FROM {n.Table} t " +
            $"WHERE t.{n.LoadDate} = (SELECT MAX(q.{n.LoadDate}) FROM {n.Table} q WHERE q.{n.Key} = t.{n.Key} AND q.{n.LoadDate} < {P("dv_load_date")})";
        return
            $"SELECT s.{n.Key}, CASE WHEN l.{n.Status} IS NULL THEN {P("dv_present")} ELSE {P("dv_returned")} END AS {n.Status}, s.{n.RecordSource}{Nl}" +
            $"    FROM (SELECT st.{n.Key}, MIN(st.{n.RecordSource}) AS {n.RecordSource} FROM {n.Staging} st GROUP BY st.{n.Key}) s{Nl}" +
            $"    LEFT JOIN ({latest}) l ON l.{n.Key} = s.{n.Key}{Nl}" +
            $"    WHERE l.{n.Status} IS NULL OR l.{n.Status} = {P("dv_deleted")}{Nl}" +
            $"    UNION ALL{Nl}" +
            $"    SELECT l.{n.Key}, {P("dv_deleted")} AS {n.Status}, {P("dv_record_source")} AS {n.RecordSource}{Nl}" +
            $"    FROM ({latest}) l{Nl}" +
            $"    WHERE l.{n.Status} <> {P("dv_deleted")} AND NOT EXISTS (SELECT 1 FROM {n.Staging} st WHERE st.{n.Key} = l.{n.Key})";
    }

    private string P(string name) => Quoter.ParameterPlaceholder(name);

    /// <summary>A statement with the parameters its text uses (an engine may refuse a value it has no placeholder for).</summary>
    private SqlStatement Statement(string text, List<SqlParameterValue> parameters) =>
        new(text, [.. parameters.Where(p => text.Contains(P(p.Name), StringComparison.Ordinal))]);

    /// <summary>The load date, the record source of deletions, the three statuses and their hash diffs.</summary>
    private List<SqlParameterValue> Parameters(Satellite satellite, DateTime loadDate, string recordSource) =>
    [
        new("dv_load_date", dialect.Types.ToDbValue(loadDate, DataType.Timestamp)),
        new("dv_record_source", recordSource),
        new("dv_present", satellite.FirstStatus),
        new("dv_returned", satellite.AgainStatus),
        new("dv_deleted", satellite.AbsentStatus),
        new("dv_diff_present", ModelHashing.HashDiff(satellite, [satellite.FirstStatus])),
        new("dv_diff_returned", ModelHashing.HashDiff(satellite, [satellite.AgainStatus])),
        new("dv_diff_deleted", ModelHashing.HashDiff(satellite, [satellite.AbsentStatus])),
    ];

    /// <summary>The quoted names the statements use.</summary>
    private sealed record Names(string Key, string LoadDate, string Diff, string RecordSource, string Status, string Table, string Staging)
    {
        public static Names Of(SqlQuoter quoter, Satellite satellite, StagingTable staging) => new(
            quoter.QuoteIdentifier(satellite.ParentHashKeyColumn),
            quoter.QuoteIdentifier(satellite.Parent.Naming.LoadDate),
            quoter.QuoteIdentifier(satellite.HashDiffColumn),
            quoter.QuoteIdentifier(satellite.Parent.Naming.RecordSource),
            quoter.QuoteIdentifier(satellite.StatusColumn ?? throw new ArgumentException($"{satellite.TableName} is not a status-tracking satellite.", nameof(satellite))),
            quoter.QuoteTable(satellite.Schema, satellite.TableName),
            quoter.QuoteIdentifier(staging.Name));
    }
}

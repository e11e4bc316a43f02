using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The statements of an effectivity satellite with a driving key fed by a **delta of changes**
/// (<c>SourceMapping.ChangesFor</c>): each staged relationship is the driving key's relationship from its load date on.
/// In load-date order per driving key, each change whose relationship is not the one in effect before it (the previous
/// change of the batch, or the stored relationship in effect) inserts <c>Y</c> for it and <c>N</c> for the previous one,
/// at its load date. The statuses and their hash diffs are parameters; every statement joins the link table, so they run
/// after the links are merged.
/// </summary>
internal sealed class EffectivityChangesWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    private SqlQuoter Quoter => dialect.Quoter;

    /// <summary>Inserts the statuses the changes give; a rerun inserts nothing (a status at that key and load date is stored).</summary>
    public SqlStatement Load(Satellite satellite, StagingTable staging)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var changes = Changes(n);
        var diff = $"CASE x.{n.Status} WHEN {P("dv_ended")} THEN {P("dv_diff_ended")} ELSE {P("dv_diff_active")} END";
        return Statement(
            $"INSERT INTO {n.Table} ({n.Key}, {n.LoadDate}, {n.Diff}, {n.RecordSource}, {n.Status}){Nl}" +
            $"SELECT x.{n.Key}, x.{n.LoadDate}, {diff}, x.{n.RecordSource}, x.{n.Status}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT c.{n.Key}, c.{n.LoadDate}, c.{n.RecordSource}, {P("dv_active")} AS {n.Status}{Nl}" +
            $"    FROM ({changes}) c{Nl}" +
            $"    WHERE c.{n.Previous} IS NULL OR c.{n.Previous} <> c.{n.Key}{Nl}" +
            $"    UNION ALL{Nl}" +
            $"    SELECT c.{n.Previous}, c.{n.LoadDate}, c.{n.RecordSource}, {P("dv_ended_again")} AS {n.Status}{Nl}" +
            $"    FROM ({changes}) c{Nl}" +
            $"    WHERE c.{n.Previous} IS NOT NULL AND c.{n.Previous} <> c.{n.Key}{Nl}" +
            $") x{Nl}" +
            $"WHERE NOT EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.Key} = x.{n.Key} AND t.{n.LoadDate} = x.{n.LoadDate})",
            Parameters(satellite));
    }

    /// <summary>
    /// Driving keys with two different relationships at one load date in the staged changes: the driving key, the load
    /// date and the first origins of two of them.
    /// </summary>
    public SqlStatement SelectConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var row = Quoter.QuoteIdentifier(sourceRowColumn);
        return SqlStatement.Of(
            $"SELECT l.{n.Driving}, st.{n.LoadDate}, MIN(st.{row}) AS {Quoter.QuoteIdentifier("first_row")}, MAX(st.{row}) AS {Quoter.QuoteIdentifier("last_row")}{Nl}" +
            $"FROM {n.Staging} st JOIN {n.Link} l ON l.{n.Key} = st.{n.Key}{Nl}" +
            $"GROUP BY l.{n.Driving}, st.{n.LoadDate}{Nl}" +
            $"HAVING COUNT(DISTINCT st.{n.Key}) > 1");
    }

    /// <summary>
    /// Staged changes that would change history: not stored yet (a rerun's are), not to the relationship in effect just
    /// before them (such a change changes nothing), and older than a stored status of a relationship of their driving
    /// key. The driving key, the change's load date and the latest stored load date of the driving key's relationships.
    /// </summary>
    public SqlStatement SelectLate(Satellite satellite, StagingTable staging)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var stored = $"SELECT MAX(t.{n.LoadDate}) FROM {n.Table} t JOIN {n.Link} lt ON lt.{n.Key} = t.{n.Key} WHERE lt.{n.Driving} = l.{n.Driving}";
        return Statement(
            $"SELECT l.{n.Driving}, st.{n.LoadDate}, ({stored}) AS {Quoter.QuoteIdentifier("stored_load_date")}{Nl}" +
            $"FROM {n.Staging} st JOIN {n.Link} l ON l.{n.Key} = st.{n.Key}{Nl}" +
            $"WHERE st.{n.LoadDate} < ({stored}){Nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {n.Table} r WHERE r.{n.Key} = st.{n.Key} AND r.{n.LoadDate} = st.{n.LoadDate}){Nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {n.Table} e WHERE e.{n.Key} = st.{n.Key} AND e.{n.Status} = {P("dv_active")}{Nl}" +
            $"      AND e.{n.LoadDate} = (SELECT MAX(q.{n.LoadDate}) FROM {n.Table} q WHERE q.{n.Key} = st.{n.Key} AND q.{n.LoadDate} < st.{n.LoadDate}))",
            Parameters(satellite));
    }

    /// <summary>
    /// The staged changes, one per relationship and load date, with their driving key and the relationship in effect
    /// before each: the batch's previous change of the driving key, or for its first the stored relationship whose latest
    /// status before the change is active.
    /// </summary>
    private string Changes(Names n)
    {
        var stored =
            $"SELECT MIN(t.{n.Key}) FROM {n.Table} t JOIN {n.Link} lt ON lt.{n.Key} = t.{n.Key}{Nl}" +
            $"                  WHERE lt.{n.Driving} = s.{n.Driving} AND t.{n.Status} = {P("dv_active_stored")}{Nl}" +
            $"                    AND t.{n.LoadDate} = (SELECT MAX(q.{n.LoadDate}) FROM {n.Table} q WHERE q.{n.Key} = t.{n.Key} AND q.{n.LoadDate} < s.{n.LoadDate})";
        var order = $"PARTITION BY s.{n.Driving} ORDER BY s.{n.LoadDate}";
        return
            $"SELECT s.{n.Key}, s.{n.LoadDate}, s.{n.RecordSource},{Nl}" +
            $"           CASE WHEN ROW_NUMBER() OVER ({order}) = 1{Nl}" +
            $"                THEN ({stored}){Nl}" +
            $"                ELSE LAG(s.{n.Key}) OVER ({order}) END AS {n.Previous}{Nl}" +
            $"        FROM (SELECT st.{n.Key}, l.{n.Driving}, st.{n.LoadDate}, MIN(st.{n.RecordSource}) AS {n.RecordSource}{Nl}" +
            $"              FROM {n.Staging} st JOIN {n.Link} l ON l.{n.Key} = st.{n.Key}{Nl}" +
            $"              GROUP BY st.{n.Key}, l.{n.Driving}, st.{n.LoadDate}) s";
    }

    private string P(string name) => Quoter.ParameterPlaceholder(name);

    /// <summary>A statement with the parameters its text uses.</summary>
    private SqlStatement Statement(string text, List<SqlParameterValue> parameters) =>
        new(text, [.. parameters.Where(p => text.Contains(P(p.Name), StringComparison.Ordinal))]);

    /// <summary>The two statuses (each placeholder once per use) and their hash diffs.</summary>
    private static List<SqlParameterValue> Parameters(Satellite satellite) =>
    [
        new("dv_active", satellite.FirstStatus),
        new("dv_active_stored", satellite.FirstStatus),
        new("dv_ended", satellite.AbsentStatus),
        new("dv_ended_again", satellite.AbsentStatus),
        new("dv_diff_active", ModelHashing.HashDiff(satellite, [satellite.FirstStatus])),
        new("dv_diff_ended", ModelHashing.HashDiff(satellite, [satellite.AbsentStatus])),
    ];

    /// <summary>The quoted names the statements use.</summary>
    private sealed record Names(string Key, string LoadDate, string Diff, string RecordSource, string Status, string Table, string Staging, string Link, string Driving, string Previous)
    {
        public static Names Of(SqlQuoter quoter, Satellite satellite, StagingTable staging)
        {
            if (!satellite.IsEffectivity || satellite.DrivingKey is not { } driving || satellite.Parent is not Link link)
            {
                throw new ArgumentException($"{satellite.TableName} is not an effectivity satellite with a driving key: only those are fed by changes.", nameof(satellite));
            }

            return new(
                quoter.QuoteIdentifier(satellite.ParentHashKeyColumn),
                quoter.QuoteIdentifier(satellite.Parent.Naming.LoadDate),
                quoter.QuoteIdentifier(satellite.HashDiffColumn),
                quoter.QuoteIdentifier(satellite.Parent.Naming.RecordSource),
                quoter.QuoteIdentifier(satellite.StatusColumn!),
                quoter.QuoteTable(satellite.Schema, satellite.TableName),
                quoter.QuoteIdentifier(staging.Name),
                quoter.QuoteTable(link.Schema, link.TableName),
                quoter.QuoteIdentifier(driving.HashKeyColumn),
                quoter.QuoteIdentifier("dv_previous"));
        }
    }
}

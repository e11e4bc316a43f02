using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The statements of a multi-active satellite (<see cref="Satellite.IsMultiActive"/>). A parent key's rows at one load
/// date are one version — a set of rows told apart by the multi-active key — so every comparison is of sets per (parent
/// key, load date), never row by row: two sets are equal when they have the same number of rows and each row of one has a
/// row of the other with the same multi-active key and hash diff (the multi-active key is unique in a set, so this is
/// exact). A staged set that differs from its predecessor — the previous staged set of its key in the batch or else the
/// latest stored set before it — is inserted whole; an identical set, in any row order, inserts nothing.
/// </summary>
internal sealed class MultiActiveSatelliteWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    private SqlQuoter Quoter => dialect.Quoter;

    public SqlStatement LoadSatellite(Satellite satellite, StagingTable staging)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var version = Quoter.QuoteIdentifier("dv_version");
        string[] columns = [satellite.ParentHashKeyColumn, satellite.Parent.Naming.LoadDate, satellite.HashDiffColumn, satellite.Parent.Naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)];
        var previous = Quoter.QuoteIdentifier("dv_previous");
        var previousRows = Quoter.QuoteIdentifier("dv_previous_rows");
        var rows = Quoter.QuoteIdentifier("dv_rows");

        // Every set of the staged keys — staged (duplicates removed) and stored — with its size and its predecessor's.
        var sets =
            $"SELECT st.{n.Key}, st.{n.LoadDate}, {n.MultiActive("st")} FROM {n.Staging} st{Nl}" +
            $"            UNION{Nl}" +
            $"            SELECT t.{n.Key}, t.{n.LoadDate}, {n.MultiActive("t")} FROM {n.Table} t WHERE t.{n.Key} IN (SELECT st.{n.Key} FROM {n.Staging} st)";
        var changed =
            $"SELECT g.{n.Key}, g.{n.LoadDate}{Nl}" +
            $"    FROM ({Nl}" +
            $"        SELECT c.{n.Key}, c.{n.LoadDate}, c.{rows},{Nl}" +
            $"               LAG(c.{n.LoadDate}) OVER (PARTITION BY c.{n.Key} ORDER BY c.{n.LoadDate}) AS {previous},{Nl}" +
            $"               LAG(c.{rows}) OVER (PARTITION BY c.{n.Key} ORDER BY c.{n.LoadDate}) AS {previousRows}{Nl}" +
            $"        FROM (SELECT a.{n.Key}, a.{n.LoadDate}, COUNT(*) AS {rows} FROM ({Nl}" +
            $"            {sets}{Nl}" +
            $"        ) a GROUP BY a.{n.Key}, a.{n.LoadDate}) c{Nl}" +
            $"    ) g{Nl}" +
            $"    WHERE g.{previous} IS NULL OR g.{previousRows} <> g.{rows}{Nl}" +
            $"       OR EXISTS (SELECT 1 FROM {n.Staging} x WHERE x.{n.Key} = g.{n.Key} AND x.{n.LoadDate} = g.{n.LoadDate}{Nl}" +
            $"                  AND NOT EXISTS (SELECT 1 FROM {n.Staging} y WHERE {n.SameRow("y", "x", $"g.{previous}")}){Nl}" +
            $"                  AND NOT EXISTS (SELECT 1 FROM {n.Table} y WHERE {n.SameRow("y", "x", $"g.{previous}")}))";
        return SqlStatement.Of(
            $"INSERT INTO {n.Table} ({dialect.ColumnList(columns)}){Nl}" +
            $"SELECT {dialect.ColumnList(columns, "s")}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT {dialect.ColumnList(columns, "st")},{Nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{n.Key}, st.{n.LoadDate}, {n.MultiActive("st")} ORDER BY st.{n.RecordSource}) AS {version}{Nl}" +
            $"    FROM {n.Staging} st{Nl}" +
            $") s{Nl}" +
            $"JOIN ({Nl}" +
            $"    {changed}{Nl}" +
            $") v ON v.{n.Key} = s.{n.Key} AND v.{n.LoadDate} = s.{n.LoadDate}{Nl}" +
            $"WHERE s.{version} = 1 AND NOT EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.Key} = s.{n.Key} AND t.{n.LoadDate} = s.{n.LoadDate})");
    }

    /// <summary>Staged sets whose key already has a stored set at the same load date with other rows: the key and load date.</summary>
    public SqlStatement SelectSatelliteConflicts(Satellite satellite, StagingTable staging)
    {
        var n = Names.Of(Quoter, satellite, staging);
        return SqlStatement.Of(
            $"SELECT s.{n.Key}, s.{n.LoadDate}{Nl}" +
            $"FROM (SELECT DISTINCT st.{n.Key}, st.{n.LoadDate} FROM {n.Staging} st) s{Nl}" +
            $"WHERE EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.Key} = s.{n.Key} AND t.{n.LoadDate} = s.{n.LoadDate}){Nl}" +
            $"  AND (EXISTS (SELECT 1 FROM {n.Staging} x WHERE x.{n.Key} = s.{n.Key} AND x.{n.LoadDate} = s.{n.LoadDate}{Nl}" +
            $"               AND NOT EXISTS (SELECT 1 FROM {n.Table} y WHERE {n.SameRow("y", "x", $"x.{n.LoadDate}")})){Nl}" +
            $"    OR EXISTS (SELECT 1 FROM {n.Table} x WHERE x.{n.Key} = s.{n.Key} AND x.{n.LoadDate} = s.{n.LoadDate}{Nl}" +
            $"               AND NOT EXISTS (SELECT 1 FROM {n.Staging} y WHERE {n.SameRow("y", "x", $"x.{n.LoadDate}")})))");
    }

    /// <summary>Staged sets older than their key's latest stored set that differ from the stored set before them: key, load date, latest stored load date.</summary>
    public SqlStatement SelectLateSatelliteRows(Satellite satellite, StagingTable staging)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var stored = Quoter.QuoteIdentifier("stored_load_date");
        var previous = Quoter.QuoteIdentifier("dv_previous");
        var rows = Quoter.QuoteIdentifier("dv_rows");
        return SqlStatement.Of(
            $"SELECT w.{n.Key}, w.{n.LoadDate}, w.{stored}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT s.{n.Key}, s.{n.LoadDate}, s.{rows},{Nl}" +
            $"           (SELECT MAX(l.{n.LoadDate}) FROM {n.Table} l WHERE l.{n.Key} = s.{n.Key}) AS {stored},{Nl}" +
            $"           (SELECT MAX(q.{n.LoadDate}) FROM {n.Table} q WHERE q.{n.Key} = s.{n.Key} AND q.{n.LoadDate} <= s.{n.LoadDate}) AS {previous}{Nl}" +
            $"    FROM (SELECT d.{n.Key}, d.{n.LoadDate}, COUNT(*) AS {rows}{Nl}" +
            $"          FROM (SELECT DISTINCT st.{n.Key}, st.{n.LoadDate}, {n.MultiActive("st")} FROM {n.Staging} st) d{Nl}" +
            $"          GROUP BY d.{n.Key}, d.{n.LoadDate}) s{Nl}" +
            $") w{Nl}" +
            $"WHERE w.{stored} > w.{n.LoadDate}{Nl}" +
            $"  AND (w.{previous} IS NULL{Nl}" +
            $"    OR (SELECT COUNT(*) FROM {n.Table} c WHERE c.{n.Key} = w.{n.Key} AND c.{n.LoadDate} = w.{previous}) <> w.{rows}{Nl}" +
            $"    OR EXISTS (SELECT 1 FROM {n.Staging} x WHERE x.{n.Key} = w.{n.Key} AND x.{n.LoadDate} = w.{n.LoadDate}{Nl}" +
            $"               AND NOT EXISTS (SELECT 1 FROM {n.Table} y WHERE {n.SameRow("y", "x", $"w.{previous}")})))");
    }

    /// <summary>Staged rows of one key, load date and multi-active key with different diffs: the key, load date, lowest and highest origin, then the multi-active key.</summary>
    public SqlStatement SelectStagedConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        var n = Names.Of(Quoter, satellite, staging);
        var row = Quoter.QuoteIdentifier(sourceRowColumn);
        return SqlStatement.Of(
            $"SELECT st.{n.Key}, st.{n.LoadDate}, MIN(st.{row}) AS {Quoter.QuoteIdentifier("first_row")}, MAX(st.{row}) AS {Quoter.QuoteIdentifier("last_row")}, {n.MultiActive("st")}{Nl}" +
            $"FROM {n.Staging} st{Nl}" +
            $"GROUP BY st.{n.Key}, st.{n.LoadDate}, {n.MultiActive("st")}{Nl}" +
            $"HAVING MIN(st.{n.Diff}) <> MAX(st.{n.Diff})");
    }

    /// <summary>The quoted names the statements use.</summary>
    private sealed record Names(string Key, string LoadDate, string Diff, string RecordSource, string Table, string Staging, IReadOnlyList<string> MultiActiveKeys)
    {
        public static Names Of(SqlQuoter quoter, Satellite satellite, StagingTable staging) => new(
            quoter.QuoteIdentifier(satellite.ParentHashKeyColumn),
            quoter.QuoteIdentifier(satellite.Parent.Naming.LoadDate),
            quoter.QuoteIdentifier(satellite.HashDiffColumn),
            quoter.QuoteIdentifier(satellite.Parent.Naming.RecordSource),
            quoter.QuoteTable(satellite.Schema, satellite.TableName),
            quoter.QuoteIdentifier(staging.Name),
            [.. satellite.MultiActiveKeys.Select(k => quoter.QuoteIdentifier(k.Name))]);

        /// <summary>The multi-active key's columns under an alias: <c>x.phone_type</c>.</summary>
        public string MultiActive(string alias) => string.Join(", ", MultiActiveKeys.Select(k => $"{alias}.{k}"));

        /// <summary>Row <paramref name="other"/> of the same key, at load date <paramref name="loadDate"/>, with the multi-active key and hash diff of row <paramref name="row"/>.</summary>
        public string SameRow(string other, string row, string loadDate) =>
            $"{other}.{Key} = {row}.{Key} AND {other}.{LoadDate} = {loadDate} AND " +
            string.Concat(MultiActiveKeys.Select(k => $"{other}.{k} = {row}.{k} AND ")) +
            $"{other}.{Diff} = {row}.{Diff}";
    }
}

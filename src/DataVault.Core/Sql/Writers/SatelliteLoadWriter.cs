using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The statements of a standard satellite: the insert-only load against each row's chronological predecessor, the
/// checks a batch must pass first (stored conflicts, late rows, staged conflicts), and end dating.
/// </summary>
internal sealed class SatelliteLoadWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    private readonly MultiActiveSatelliteWriter _multiActive = new(dialect);

    private SqlQuoter Quoter => dialect.Quoter;

    public SqlStatement LoadSatellite(Satellite satellite, StagingTable staging)
    {
        if (satellite.IsMultiActive)
        {
            return _multiActive.LoadSatellite(satellite, staging);
        }

        var names = Names.Of(Quoter, satellite);
        var (key, loadDate, diff, table) = (names.Key, names.LoadDate, names.Diff, names.Table);
        var version = Quoter.QuoteIdentifier("dv_version");
        string[] columns = [satellite.ParentHashKeyColumn, satellite.Parent.Naming.LoadDate, satellite.HashDiffColumn, satellite.Parent.Naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)];
        if (satellite.TracksRecords)
        {
            throw new ArgumentException($"{satellite.TableName} is a record-tracking satellite: load it with LoadRecordTrackingSatellite.", nameof(satellite));
        }

        if (satellite.NonHistorized)
        {
            // One event per key, inserted once: the first staged row of a key that is not stored yet.
            return SqlStatement.Of(
                $"INSERT INTO {table} ({dialect.ColumnList(columns)}){Nl}" +
                $"SELECT {dialect.ColumnList(columns, "s")}{Nl}" +
                $"FROM ({Nl}" +
                $"    SELECT {dialect.ColumnList(columns, "st")},{Nl}" +
                $"           ROW_NUMBER() OVER (PARTITION BY st.{key} ORDER BY st.{loadDate}) AS {version}{Nl}" +
                $"    FROM {Quoter.QuoteIdentifier(staging.Name)} st{Nl}" +
                $") s{Nl}" +
                $"WHERE s.{version} = 1 AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key})");
        }

        // Each staged version is compared with its chronological predecessor: the previous staged version of its key —
        // unless a stored version lies between the two (load dates per row interleave with stored ones), or it is the
        // key's first staged version; then the latest stored version before it.
        var previousDiff = Quoter.QuoteIdentifier("dv_previous_diff");
        var previousDate = Quoter.QuoteIdentifier("dv_previous_date");
        var storedBetween = $"SELECT 1 FROM {table} b WHERE b.{key} = s.{key} AND b.{loadDate} > s.{previousDate} AND b.{loadDate} < s.{loadDate}";
        return SqlStatement.Of(
            $"INSERT INTO {table} ({dialect.ColumnList(columns)}){Nl}" +
            $"SELECT {dialect.ColumnList(columns, "s")}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT {dialect.ColumnList(columns, "st")},{Nl}" +
            $"           LAG(st.{diff}) OVER (PARTITION BY st.{key} ORDER BY st.{loadDate}) AS {previousDiff},{Nl}" +
            $"           LAG(st.{loadDate}) OVER (PARTITION BY st.{key} ORDER BY st.{loadDate}) AS {previousDate},{Nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{key} ORDER BY st.{loadDate}) AS {version}{Nl}" +
            $"    FROM {Quoter.QuoteIdentifier(staging.Name)} st{Nl}" +
            $") s{Nl}" +
            $"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key} AND t.{loadDate} = s.{loadDate}){Nl}" +
            $"  AND ((s.{version} > 1 AND s.{previousDiff} <> s.{diff} AND NOT EXISTS ({storedBetween})){Nl}" +
            $"    OR ((s.{version} = 1 OR EXISTS ({storedBetween})) AND NOT EXISTS ({Nl}" +
            $"        SELECT 1 FROM {table} p{Nl}" +
            $"        WHERE p.{key} = s.{key} AND p.{diff} = s.{diff}{Nl}" +
            $"          AND p.{loadDate} = (SELECT MAX(q.{loadDate}) FROM {table} q WHERE q.{key} = s.{key} AND q.{loadDate} < s.{loadDate}))))");
    }

    /// <summary>A record-tracking satellite's load: per key and load date not stored yet, the first staged row (by origin).</summary>
    public SqlStatement LoadRecordTrackingSatellite(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        var names = Names.Of(Quoter, satellite);
        var (key, loadDate, table) = (names.Key, names.LoadDate, names.Table);
        var version = Quoter.QuoteIdentifier("dv_version");
        string[] columns = [satellite.ParentHashKeyColumn, satellite.Parent.Naming.LoadDate, satellite.HashDiffColumn, satellite.Parent.Naming.RecordSource];
        return SqlStatement.Of(
            $"INSERT INTO {table} ({dialect.ColumnList(columns)}){Nl}" +
            $"SELECT {dialect.ColumnList(columns, "s")}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT {dialect.ColumnList(columns, "st")},{Nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{key}, st.{loadDate} ORDER BY st.{Quoter.QuoteIdentifier(sourceRowColumn)}) AS {version}{Nl}" +
            $"    FROM {Quoter.QuoteIdentifier(staging.Name)} st{Nl}" +
            $") s{Nl}" +
            $"WHERE s.{version} = 1 AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key} AND t.{loadDate} = s.{loadDate})");
    }

    public SqlStatement SelectSatelliteConflicts(Satellite satellite, StagingTable staging)
    {
        if (satellite.IsMultiActive)
        {
            return _multiActive.SelectSatelliteConflicts(satellite, staging);
        }

        var n = Names.Of(Quoter, satellite);
        return SqlStatement.Of(
            $"SELECT s.{n.Key}, s.{n.LoadDate}, s.{n.Diff} AS {Quoter.QuoteIdentifier("staged_diff")}, t.{n.Diff} AS {Quoter.QuoteIdentifier("stored_diff")}{Nl}" +
            $"FROM {Quoter.QuoteIdentifier(staging.Name)} s JOIN {n.Table} t ON t.{n.Key} = s.{n.Key} AND t.{n.LoadDate} = s.{n.LoadDate}{Nl}" +
            $"WHERE t.{n.Diff} <> s.{n.Diff}");
    }

    /// <summary>A non-historised satellite's staged rows whose key is stored with other attributes: the key, the stored row's load date and record source, the staged row's origin.</summary>
    public SqlStatement SelectNonHistorizedConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        var n = Names.Of(Quoter, satellite);
        var naming = satellite.Parent.Naming;
        return SqlStatement.Of(
            $"SELECT s.{n.Key}, t.{n.LoadDate}, t.{Quoter.QuoteIdentifier(naming.RecordSource)}, s.{Quoter.QuoteIdentifier(sourceRowColumn)}{Nl}" +
            $"FROM {Quoter.QuoteIdentifier(staging.Name)} s JOIN {n.Table} t ON t.{n.Key} = s.{n.Key}{Nl}" +
            $"WHERE t.{n.Diff} <> s.{n.Diff}{Nl}" +
            $"ORDER BY s.{Quoter.QuoteIdentifier(sourceRowColumn)}");
    }

    public SqlStatement SelectLateSatelliteRows(Satellite satellite, StagingTable staging)
    {
        if (satellite.IsMultiActive)
        {
            return _multiActive.SelectLateSatelliteRows(satellite, staging);
        }

        var n = Names.Of(Quoter, satellite);
        return SqlStatement.Of(
            $"SELECT s.{n.Key}, s.{n.LoadDate}, (SELECT MAX(l.{n.LoadDate}) FROM {n.Table} l WHERE l.{n.Key} = s.{n.Key}) AS {Quoter.QuoteIdentifier("stored_load_date")}{Nl}" +
            $"FROM {Quoter.QuoteIdentifier(staging.Name)} s{Nl}" +
            $"WHERE EXISTS (SELECT 1 FROM {n.Table} t WHERE t.{n.Key} = s.{n.Key} AND t.{n.LoadDate} > s.{n.LoadDate}){Nl}" +
            $"  AND NOT EXISTS ({Nl}" +
            $"      SELECT 1 FROM {n.Table} p{Nl}" +
            $"      WHERE p.{n.Key} = s.{n.Key} AND p.{n.Diff} = s.{n.Diff}{Nl}" +
            $"        AND p.{n.LoadDate} = (SELECT MAX(q.{n.LoadDate}) FROM {n.Table} q WHERE q.{n.Key} = s.{n.Key} AND q.{n.LoadDate} <= s.{n.LoadDate}))");
    }

    public SqlStatement SelectStagedConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        if (satellite.IsMultiActive)
        {
            return _multiActive.SelectStagedConflicts(satellite, staging, sourceRowColumn);
        }

        var n = Names.Of(Quoter, satellite);
        var row = Quoter.QuoteIdentifier(sourceRowColumn);
        return SqlStatement.Of(
            $"SELECT st.{n.Key}, st.{n.LoadDate}, MIN(st.{row}) AS {Quoter.QuoteIdentifier("first_row")}, MAX(st.{row}) AS {Quoter.QuoteIdentifier("last_row")}{Nl}" +
            $"FROM {Quoter.QuoteIdentifier(staging.Name)} st{Nl}" +
            $"GROUP BY st.{n.Key}, st.{n.LoadDate}{Nl}" +
            $"HAVING MIN(st.{n.Diff}) <> MAX(st.{n.Diff})");
    }

    /// <summary>Each version of the staged keys gets its successor's load date as its end; the current one keeps NULL.</summary>
    public SqlStatement EndDateSatellite(Satellite satellite, StagingTable staging) => EndDate(satellite, $"SELECT DISTINCT st.{Quoter.QuoteIdentifier(satellite.ParentHashKeyColumn)} FROM {Quoter.QuoteIdentifier(staging.Name)} st", []);

    /// <summary>End dating of the keys that have a version at <paramref name="loadDate"/> (a status-tracking satellite's deletions are not staged).</summary>
    public SqlStatement EndDateKeysLoadedAt(Satellite satellite, DateTime loadDate)
    {
        var n = Names.Of(Quoter, satellite);
        return EndDate(satellite, $"SELECT DISTINCT y.{n.Key} FROM {n.Table} y WHERE y.{n.LoadDate} = {Quoter.ParameterPlaceholder("dv_load_date")}", [new("dv_load_date", dialect.Types.ToDbValue(loadDate, DataType.Timestamp))]);
    }

    /// <summary>End dating of the keys that have a version at one of the staged load dates (an effectivity satellite's ended relationships are not staged).</summary>
    public SqlStatement EndDateKeysLoadedAtStagedDates(Satellite satellite, StagingTable staging)
    {
        var n = Names.Of(Quoter, satellite);
        return EndDate(satellite, $"SELECT DISTINCT y.{n.Key} FROM {n.Table} y WHERE y.{n.LoadDate} IN (SELECT st.{n.LoadDate} FROM {Quoter.QuoteIdentifier(staging.Name)} st)", []);
    }

    private SqlStatement EndDate(Satellite satellite, string keys, IReadOnlyList<SqlParameterValue> parameters)
    {
        var n = Names.Of(Quoter, satellite);
        var endDate = Quoter.QuoteIdentifier(satellite.Parent.Naming.LoadEndDate);
        var next = Quoter.QuoteIdentifier("dv_next");
        // A multi-active set's rows share their load date and end together: the window runs over distinct load dates.
        var source = satellite.IsMultiActive ? $"(SELECT DISTINCT m.{n.Key}, m.{n.LoadDate} FROM {n.Table} m)" : n.Table;
        var versions =
            $"SELECT x.{n.Key}, x.{n.LoadDate}, LEAD(x.{n.LoadDate}) OVER (PARTITION BY x.{n.Key} ORDER BY x.{n.LoadDate}) AS {next} " +
            $"FROM {source} x WHERE x.{n.Key} IN ({keys})";
        var successors = $"SELECT * FROM ({versions}) w WHERE w.{next} IS NOT NULL";
        var t = n.Table;
        return new SqlStatement(dialect.Capabilities.JoinedUpdate switch
        {
            JoinedUpdateStyle.UpdateJoin =>
                $"UPDATE {t} JOIN ({successors}) n ON {t}.{n.Key} = n.{n.Key} AND {t}.{n.LoadDate} = n.{n.LoadDate}{Nl}" +
                $"SET {t}.{endDate} = n.{next}{Nl}" +
                $"WHERE {t}.{endDate} IS NULL OR {t}.{endDate} <> n.{next}",
            JoinedUpdateStyle.UpdateAliasFromJoin =>
                $"UPDATE t{Nl}" +
                $"SET {endDate} = n.{next}{Nl}" +
                $"FROM {t} t{Nl}" +
                $"JOIN ({successors}) n ON t.{n.Key} = n.{n.Key} AND t.{n.LoadDate} = n.{n.LoadDate}{Nl}" +
                $"WHERE t.{endDate} IS NULL OR t.{endDate} <> n.{next}",
            _ =>
                $"UPDATE {t}{Nl}" +
                $"SET {endDate} = n.{next}{Nl}" +
                $"FROM ({successors}) n{Nl}" +
                $"WHERE {t}.{n.Key} = n.{n.Key} AND {t}.{n.LoadDate} = n.{n.LoadDate}{Nl}" +
                $"  AND ({t}.{endDate} IS NULL OR {t}.{endDate} <> n.{next})",
        }, parameters);
    }

    /// <summary>The quoted names every satellite statement uses.</summary>
    private readonly record struct Names(string Key, string LoadDate, string Diff, string Table)
    {
        public static Names Of(SqlQuoter quoter, Satellite satellite) => new(
            quoter.QuoteIdentifier(satellite.ParentHashKeyColumn),
            quoter.QuoteIdentifier(satellite.Parent.Naming.LoadDate),
            quoter.QuoteIdentifier(satellite.HashDiffColumn),
            quoter.QuoteTable(satellite.Schema, satellite.TableName));
    }
}

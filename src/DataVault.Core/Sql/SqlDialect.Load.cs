using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>Set-based, insert-only load statements from staging tables, one statement per target.</summary>
public abstract partial class SqlDialect
{
    /// <summary>The record source of ghost records.</summary>
    public const string GhostRecordSource = "SYSTEM";

    /// <summary>The load date of ghost records: 1900-01-01, inside every engine's timestamp range.</summary>
    public static readonly DateTime GhostLoadDate = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// Inserts the distinct staged keys a hub does not hold yet, each once, with the load date and record source of
    /// its earliest staged row; concurrency-safe with the engine's conflict handling.
    /// </summary>
    /// <param name="hub">The hub.</param>
    /// <param name="staging">Its staging table (see <see cref="StagingTableFor"/>).</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement LoadHub(Hub hub, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(staging);
        return InsertNewKeys(hub.TableName, hub.HashKeyColumn, [hub.HashKeyColumn, .. hub.BusinessKeys.Select(k => k.Name), hub.Naming.LoadDate, hub.Naming.RecordSource], staging, hub.Naming);
    }

    /// <summary>Inserts the distinct staged link keys a link does not hold yet (as <see cref="LoadHub"/>).</summary>
    /// <param name="link">The link.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement LoadLink(Link link, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(staging);
        return InsertNewKeys(link.TableName, link.HashKeyColumn, [link.HashKeyColumn, .. link.Hubs.Select(h => h.HashKeyColumn), .. link.DependentChildKeys.Select(k => k.Name), link.Naming.LoadDate, link.Naming.RecordSource], staging, link.Naming);
    }

    /// <summary>
    /// Inserts each staged satellite row whose hash diff differs from its chronological predecessor: the previous
    /// staged row of the same key (when the batch carries several ordered versions), or else the latest stored row
    /// loaded before it. Rows already stored with the same key and load date are skipped, so a rerun changes nothing.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement LoadSatellite(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        var naming = satellite.Parent.Naming;
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(naming.LoadDate);
        var diff = QuoteIdentifier(satellite.HashDiffColumn);
        var table = QuoteIdentifier(satellite.TableName);
        string[] columns = [satellite.ParentHashKeyColumn, naming.LoadDate, satellite.HashDiffColumn, naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)];
        var nl = Environment.NewLine;
        return SqlStatement.Of(
            $"INSERT INTO {table} ({ColumnList(columns)}){nl}" +
            $"SELECT {ColumnList(columns, "s")}{nl}" +
            $"FROM ({nl}" +
            $"    SELECT {ColumnList(columns, "st")},{nl}" +
            $"           LAG(st.{diff}) OVER (PARTITION BY st.{key} ORDER BY st.{loadDate}) AS {QuoteIdentifier("dv_previous_diff")},{nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{key} ORDER BY st.{loadDate}) AS {QuoteIdentifier("dv_version")}{nl}" +
            $"    FROM {QuoteIdentifier(staging.Name)} st{nl}" +
            $") s{nl}" +
            $"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key} AND t.{loadDate} = s.{loadDate}){nl}" +
            $"  AND ((s.{QuoteIdentifier("dv_version")} > 1 AND s.{QuoteIdentifier("dv_previous_diff")} <> s.{diff}){nl}" +
            $"    OR (s.{QuoteIdentifier("dv_version")} = 1 AND NOT EXISTS ({nl}" +
            $"        SELECT 1 FROM {table} p{nl}" +
            $"        WHERE p.{key} = s.{key} AND p.{diff} = s.{diff}{nl}" +
            $"          AND p.{loadDate} = (SELECT MAX(q.{loadDate}) FROM {table} q WHERE q.{key} = s.{key} AND q.{loadDate} < s.{loadDate}))))");
    }

    /// <summary>
    /// Selects the staged satellite rows that collide with a stored row of the same key and load date but a different
    /// hash diff — a batch the loader must refuse.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>A query returning the key, load date, staged diff and stored diff of each conflict.</returns>
    public virtual SqlStatement SelectSatelliteConflicts(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(satellite.Parent.Naming.LoadDate);
        var diff = QuoteIdentifier(satellite.HashDiffColumn);
        return SqlStatement.Of(
            $"SELECT s.{key}, s.{loadDate}, s.{diff} AS {QuoteIdentifier("staged_diff")}, t.{diff} AS {QuoteIdentifier("stored_diff")}{Environment.NewLine}" +
            $"FROM {QuoteIdentifier(staging.Name)} s JOIN {QuoteIdentifier(satellite.TableName)} t ON t.{key} = s.{key} AND t.{loadDate} = s.{loadDate}{Environment.NewLine}" +
            $"WHERE t.{diff} <> s.{diff}");
    }

    /// <summary>
    /// Selects staged satellite rows that arrive late: a stored version of the same key has a later load date, and the
    /// staged row differs from the version stored before it (so it would change history). A rerun of an old batch whose
    /// rows are already stored, or that change nothing, is not late.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>A query returning the key, the staged load date and the latest stored load date of each late row.</returns>
    public virtual SqlStatement SelectLateSatelliteRows(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(satellite.Parent.Naming.LoadDate);
        var diff = QuoteIdentifier(satellite.HashDiffColumn);
        var table = QuoteIdentifier(satellite.TableName);
        var nl = Environment.NewLine;
        return SqlStatement.Of(
            $"SELECT s.{key}, s.{loadDate}, (SELECT MAX(l.{loadDate}) FROM {table} l WHERE l.{key} = s.{key}) AS {QuoteIdentifier("stored_load_date")}{nl}" +
            $"FROM {QuoteIdentifier(staging.Name)} s{nl}" +
            $"WHERE EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key} AND t.{loadDate} > s.{loadDate}){nl}" +
            $"  AND NOT EXISTS ({nl}" +
            $"      SELECT 1 FROM {table} p{nl}" +
            $"      WHERE p.{key} = s.{key} AND p.{diff} = s.{diff}{nl}" +
            $"        AND p.{loadDate} = (SELECT MAX(q.{loadDate}) FROM {table} q WHERE q.{key} = s.{key} AND q.{loadDate} <= s.{loadDate}))");
    }

    /// <summary>
    /// Selects keys that have two staged rows with the same load date and different hash diffs — rows of one key in one
    /// batch that no order column separates.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin.</param>
    /// <returns>A query returning the key, the load date, and the lowest and highest origin of each such key.</returns>
    public virtual SqlStatement SelectStagedConflicts(Satellite satellite, StagingTable staging, string sourceRowColumn)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(satellite.Parent.Naming.LoadDate);
        var diff = QuoteIdentifier(satellite.HashDiffColumn);
        var row = QuoteIdentifier(sourceRowColumn);
        return SqlStatement.Of(
            $"SELECT st.{key}, st.{loadDate}, MIN(st.{row}) AS {QuoteIdentifier("first_row")}, MAX(st.{row}) AS {QuoteIdentifier("last_row")}{Environment.NewLine}" +
            $"FROM {QuoteIdentifier(staging.Name)} st{Environment.NewLine}" +
            $"GROUP BY st.{key}, st.{loadDate}{Environment.NewLine}" +
            $"HAVING MIN(st.{diff}) <> MAX(st.{diff})");
    }

    /// <summary>
    /// A statement, run inside a batch's transaction before its checks and merges, that waits until no other loader is
    /// merging into this database — so concurrent loaders check late data and compute end dates against each other's
    /// committed rows. <see langword="null"/> (the default) where the engine serialises writers itself (SQLite, DuckDB).
    /// The statement returns one value; a value other than 1 means the lock was not acquired.
    /// </summary>
    /// <param name="timeout">How long to wait, where the engine takes a timeout.</param>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    public virtual SqlStatement? AcquireMergeLock(TimeSpan timeout) => null;

    /// <summary>
    /// A statement that refreshes the planner's statistics of a filled staging table, so the checks and merges that join
    /// it to large vault tables probe their indexes (default none; PostgreSQL <c>ANALYZE</c>).
    /// </summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    public virtual SqlStatement? AnalyzeStaging(StagingTable staging) => null;

    /// <summary>Releases the merge lock after commit or rollback, where it outlives the transaction (default none).</summary>
    /// <returns>The statement, or <see langword="null"/>.</returns>
    public virtual SqlStatement? ReleaseMergeLock() => null;

    /// <summary>
    /// Sets the load end date of every version of the staged keys to the load date of its successor (the current
    /// version keeps NULL). The only update loading makes.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table (limits the work to the keys of the batch).</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement EndDateSatellite(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        var (key, loadDate, endDate, table, successors) = EndDateParts(satellite, staging);
        return SqlStatement.Of(
            $"UPDATE {table}{Environment.NewLine}" +
            $"SET {endDate} = n.{QuoteIdentifier("dv_next")}{Environment.NewLine}" +
            $"FROM ({successors}) n{Environment.NewLine}" +
            $"WHERE {table}.{key} = n.{key} AND {table}.{loadDate} = n.{loadDate}{Environment.NewLine}" +
            $"  AND ({table}.{endDate} IS NULL OR {table}.{endDate} <> n.{QuoteIdentifier("dv_next")})");
    }

    /// <summary>The pieces of the end-dating statement, for dialects whose <c>UPDATE</c> syntax differs.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <returns>Quoted key, load date, end date and table, and the query of each version's successor.</returns>
    protected (string Key, string LoadDate, string EndDate, string Table, string Successors) EndDateParts(Satellite satellite, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        var naming = satellite.Parent.Naming;
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(naming.LoadDate);
        var table = QuoteIdentifier(satellite.TableName);
        var successors =
            $"SELECT x.{key}, x.{loadDate}, LEAD(x.{loadDate}) OVER (PARTITION BY x.{key} ORDER BY x.{loadDate}) AS {QuoteIdentifier("dv_next")} " +
            $"FROM {table} x WHERE x.{key} IN (SELECT DISTINCT st.{key} FROM {QuoteIdentifier(staging.Name)} st)";
        return (key, loadDate, QuoteIdentifier(naming.LoadEndDate), table, $"SELECT * FROM ({successors}) w WHERE w.{QuoteIdentifier("dv_next")} IS NOT NULL");
    }

    /// <summary>
    /// Inserts the ghost record of a hub — the zero key with NULL business keys — if it is not there, so that links
    /// whose keys are NULL (mapped to the zero key) always join. Values are parameters.
    /// </summary>
    /// <param name="hub">The hub.</param>
    /// <param name="options">DDL options (the form of the zero key).</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement InsertGhostRecord(Hub hub, DdlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        options ??= DdlOptions.Default;
        var table = QuoteIdentifier(hub.TableName);
        var key = QuoteIdentifier(hub.HashKeyColumn);
        var select = $"SELECT {ParameterPlaceholder("dv_zero_key")}, {ParameterPlaceholder("dv_load_date")}, {ParameterPlaceholder("dv_record_source")}";
        return new SqlStatement(
            $"INSERT INTO {table} ({ColumnList([hub.HashKeyColumn, hub.Naming.LoadDate, hub.Naming.RecordSource])}){Environment.NewLine}" +
            $"{select}{FromNothing}{Environment.NewLine}WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = {ParameterPlaceholder("dv_zero_key")})",
            [
                new("dv_zero_key", ZeroKeyValue(hub.HashingStandard, options)),
                new("dv_load_date", ToDbValue(GhostLoadDate, DataType.Timestamp)),
                new("dv_record_source", GhostRecordSource),
            ]);
    }

    /// <summary>
    /// A parameterised single-row insert, the generic way to fill a staging table through any ADO.NET provider:
    /// <c>INSERT INTO t (a, b) VALUES (@p0, @p1)</c>. Parameter <c>i</c> is named <c>p{i}</c>.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns.</param>
    /// <returns>The statement's text (its values are bound by the caller).</returns>
    public virtual string InsertValues(string table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"INSERT INTO {QuoteIdentifier(table)} ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => ParameterPlaceholder("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))})";
    }

    /// <summary>The value of the zero key as a parameter: a string of <c>0</c>s for hex, zero bytes for binary, <see cref="Guid.Empty"/> for a native UUID.</summary>
    /// <param name="standard">The key's hashing standard.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The value.</returns>
    public virtual object ZeroKeyValue(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.OutputForm == HashOutputForm.Binary ? new byte[standard.HashLengthInBytes] : new string('0', 2 * standard.HashLengthInBytes);
    }

    /// <summary>What follows a <c>SELECT</c> without a table (default nothing; e.g. <c> FROM DUAL</c>).</summary>
    protected virtual string FromNothing => string.Empty;

    /// <summary>
    /// The insert of new keys shared by hubs and links: one row per staged key (its earliest), skipping stored keys;
    /// a dialect adds its conflict clause in <see cref="ConflictClause"/> or rewrites the statement.
    /// </summary>
    /// <param name="table">The target table.</param>
    /// <param name="keyColumn">The hash-key column.</param>
    /// <param name="columns">All columns inserted.</param>
    /// <param name="staging">The staging table.</param>
    /// <param name="naming">The naming conventions (load date and record source).</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement InsertNewKeys(string table, string keyColumn, IReadOnlyList<string> columns, StagingTable staging, NamingConventions naming)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(naming);
        var key = QuoteIdentifier(keyColumn);
        var nl = Environment.NewLine;
        return SqlStatement.Of(
            $"INSERT INTO {QuoteIdentifier(table)} ({ColumnList(columns)}){nl}" +
            $"SELECT {ColumnList(columns, "s")}{nl}" +
            $"FROM ({nl}" +
            $"    SELECT {ColumnList(columns, "st")},{nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{key} ORDER BY st.{QuoteIdentifier(naming.LoadDate)}, st.{QuoteIdentifier(naming.RecordSource)}) AS {QuoteIdentifier("dv_row")}{nl}" +
            $"    FROM {QuoteIdentifier(staging.Name)} st{nl}" +
            $") s{nl}" +
            $"WHERE s.{QuoteIdentifier("dv_row")} = 1{nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {QuoteIdentifier(table)} t{ExistenceLockHint} WHERE t.{key} = s.{key})" +
            ConflictClause(keyColumn));
    }

    /// <summary>A table hint on the existence check, written after its alias, that makes it hold its lock (SQL Server); default none.</summary>
    protected virtual string ExistenceLockHint => string.Empty;

    /// <summary>The clause that skips a key inserted meanwhile by a concurrent loader (default <c>ON CONFLICT (key) DO NOTHING</c>).</summary>
    /// <param name="keyColumn">The hash-key column.</param>
    /// <returns>The clause, starting with a line break, or empty.</returns>
    protected virtual string ConflictClause(string keyColumn) => $"{Environment.NewLine}ON CONFLICT ({QuoteIdentifier(keyColumn)}) DO NOTHING";
}

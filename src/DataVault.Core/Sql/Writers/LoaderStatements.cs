using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The SQL the loader writes for itself: the batch log (table, next id, start, finish), the quarantine table and its
/// rows, the query that names two conflicting staged rows, and the generic staging writer's multi-row insert. Written
/// only with the dialect's roles — its <see cref="SqlQuoter"/>, <see cref="SqlTypeMap"/> and <see cref="DialectCapabilities"/>,
/// and <see cref="SqlDialect.CreateTable"/> — so a dialect author reaches it through those, and every value is a parameter.
/// </summary>
internal sealed class LoaderStatements(SqlDialect dialect, string? loaderSchema = null)
{
    /// <summary>The schema of the loader's own tables (batch log, quarantine), or <see langword="null"/> for the default schema.</summary>
    public string? LoaderSchema { get; } = loaderSchema;

    /// <summary>The batch log's column that names the loader's session (added to batch logs of earlier versions).</summary>
    public const string SessionColumn = "session_id";

    private static readonly string[] BatchStartColumns = ["batch_id", "batch_name", "load_date", "record_source", "start_time", "status", "session_id"];
    private static readonly string[] BatchFinishColumns = ["end_time", "status", "records_processed", "records_inserted", "records_updated", "records_rejected", "target_counts", "error_message"];
    private static readonly string[] QuarantineColumns = ["batch_id", "source_name", "line_number", "column_name", "reason", "raw_row"];

    /// <summary>
    /// The batch log (the seed's <c>etl_batch_log</c>, plus load date, record source, rejected rows, per-table counts and
    /// the loader's session, by which a <c>running</c> entry of a dead loader is told from a live one).
    /// </summary>
    /// <param name="table">The table name.</param>
    /// <returns>Its definition.</returns>
    public TableDefinition BatchLogTable(string table) => new(
        table,
        [
            new("batch_id", Types.For(DataType.BigInt), true),
            new("batch_name", Types.For(DataType.String(255)), false),
            new("load_date", Types.For(DataType.Timestamp), false),
            new("record_source", Types.For(DataType.String(100)), false),
            new("start_time", Types.For(DataType.Timestamp), false),
            new("end_time", Types.For(DataType.Timestamp), false),
            new("status", Types.For(DataType.String(50)), false),
            new("records_processed", Types.For(DataType.BigInt), false),
            new("records_inserted", Types.For(DataType.BigInt), false),
            new("records_updated", Types.For(DataType.BigInt), false),
            new("records_rejected", Types.For(DataType.BigInt), false),
            new("target_counts", Types.For(DataType.Text), false),
            new("error_message", Types.For(DataType.Text), false),
            new("session_id", Types.For(DataType.String(100)), false),
        ],
        ["batch_id"],
        [],
        [])
    {
        Schema = LoaderSchema,
    };

    /// <summary>Creates the batch log.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="options">DDL options (the loader passes <c>IfNotExists</c>).</param>
    /// <returns>The statements.</returns>
    public IReadOnlyList<SqlStatement> CreateBatchLog(string table, DdlOptions options) => dialect.CreateTable(BatchLogTable(table), options);

    /// <summary>A query that fails when the batch log lacks the <c>session_id</c> column (a log created before it existed).</summary>
    /// <param name="table">The batch log.</param>
    /// <returns>A query of no rows.</returns>
    public SqlStatement ProbeSessionColumn(string table) =>
        // Qualified: SQLite reads an unknown double-quoted name alone as a string literal, and the probe would not fail.
        SqlStatement.Of($"SELECT t.{Quoter.QuoteIdentifier("session_id")} FROM {Loader(table)} t WHERE 1 = 0");

    /// <summary>Adds the <c>session_id</c> column to a batch log created before it existed (nullable: old entries have none).</summary>
    /// <param name="table">The batch log.</param>
    /// <returns>The statement.</returns>
    public SqlStatement AddSessionColumn(string table) =>
        SqlStatement.Of($"ALTER TABLE {Loader(table)} ADD {Quoter.QuoteIdentifier("session_id")} {Types.For(DataType.String(100)).Text}");

    /// <summary>The next batch id: the highest id + 1 (1 for an empty log).</summary>
    /// <param name="table">The batch log.</param>
    /// <returns>A query of one value.</returns>
    public SqlStatement NextBatchId(string table) =>
        SqlStatement.Of($"SELECT COALESCE(MAX({Quoter.QuoteIdentifier("batch_id")}), 0) + 1 FROM {Loader(table)}");

    /// <summary>How many batches of the log succeeded.</summary>
    /// <param name="table">The batch log.</param>
    /// <returns>A query of one value.</returns>
    public SqlStatement CountSucceededBatches(string table) =>
        new($"SELECT COUNT(*) FROM {Loader(table)} WHERE {Quoter.QuoteIdentifier("status")} = {Quoter.ParameterPlaceholder("status")}", [new("status", StatusText(BatchStatus.Succeeded))]);

    /// <summary>Adds the <see cref="BatchStatus.Running"/> entry of a batch.</summary>
    /// <param name="table">The batch log.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="name">The batch name.</param>
    /// <param name="loadDate">The batch's load date.</param>
    /// <param name="recordSource">The batch's record source.</param>
    /// <param name="startTime">When it started.</param>
    /// <param name="sessionId">The loader's session (see <see cref="Loading.Bookkeeping.BatchSessions"/>), or <see langword="null"/> when unknown.</param>
    /// <returns>The insert.</returns>
    public SqlStatement StartBatch(string table, long batchId, string name, DateTime loadDate, string recordSource, DateTime startTime, string? sessionId) => new(
        $"INSERT INTO {Loader(table)} ({string.Join(", ", BatchStartColumns.Select(Quoter.QuoteIdentifier))}) " +
        $"VALUES ({P("id")}, {P("name")}, {P("load_date")}, {P("record_source")}, {P("start_time")}, {P("status")}, {P("session_id")})",
        [
            new("id", batchId),
            new("name", name),
            new("load_date", Types.ToDbValue(loadDate, DataType.Timestamp)),
            new("record_source", recordSource),
            new("start_time", Types.ToDbValue(startTime, DataType.Timestamp)),
            new("status", StatusText(BatchStatus.Running)),
            new("session_id", (object?)sessionId ?? DBNull.Value),
        ]);

    /// <summary>The <see cref="BatchStatus.Running"/> entries that record a session: id, name, session, oldest first.</summary>
    /// <param name="table">The batch log.</param>
    /// <param name="deadSession">A condition on <c>session_id</c> that holds for dead sessions only (the engine's knowledge of its sessions), or <see langword="null"/> for every running entry.</param>
    /// <returns>The query.</returns>
    public SqlStatement RunningBatches(string table, string? deadSession) => new(
        $"SELECT {Quoter.QuoteIdentifier("batch_id")}, {Quoter.QuoteIdentifier("batch_name")}, {Quoter.QuoteIdentifier("session_id")} FROM {Loader(table)} " +
        $"WHERE {Quoter.QuoteIdentifier("status")} = {P("status")} AND {Quoter.QuoteIdentifier("session_id")} IS NOT NULL{(deadSession is null ? string.Empty : " AND " + deadSession)} " +
        $"ORDER BY {Quoter.QuoteIdentifier("batch_id")}",
        [new("status", StatusText(BatchStatus.Running))]);

    /// <summary>
    /// Marks one running entry <see cref="BatchStatus.Abandoned"/>, with an end time and a message — only while it is
    /// still running, still records the same session and, where the engine tells, that session is still dead.
    /// </summary>
    /// <param name="table">The batch log.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="sessionId">The session the entry records.</param>
    /// <param name="endTime">When it was found dead.</param>
    /// <param name="message">Why, for <c>error_message</c>.</param>
    /// <param name="deadSession">The engine's condition for a dead session (see <see cref="RunningBatches"/>), or <see langword="null"/>.</param>
    /// <returns>The update (one row when marked).</returns>
    public SqlStatement AbandonBatch(string table, long batchId, string sessionId, DateTime endTime, string message, string? deadSession) => new(
        $"UPDATE {Loader(table)} SET {Quoter.QuoteIdentifier("status")} = {P("abandoned")}, {Quoter.QuoteIdentifier("end_time")} = {P("end_time")}, {Quoter.QuoteIdentifier("error_message")} = {P("error_message")} " +
        $"WHERE {Quoter.QuoteIdentifier("batch_id")} = {P("batch_id")} AND {Quoter.QuoteIdentifier("status")} = {P("running")} AND {Quoter.QuoteIdentifier("session_id")} = {P("session_id")}" +
        (deadSession is null ? string.Empty : " AND " + deadSession),
        [
            new("abandoned", StatusText(BatchStatus.Abandoned)),
            new("end_time", Types.ToDbValue(endTime, DataType.Timestamp)),
            new("error_message", message),
            new("batch_id", batchId),
            new("running", StatusText(BatchStatus.Running)),
            new("session_id", sessionId),
        ]);

    /// <summary>Completes a batch's entry: status, end time, counts, error.</summary>
    /// <param name="table">The batch log.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="status">How the batch ended.</param>
    /// <param name="endTime">When.</param>
    /// <param name="read">Source rows read.</param>
    /// <param name="inserted">Rows inserted into the vault.</param>
    /// <param name="updated">Rows updated (end dated).</param>
    /// <param name="rejected">Source rows rejected.</param>
    /// <param name="targetCounts">The rows inserted per table, as JSON.</param>
    /// <param name="error">The error message, or <see langword="null"/>.</param>
    /// <returns>The update.</returns>
    public SqlStatement FinishBatch(string table, long batchId, BatchStatus status, DateTime endTime, long read, long inserted, long updated, long rejected, string targetCounts, string? error) => new(
        $"UPDATE {Loader(table)} SET {string.Join(", ", BatchFinishColumns.Select(c => $"{Quoter.QuoteIdentifier(c)} = {P(c)}"))} WHERE {Quoter.QuoteIdentifier("batch_id")} = {P("batch_id")}",
        [
            new("end_time", Types.ToDbValue(endTime, DataType.Timestamp)),
            new("status", StatusText(status)),
            new("records_processed", read),
            new("records_inserted", inserted),
            new("records_updated", updated),
            new("records_rejected", rejected),
            new("target_counts", targetCounts),
            new("error_message", (object?)error ?? DBNull.Value),
            new("batch_id", batchId),
        ]);

    /// <summary>The quarantine table: each bad source row with its batch, source, line, column, reason and the raw row as JSON.</summary>
    /// <param name="table">The table name.</param>
    /// <returns>Its definition.</returns>
    public TableDefinition QuarantineTable(string table) => new(
        table,
        [
            new("batch_id", Types.For(DataType.BigInt), true),
            new("source_name", Types.For(DataType.String(255)), true),
            new("line_number", Types.For(DataType.BigInt), true),
            new("column_name", Types.For(DataType.String(255)), false),
            new("reason", Types.For(DataType.Text), true),
            new("raw_row", Types.For(DataType.Text), true),
        ],
        [],
        [],
        [])
    {
        Schema = LoaderSchema,
    };

    /// <summary>Creates the quarantine table.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements.</returns>
    public IReadOnlyList<SqlStatement> CreateQuarantine(string table, DdlOptions options) => dialect.CreateTable(QuarantineTable(table), options);

    /// <summary>Inserts one bad source row into the quarantine table.</summary>
    /// <param name="table">The quarantine table.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="source">The source name.</param>
    /// <param name="line">The line or row number.</param>
    /// <param name="column">The bad column, or <see langword="null"/> for the whole row.</param>
    /// <param name="reason">Why the row is bad.</param>
    /// <param name="rawRow">The row as JSON.</param>
    /// <returns>The insert.</returns>
    public SqlStatement InsertQuarantined(string table, long batchId, string source, long line, string? column, string reason, string rawRow) => new(
        $"INSERT INTO {Loader(table)} ({string.Join(", ", QuarantineColumns.Select(Quoter.QuoteIdentifier))}) VALUES ({string.Join(", ", QuarantineColumns.Select(Quoter.ParameterPlaceholder))})",
        [
            new("batch_id", batchId),
            new("source_name", source),
            new("line_number", line),
            new("column_name", (object?)column ?? DBNull.Value),
            new("reason", reason),
            new("raw_row", rawRow),
        ]);

    /// <summary>
    /// The staged rows of one satellite key and load date, in source order (origin and hash diff), so that the loader can
    /// name two rows of a conflict the set-based check found.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table.</param>
    /// <param name="sourceRowColumn">The staging column that records each row's origin.</param>
    /// <param name="key">The parent hash key, as the staging table returned it.</param>
    /// <param name="loadDate">The load date, as the staging table returned it.</param>
    /// <param name="multiActiveValues">For a multi-active satellite, the member's multi-active key values (the conflict query returns them).</param>
    /// <returns>The query.</returns>
    public SqlStatement SelectConflictingRows(Satellite satellite, StagingTable staging, string sourceRowColumn, object? key, object? loadDate, IReadOnlyList<object?>? multiActiveValues = null)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(staging);
        Func<string, string> q = Quoter.QuoteIdentifier;
        var members = satellite.MultiActiveKeys.Take(multiActiveValues?.Count ?? 0).Select((k, i) => $"AND {q(k.Name)} = {Quoter.ParameterPlaceholder("m" + i.ToString(CultureInfo.InvariantCulture))} ");
        return new SqlStatement(
            $"SELECT {q(sourceRowColumn)}, {q(satellite.HashDiffColumn)} FROM {q(staging.Name)} " +
            $"WHERE {q(satellite.ParentHashKeyColumn)} = {Quoter.ParameterPlaceholder("k")} AND {q(satellite.Parent.Naming.LoadDate)} = {Quoter.ParameterPlaceholder("d")} " +
            string.Concat(members) +
            $"ORDER BY {q(sourceRowColumn)}",
            [new("k", key), new("d", loadDate), .. (multiActiveValues ?? []).Select((v, i) => new SqlParameterValue("m" + i.ToString(CultureInfo.InvariantCulture), v))]);
    }

    /// <summary>
    /// How many rows one staging insert carries: as many as <paramref name="maxParameters"/> allows, at most the
    /// dialect's <see cref="DialectCapabilities.MaxRowsPerInsert"/>, at least one.
    /// </summary>
    /// <param name="columns">The staging table's width.</param>
    /// <param name="maxParameters">Parameters per statement at most.</param>
    /// <returns>The rows per statement.</returns>
    public int StagingRowsPerInsert(int columns, int maxParameters) =>
        Math.Max(1, Math.Min(maxParameters / Math.Max(1, columns), dialect.Capabilities.MaxRowsPerInsert ?? int.MaxValue));

    /// <summary>
    /// The multi-row insert of the generic staging writer, <c>INSERT INTO t (a, b) VALUES (@p0, @p1), (@p2, @p3)</c>:
    /// parameter <c>p{i}</c> is the value of row <c>i / columns</c>, column <c>i % columns</c>. Its parameters are
    /// unset (NULL): the writer prepares the command once and binds each chunk's values by position.
    /// </summary>
    /// <param name="table">The staging table.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="rows">The rows per statement.</param>
    /// <param name="schema">The table's schema, or <see langword="null"/> (staging tables are in the default or temporary schema).</param>
    /// <returns>The statement.</returns>
    public SqlStatement InsertStagingRows(string table, IReadOnlyList<string> columns, int rows, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var parameters = new SqlParameterValue[rows * columns.Count];
        var values = new List<string>(rows);
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            var placeholders = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var name = "p" + p.ToString(CultureInfo.InvariantCulture);
                placeholders[c] = Quoter.ParameterPlaceholder(name);
                parameters[p++] = new SqlParameterValue(name, null);
            }

            values.Add("(" + string.Join(", ", placeholders) + ")");
        }

        var columnList = string.Join(", ", columns.Select(Quoter.QuoteIdentifier));
        return new SqlStatement($"INSERT INTO {Quoter.QuoteTable(schema, table)} ({columnList}) VALUES {string.Join(", ", values)}", parameters);
    }

    /// <summary>The batch log's status values; these exact strings are stored and read by users' monitoring.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its stored text.</returns>
    public static string StatusText(BatchStatus status) => status switch
    {
        BatchStatus.Running => "running",
        BatchStatus.Succeeded => "succeeded",
        BatchStatus.Failed => "failed",
        BatchStatus.Cancelled => "cancelled",
        BatchStatus.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private SqlQuoter Quoter => dialect.Quoter;

    private SqlTypeMap Types => dialect.Types;

    private string P(string name) => Quoter.ParameterPlaceholder(name);

    /// <summary>A loader table (batch log, quarantine), quoted in <see cref="LoaderSchema"/>.</summary>
    private string Loader(string table) => Quoter.QuoteTable(LoaderSchema, table);
}

using System.Globalization;

namespace DataVault.Core.Loading;

/// <summary>
/// Every message the loader writes into its exceptions, in one place (after EF Core's <c>CoreStrings</c>): the code that
/// fails and the tests that check the failure call the same method. The texts are part of the loader's behaviour —
/// users match them in logs — so a change here is a deliberate change of behaviour.
/// </summary>
internal static class LoadMessages
{
    /// <summary>The longest value shown in a message; longer values are cut to 77 characters and <c>...</c>.</summary>
    private const int MaxShownValue = 80;

    // The batch.

    /// <summary>A batch without sources.</summary>
    public static string BatchHasNoSources(string batch) => $"Batch '{batch}' has no sources.";

    /// <summary>A batch whose source names repeat.</summary>
    public static string DuplicateSourceName(string source) => $"The batch already has a source named '{source}'.";

    /// <summary>The batch log could not be written at the start: the vault is probably missing.</summary>
    public static string BatchLogUnwritable(string batch, string table, string error) =>
        $"Batch '{batch}' did not start: the batch log '{table}' cannot be written ({DisplayText.Of(error)}). Create the vault first (EnsureVaultAsync). Nothing was loaded.";

    /// <summary>A batch that failed for a reason that is not already a <see cref="DataVaultLoadException"/>.</summary>
    public static string BatchFailed(string batch, string error) => $"Batch '{batch}' failed and was rolled back: {DisplayText.Of(error)}";

    /// <summary>The merge lock was not acquired in time.</summary>
    public static string MergeLockTimeout(string batch, TimeSpan timeout) =>
        $"Batch '{batch}': another loader held the merge lock for longer than {timeout}; the batch was rolled back.";

    // The sources and the plan.

    /// <summary>A CSV file that does not exist.</summary>
    public static string FileNotFound(string source, string path) => $"{DisplayText.Of(source)}: the file '{DisplayText.Of(path)}' does not exist.";

    /// <summary>A CSV file without a header row.</summary>
    public static string EmptyFile(string source) => $"{source}, line 1: the file is empty; a CSV source needs at least a header row.";

    /// <summary>A CSV record with another number of fields than the header.</summary>
    public static string FieldCount(int fields, int headerFields) =>
        string.Create(CultureInfo.InvariantCulture, $"the row has {fields} fields, the header has {headerFields}");

    /// <summary>A CSV record the reader cannot parse (an unclosed quote), at the line where it starts.</summary>
    public static string MalformedRecord(string source, long line, string error) =>
        string.Create(CultureInfo.InvariantCulture, $"{DisplayText.Of(source)}, line {line}: {DisplayText.Of(error)}");

    /// <summary>A data reader handed to a second batch.</summary>
    public static string ReaderAlreadyRead(string source) => $"The data reader of source '{source}' was already read; a reader can feed one batch once.";

    /// <summary>A source column without a name.</summary>
    public static string EmptyColumnName(string source, int position) => $"{DisplayText.Of(source)}: column {position} has an empty name; every column needs a header.";

    /// <summary>Two source columns with the same (normalised) name.</summary>
    public static string DuplicateColumn(string source, string column, int first, int second) =>
        $"{DisplayText.Of(source)}: the column '{DisplayText.Of(column)}' appears twice (columns {first} and {second}); headers must be unique.";

    /// <summary>A mapping that names a table the model does not have.</summary>
    public static string UnknownMappedTable(string source, string table, IEnumerable<string> tables) =>
        $"{source}: the mapping names the table '{table}', which the model does not have (tables: {string.Join(", ", tables)}).";

    /// <summary>A table the mapping asks for whose columns the source lacks.</summary>
    public static string MissingColumns(string source, IEnumerable<string> missing, string table, IEnumerable<string> present) =>
        $"{source}: the column(s) {string.Join(", ", missing)} required by {table} are missing (columns present: {Names(present)}).";

    /// <summary>A record source longer than the record_source columns.</summary>
    public static string RecordSourceTooLong(string owner, string recordSource, int length) =>
        $"The record source of {owner} is {recordSource.Length} characters long; the vault's record_source columns hold {length} (DdlOptions.RecordSourceLength). Nothing was loaded.";

    /// <summary>A cleaning names a column the source does not have (or a derived one).</summary>
    public static string CleanedColumnMissing(string source, string column, bool derived, IEnumerable<string> present) => derived
        ? $"{source}: SourceMapping.Clean names {column}, a derived column; clean its value in its Derive function."
        : $"{source}: SourceMapping.Clean names the column {column}, which the source does not have (columns present: {Names(present)}).";

    /// <summary>A cleaning delegate threw.</summary>
    public static string CleaningFailed(string message) => $"could not be cleaned (SourceMapping.Clean): {message}";

    /// <summary>A source with a satellite's parent key and some, not all, of its attributes.</summary>
    public static string PartialSatellite(string source, string satellite, IEnumerable<string> missing, IEnumerable<string> present) =>
        $"{source}: {satellite} is not loaded from this source: it lacks the attribute(s) {string.Join(", ", missing)} (it has {string.Join(", ", present)}). " +
        "Add the column(s) to the source, declare a default for them in the model, or exclude the satellite (SourceMapping.Exclude).";

    /// <summary>A source that feeds no table.</summary>
    public static string FeedsNoTable(string source, IEnumerable<string> columns) =>
        $"{source}: the source feeds no table of the model: none has all its key columns among the source's columns ({Names(columns)}). Rename columns with SourceMapping.Column or name the tables with SourceMapping.Only.";

    /// <summary>A source without the column its mapping reads record sources from.</summary>
    public static string MissingRecordSourceColumn(string source, string column, IEnumerable<string> columns) =>
        $"{source}: the record-source column '{column}' is missing (columns present: {Names(columns)}).";

    /// <summary>A row's record source longer than the vault's record_source columns.</summary>
    public static string RecordSourceValueTooLong(int length, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"is {length} characters long; the vault's record_source columns hold at most {limit} (DdlOptions.RecordSourceLength)");

    /// <summary>A missing order column.</summary>
    public static string MissingOrderColumn(string source, string column, IEnumerable<string> columns) =>
        $"{source}: the order column '{column}' is missing (columns present: {Names(columns)}).";

    /// <summary>A load-date column's value that converts to no timestamp.</summary>
    public const string LoadDateValueInvalid = "not a timestamp: the load-date column must hold one (or be empty for the batch's load date)";

    /// <summary>One satellite fed in one batch by a source with load dates per row and one ordered by a column.</summary>
    public static string OwnLoadDatesAndOrder(string table, string ownDatesSource, string orderedSource) =>
        $"{table}: fed in one batch by {ownDatesSource}, with load dates per row (LoadDateFrom), and by {orderedSource}, ordered by a column (OrderBy): the order of their versions is not defined; load them in separate batches.";

    /// <summary>A declaration that reads a delivered column, given a derived one.</summary>
    public static string DerivedColumnDeclared(string source, string column, string declaration) =>
        $"{source}: {declaration}(\"{column}\") names a column the mapping derives; it reads a column the source delivers — name one of those.";

    /// <summary>A source whose declared load-date column it does not have.</summary>
    public static string MissingLoadDateColumn(string source, string column, IEnumerable<string> columns) =>
        $"{source}: the load-date column '{column}' is missing (columns present: {Names(columns)}).";

    /// <summary>A source declared with a load-date column and an order column.</summary>
    public static string LoadDateWithOrder(string source, string loadDateColumn, string orderColumn) =>
        $"{source}: LoadDateFrom(\"{loadDateColumn}\") and OrderBy(\"{orderColumn}\") on one source: the load-date column orders the versions of a key itself; declare one of them.";

    /// <summary>A full extract declared with a load-date column.</summary>
    public static string LoadDateOfFullExtract(string source, string loadDateColumn, IEnumerable<string> tables) =>
        $"{source}: LoadDateFrom(\"{loadDateColumn}\") on a full extract of {string.Join(", ", tables)}: a full extract is one snapshot at the batch's load date; load it without a load-date column.";

    /// <summary>A derived column's lookup of a column the source does not have (the message of a <see cref="KeyNotFoundException"/>).</summary>
    public static string LookupMissingColumn(string source, string column, IEnumerable<string> columns) =>
        $"{source} has no column '{column}' (columns: {Names(columns)}).";

    // Rows.

    /// <summary>The problem of an empty order value.</summary>
    public const string OrderValueEmpty = "is empty; it orders the versions of a key";

    /// <summary>The problem of an empty tie-break value.</summary>
    public const string TieBreakValueEmpty = "is empty; it orders the versions of a key with the same order value";

    /// <summary>The problem of a derived column that needs its own value.</summary>
    public const string DerivedRefersToItself = "refers to itself";

    /// <summary>The problem of a derived value that does not convert to its type.</summary>
    public static string DerivedValueProblem(string problem) => "(computed) " + problem;

    /// <summary>The problem of a derived column whose computation threw.</summary>
    public static string DerivedFailed(string error) => "could not be computed: " + DisplayText.Of(error);

    /// <summary>Where a row is, for messages: <c>customers.csv, line 7</c>.</summary>
    public static string Location(string source, string locationName, long location) =>
        string.Create(CultureInfo.InvariantCulture, $"{DisplayText.Of(source)}, {locationName} {location}");

    /// <summary>A staged row whose source is unknown (it cannot happen with the loader's own row numbers).</summary>
    public static string UnknownLocation(long location) => string.Create(CultureInfo.InvariantCulture, $"row {location}");

    /// <summary>A bad row that rejects the batch: where, the column, and the problem.</summary>
    public static string BadRow(string location, string? column, string problem) =>
        $"{location}{(column is null ? string.Empty : ", column " + DisplayText.Of(column))}: {problem}";

    /// <summary>A row's problem with the bad value quoted (cut to 80 characters), or the problem alone for a whole-row problem.</summary>
    public static string RowProblem(string? column, object? value, string problem)
    {
        if (column is null)
        {
            return problem;
        }

        return $"'{(value is null ? "NULL" : Shown(RawValue(value)))}' {problem}";
    }

    // Checks.

    /// <summary>Two different rows of one satellite key in one batch, without an order column.</summary>
    /// <param name="table">The satellite's table.</param>
    /// <param name="key">The key's business key values (<c> (customer_id = 'C2')</c>), or empty when only the hash is known.</param>
    /// <param name="first">Where the first row is.</param>
    /// <param name="second">Where the second row is.</param>
    public static string InBatchConflict(string table, string key, string first, string second) =>
        $"{table}: one key{key} has two different rows in this batch and no order column: {first} and {second}. Correct the data, or declare the column that orders versions (SourceMapping.OrderBy) to load both as versions.";

    /// <summary>The key part of <see cref="InBatchConflict"/>: <c> (customer_id = 'C2', …)</c>.</summary>
    public static string KeyValues(IEnumerable<(string Column, object? Value)> parts) =>
        $" ({string.Join(", ", parts.Select(p => $"{p.Column} = '{Shown(Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty)}'"))})";

    /// <summary>A batch row that differs from the stored row of the same key and load date.</summary>
    /// <summary>An event of a non-historised satellite delivered again with other attributes.</summary>
    public static string NonHistorizedConflict(string table, object? key, object? storedLoadDate, object? storedRecordSource, string sourceRow) =>
        $"{table} is non-historised: the event with key {Value(key)} is stored (loaded {Value(storedLoadDate)} from {Value(storedRecordSource)}) with other attributes than {sourceRow} of this batch. " +
        "An event is inserted once and never changes; correct the source, or declare a historised satellite.";

    public static string StoredConflict(string table, object? key, object? loadDate) =>
        $"{table}: the batch's row for key {Value(key)} at load date {Value(loadDate)} differs from the row already stored with the same key and load date. " +
        "A rerun must carry the same data; load changed data with a new load timestamp.";

    /// <summary>A batch row older than the stored version of its key.</summary>
    public static string LateData(string table, object? key, object? loadDate, object? storedLoadDate) =>
        $"{table}: late data: the batch's row for key {Value(key)} has load date {Value(loadDate)}, older than the stored version of {Value(storedLoadDate)}. " +
        "Load batches in load-date order, or set LoadOptions.LateData = InsertInOrder to insert it in order.";

    /// <summary>A staged row older than a load the extended tracking satellite recorded, which would change what was recorded.</summary>
    public static string LateTrackedData(string table, object? key, object? loadDate, object? recordedLoadDate, string tracking) =>
        $"{table}: late data: the batch's row for key {Value(key)} has load date {Value(loadDate)}, older than the load of {Value(recordedLoadDate)} that {tracking} recorded (nothing changed then, so {table} stored no version). " +
        "Load batches in load-date order, or set LoadOptions.LateData = InsertInOrder to insert it in order (the version it interrupts is then restored).";

    /// <summary>Two different relationships of one driving key at one load date in a delta of changes.</summary>
    public static string EffectivityChangeConflict(string table, string drivingColumn, object? drivingKey, object? loadDate, string firstRow, string secondRow) =>
        $"{table}: two different relationships of one driving key ({drivingColumn} = {Value(drivingKey)}) at load date {Value(loadDate)} in this delta of changes: {firstRow} and {secondRow}. " +
        "A driving key has one relationship at a time: give the changes their own timestamps (SourceMapping.LoadDateFrom), or fix the source.";

    /// <summary>A change in a delta older than a stored status of its driving key.</summary>
    public static string LateEffectivityChange(string table, string drivingColumn, object? drivingKey, object? loadDate, object? storedLoadDate) =>
        $"{table}: late change: the change of driving key {drivingColumn} = {Value(drivingKey)} at {Value(loadDate)} is older than its stored status of {Value(storedLoadDate)}; " +
        "a late change would change every later relationship of the driving key, so it is refused whatever LoadOptions.LateData says. Load the changes in order.";

    /// <summary>A source declared a delta of changes of a satellite that is not an effectivity satellite with a driving key.</summary>
    public static string ChangesOfNoDrivenEffectivity(string source, string table, IEnumerable<string> candidates) =>
        $"{source}: ChangesFor(\"{table}\"): {table} is not an effectivity satellite with a driving key, so a delta of changes cannot feed it (effectivity satellites with a driving key: {Names(candidates)}).";

    /// <summary>A delta of changes declared with another way of feeding the same satellite or an order column.</summary>
    public static string ChangesWith(string source, string table, string what) =>
        $"{source}: ChangesFor(\"{table}\") together with {what}; a delta of changes is ordered by each row's load date (SourceMapping.LoadDateFrom).";

    /// <summary>One effectivity satellite fed in one batch by a full extract and a delta of changes.</summary>
    public static string ChangesAndFullExtract(string table) =>
        $"{table}: fed in one batch by a full extract and by a delta of changes; load them in separate batches.";

    /// <summary>A value as messages show it: invariant text, bytes as hex, <c>NULL</c> for null, unprintable characters escaped (<see cref="DisplayText"/>).</summary>
    public static string Value(object? value) => DisplayText.Of(RawValue(value));

    // Issue #14: input rows (blank keys, control characters, every bad column)

    /// <summary>A row whose key for one hub of a link that rejects empty hub keys is NULL or blank.</summary>
    public static string EmptyHubKey(string link, string hubKeyColumn, IEnumerable<string> keyColumns) =>
        $"leaves {hubKeyColumn} of {link} empty ({Names(keyColumns)} NULL or blank), and {link} rejects rows with an empty hub key (NullHubKeyPolicy.Reject)";

    /// <summary>A source declared the full extract of a table that is not a status-tracking satellite.</summary>
    public static string FullExtractOfNoStatusSatellite(string source, string table, IEnumerable<string> statusSatellites) =>
        $"{source}: FullExtractFor names {table}, which is not a status-tracking or effectivity satellite (s.StatusTracking(), s.Effectivity()); the model's: {Names(statusSatellites)}";

    /// <summary>A full extract with rejected rows: its deletions cannot be inferred.</summary>
    public static string FullExtractWithRejectedRows(string source, long rejected, IEnumerable<string> tables) =>
        $"{source}: {rejected} row(s) of this full extract of {Names(tables)} were rejected, so their keys would be taken for deletions. " +
        "Correct the rows (they are named in the quarantine table and the log) and load the batch again; nothing was written.";

    /// <summary>A full extract without rows, not declared allowed to be empty.</summary>
    public static string EmptyFullExtract(string table) =>
        $"{table}: the batch's full extract has no rows, which would mark every tracked key deleted. If that is meant, declare it with FullExtractFor(\"{table}\", allowEmpty: true); nothing was written.";

    /// <summary>A full extract older than the stored statuses.</summary>
    public static string LateFullExtract(string table, object? key, object? loadDate, object? stored) =>
        $"{table}: late data: the full extract's load date {Value(loadDate)} is older than the latest stored extract ({Value(stored)}), and it would change the status of hash key {Value(key)}: an old extract says nothing about what was deleted since. " +
        "Load full extracts in load-date order, or set LoadOptions.LateData = InsertInOrder to place its statuses in order.";

    /// <summary>Two relationships of one driving key in an effectivity satellite's full extract.</summary>
    public static string DrivingKeyConflict(string table, string drivingColumn, object? drivingKey, string first, string second) =>
        $"{table}: the driving key {drivingColumn} {Value(drivingKey)} has two relationships in this full extract ({first} and {second}); it has at most one in effect at a time. Correct the extract; nothing was written.";

    /// <summary>A full extract rerun with other keys at a stored load date.</summary>
    public static string StatusConflict(string table, object? loadDate, object? key, object? stored) =>
        $"{table}: the batch's full extract at load date {Value(loadDate)} gives hash key {Value(key)} another status than the one stored for that load date ({Value(stored)}). A rerun must carry the same extract; load changed data with a new load timestamp.";

    /// <summary>A row with a multi-active satellite's attributes whose source column for a multi-active key column is NULL (a bad row).</summary>
    public static string EmptyMultiActiveKey(string satellite, string sourceColumn, string keyColumn) =>
        $"leaves {sourceColumn} empty (NULL), which loads {keyColumn}, part of the multi-active key of {satellite}: each row of a multi-active set needs its key";

    /// <summary>
    /// The problem of a row with satellite attributes whose parent key is empty (every part NULL or blank), quoted
    /// after its first key column's value: <c>'   ' leaves the key of hub_customer (customer_id) empty …</c>.
    /// </summary>
    public static string EmptyParentKey(string parent, IEnumerable<string> keyColumns, string satellite, bool reference = false) =>
        $"leaves the key of {parent} ({Names(keyColumns)}) empty (NULL or blank), but the row has attributes for {satellite}: " +
        (reference ? "a row without a code is not loaded (it would describe no code)" : "a row without a key is not loaded (it would describe the ghost record)");

    /// <summary>
    /// A bad row's problems as one text: the problem alone for one, else every bad column with its problem
    /// (<c>column birth_date: '31/12/1990' is not a date …; column credit_limit: '1e9' does not fit decimal(10,2)</c>).
    /// </summary>
    /// <param name="problems">Each bad column (or <see langword="null"/> for the whole row) with its problem as <see cref="RowProblem"/> gives it.</param>
    public static string RowProblems(IReadOnlyList<(string? Column, string Problem)> problems) =>
        problems.Count == 1
            ? problems[0].Problem
            : string.Join("; ", problems.Select(p => p.Column is null ? p.Problem : $"column {DisplayText.Of(p.Column)}: {p.Problem}"));

    /// <summary>The tail of a rejecting bad row's message when the row has more bad columns than the one it names.</summary>
    public static string MoreBadColumns(IEnumerable<string?> columns)
    {
        var others = columns.Select(c => c is null ? "the row" : DisplayText.Of(c)).ToList();
        return string.Create(CultureInfo.InvariantCulture, $" (and {others.Count} more bad column{(others.Count == 1 ? string.Empty : "s")} in this row: {string.Join(", ", others)})");
    }

    private static string RawValue(object? value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),

        // ISO, never the invariant culture's month-first form: a stored load date as the engines and the log write it.
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "NULL",
    };

    // Issue #14: input limits, encodings, paths
    /// <summary>A source path that is a directory.</summary>
    public static string IsADirectory(string source, string path) => $"{DisplayText.Of(source)}: '{DisplayText.Of(path)}' is a directory, not a file.";

    /// <summary>A source path that is not a regular file (a device or a pipe: no length, yet it has bytes).</summary>
    public static string NotARegularFile(string source, string path) =>
        $"{DisplayText.Of(source)}: '{DisplayText.Of(path)}' is not a regular file (a device or a pipe); a CSV source reads files.";

    /// <summary>A source file that cannot be opened.</summary>
    public static string CannotOpen(string source, string path, string reason) => $"{DisplayText.Of(source)}: '{DisplayText.Of(path)}' cannot be read: {DisplayText.Of(reason)}";

    /// <summary>A CSV record longer than the source's limit.</summary>
    public static string RecordTooLong(string source, long line, string? column, int limit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{DisplayText.Of(source)}, line {line}{(column is null ? string.Empty : $", column {DisplayText.Of(column)}")}: the record is longer than {limit:N0} characters, the source's limit (CsvSource.MaxRecordLength).");

    /// <summary>A byte sequence that is not UTF-8.</summary>
    public static string InvalidUtf8(long offset, byte[] bytes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"invalid UTF-8 at byte offset {offset} ({string.Join(' ', bytes.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)))}); the file must be UTF-8 (CsvSource.ReplaceInvalidUtf8 replaces such bytes with U+FFFD instead)");

    /// <summary>A header with bytes that are not UTF-8.</summary>
    public static string InvalidUtf8InHeader(string source, long offset, byte[] bytes) => $"{DisplayText.Of(source)}, line 1: {InvalidUtf8(offset, bytes)}.";

    // Issue #14: batch log, lost connections, log levels

    /// <summary>
    /// The causes of a failure for the log, innermost last: <c>NpgsqlException: Exception while writing to stream &lt;-
    /// IOException: Unable to write data …</c>, or <c>none</c>. Ten causes at most.
    /// </summary>
    public static string CauseChain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var causes = new List<string>();
        for (var inner = exception.InnerException; inner is not null && causes.Count < 10; inner = inner.InnerException)
        {
            causes.Add($"{inner.GetType().Name}: {inner.Message}");
        }

        return causes.Count == 0 ? "none" : string.Join(" <- ", causes);
    }

    /// <summary>What a batch was doing in a phase, for messages: <c>reading customers.csv</c>, <c>merging</c>.</summary>
    public static string PhaseDescription(LoadPhase phase, string? source) => phase switch
    {
        LoadPhase.Preparing => "preparing (batch log, staging tables, transaction)",
        LoadPhase.Reading => source is null ? "reading its sources" : $"reading {source}",
        LoadPhase.Checking => "checking the staged rows",
        LoadPhase.Merging => "merging",
        LoadPhase.Committing => "committing",
        _ => phase.ToString(),
    };

    /// <summary>A batch whose connection to the database was lost (the server or the session ended, the network failed).</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="phase">The phase it was in.</param>
    /// <param name="source">The source it was reading, if any.</param>
    /// <param name="error">The provider's message.</param>
    public static string ConnectionLost(string batch, LoadPhase phase, string? source, string error) =>
        phase == LoadPhase.Committing
            ? $"Batch '{batch}' failed: the connection to the database was lost while committing ({error}). The database may or may not have committed the batch; the batch log and the vault tell, and running the batch again is safe (a rerun of a committed batch changes nothing)."
            : $"Batch '{batch}' failed and was rolled back: the connection to the database was lost while {PhaseDescription(phase, source)} ({error}). The database rolls back the unfinished transaction itself, so nothing of the batch was committed; run it again when the database is reachable.";

    /// <summary>The error message of a batch log entry marked abandoned.</summary>
    /// <param name="session">The loader's session as the entry records it (a backend pid, a connection id, a process).</param>
    /// <param name="foundBy">Who found it: a batch's name, or <c>null</c> for an explicit recovery.</param>
    public static string BatchAbandoned(string? session, string? foundBy) =>
        $"Abandoned: the loader's session ({session ?? "unknown"}) ended before the batch finished (the process was killed or the connection lost). " +
        "The database rolled back its transaction unless it had already committed; running the batch again is safe. " +
        (foundBy is null ? "Marked by RecoverAbandonedBatchesAsync." : $"Marked at the start of batch '{foundBy}'.");

    /// <summary>A value cut to 80 characters (77 and <c>...</c>), then escaped: the cut never splits an escape.</summary>
    private static string Shown(string text) => DisplayText.Of(text.Length > MaxShownValue ? text[..77] + "..." : text);

    private static string Names(IEnumerable<string> names) => DisplayText.Of(string.Join(", ", names));
}

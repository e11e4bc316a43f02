using DataVault.Core.Modeling;

namespace DataVault.Core.Loading;

/// <summary>
/// How one source feeds the vault. By default columns match model columns by name (case-insensitive), and a source
/// feeds every hub whose business keys it has, every link whose hubs' keys (and dependent child keys) it has — and
/// then those hubs too — and every satellite whose parent key and all attributes it has.
/// </summary>
public sealed class SourceMapping
{
    private readonly Dictionary<string, string> _renames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DerivedColumn> _derived = [];
    private readonly HashSet<string> _only = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excluded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allKeysRequired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _fullExtracts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnCleaning> _cleaning = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Model column → source column renames.</summary>
    public IReadOnlyDictionary<string, string> Renames => _renames;

    /// <summary>Computed columns, in declaration order.</summary>
    public IReadOnlyList<DerivedColumn> DerivedColumns => _derived;

    /// <summary>Tables this source is limited to (empty: inferred).</summary>
    public IReadOnlyCollection<string> OnlyTables => _only;

    /// <summary>Tables this source never feeds.</summary>
    public IReadOnlyCollection<string> ExcludedTables => _excluded;

    /// <summary>Links that this source feeds only from rows where every hub key is present (see <see cref="RequireAllKeys"/>).</summary>
    public IReadOnlyCollection<string> AllKeysRequiredTables => _allKeysRequired;

    /// <summary>
    /// The status-tracking satellites this source is the full extract of (<see cref="FullExtractFor"/>), each with whether
    /// an extract without rows is allowed.
    /// </summary>
    public IReadOnlyDictionary<string, bool> FullExtracts => _fullExtracts;

    /// <summary>The effectivity satellites this source is a delta of changes of (<see cref="ChangesFor"/>).</summary>
    public IReadOnlyCollection<string> Changes => _changes;

    /// <summary>The clean-ups of columns' raw text before typing, by model column (<see cref="Clean(string, TextCleaning)"/>).</summary>
    public IReadOnlyDictionary<string, ColumnCleaning> Cleaning => _cleaning;

    /// <summary>This source's record source, or <see langword="null"/> for the batch's (<see cref="WithRecordSource"/>).</summary>
    public string? RecordSource { get; private set; }

    /// <summary>The source column that orders several versions of one key within the batch, if any.</summary>
    public string? OrderColumn { get; private set; }

    /// <summary>Reads model column <paramref name="modelColumn"/> from source column <paramref name="sourceColumn"/>.</summary>
    /// <param name="modelColumn">A business key, dependent child key or attribute name of the model.</param>
    /// <param name="sourceColumn">The source's column.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping Column(string modelColumn, string sourceColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceColumn);
        _renames[modelColumn] = sourceColumn;
        return this;
    }

    /// <summary>
    /// Feeds only these tables (and the hubs their links and satellites need). A column one of them needs and the source
    /// lacks is then an error.
    /// </summary>
    /// <param name="targetTables">Table names, e.g. <c>hub_customer</c>, <c>sat_customer_details</c>.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping Only(params string[] targetTables)
    {
        ArgumentNullException.ThrowIfNull(targetTables);
        _only.UnionWith(targetTables);
        return this;
    }

    /// <summary>
    /// Feeds these links only from rows where every hub key is present: a row with a NULL hub key adds no link row
    /// (instead of a row pointing to the zero key). For optional relationships — e.g. a product–promotion link from
    /// sales lines, most of which have no promotion.
    /// </summary>
    /// <param name="linkTables">Link table names.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping RequireAllKeys(params string[] linkTables)
    {
        ArgumentNullException.ThrowIfNull(linkTables);
        _allKeysRequired.UnionWith(linkTables);
        return this;
    }

    /// <summary>
    /// Declares this source the **full extract** of a status-tracking satellite's parent keys
    /// (<see cref="SatelliteBuilder.StatusTracking"/>): every key the source system holds now is in it, so a key that was
    /// present before and is absent now is deleted. Only a source declared so feeds the satellite — deletes are never
    /// inferred from a delta. The source needs the parent's key columns. A full extract with a rejected (quarantined) row
    /// fails the batch, since the rejected key would be taken for a deletion; one without rows fails it too unless
    /// <paramref name="allowEmpty"/> (then every tracked key is deleted).
    /// </summary>
    /// <param name="statusTable">The status-tracking satellite's table, e.g. <c>sat_product_status</c>.</param>
    /// <param name="allowEmpty">Whether an extract without rows is meant (every key deleted) rather than a broken export.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping FullExtractFor(string statusTable, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(statusTable);
        _fullExtracts[statusTable] = allowEmpty;
        return this;
    }

    /// <summary>
    /// Declares this source a **delta of changes** of effectivity satellite <paramref name="effectivityTable"/> (one with
    /// a driving key): each row is the driving key's relationship from the row's load date on — a product moved to a
    /// promotion. In load-date order per driving key (each row's own with <see cref="LoadDateFrom"/>; without it, one
    /// change per driving key and batch), a change to another relationship than the one in effect ends that one
    /// (<c>N</c>) and starts the new one (<c>Y</c>) at its load date; a change to the relationship in effect changes
    /// nothing. Two different relationships of one driving key at one load date, and a change older than a stored status
    /// of its driving key, fail the batch. Not with <see cref="OrderBy(string)"/> (use <see cref="LoadDateFrom"/>) nor
    /// with a full extract of the same satellite in one batch.
    /// </summary>
    /// <param name="effectivityTable">The effectivity satellite's table, e.g. <c>sat_product_promotion_effectivity</c>.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping ChangesFor(string effectivityTable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(effectivityTable);
        _changes.Add(effectivityTable);
        return this;
    }

    /// <summary>Never feeds these tables.</summary>
    /// <param name="targetTables">Table names.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping Exclude(params string[] targetTables)
    {
        ArgumentNullException.ThrowIfNull(targetTables);
        _excluded.UnionWith(targetTables);
        return this;
    }

    /// <summary>
    /// Declares the column (a sequence number or an applied-at timestamp) that orders several versions of one key within
    /// the batch: each becomes a satellite version, the k-th (from 0) stamped with the batch's load timestamp + k µs.
    /// Without it, two different rows of one key in one batch are an error. Satellite rows of an ordered source are
    /// sorted in memory before staging.
    /// </summary>
    /// <param name="sourceColumn">The ordering column.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping OrderBy(string sourceColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceColumn);
        OrderColumn = sourceColumn;
        return this;
    }

    /// <summary>
    /// <see cref="OrderBy(string)"/> with a declared tie-break: versions of one key with the same order value (two
    /// changes in the same second of a CDC stream) are ordered by <paramref name="tieBreakColumn"/> (e.g. the log's
    /// sequence number), never by the engine or the file; only rows equal in both are the same version.
    /// </summary>
    /// <param name="sourceColumn">The ordering column.</param>
    /// <param name="tieBreakColumn">The column that orders versions with the same order value.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping OrderBy(string sourceColumn, string tieBreakColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tieBreakColumn);
        OrderBy(sourceColumn);
        TieBreakColumn = tieBreakColumn;
        return this;
    }

    /// <summary>The tie-break column of <see cref="OrderBy(string, string)"/>, or <see langword="null"/>.</summary>
    public string? TieBreakColumn { get; private set; }

    /// <summary>
    /// Takes each row's record source from a column of the source — a multi-source extract that says per row which
    /// system a row came from — instead of <see cref="WithRecordSource"/> or the batch's. A row whose value is NULL or
    /// empty gets those instead; a value longer than the vault's record_source columns makes the row bad.
    /// </summary>
    /// <param name="sourceColumn">The source column that holds the record source.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping RecordSourceFrom(string sourceColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceColumn);
        RecordSourceColumn = sourceColumn;
        return this;
    }

    /// <summary>The source column each row's record source is read from (<see cref="RecordSourceFrom"/>), or <see langword="null"/>.</summary>
    public string? RecordSourceColumn { get; private set; }

    /// <summary>
    /// Takes each row's load date from a column of the source — a CDC feed's change timestamp, an extract that says when
    /// each row was captured — instead of the batch's. A row whose value is NULL or empty gets the batch's; a value that
    /// is no timestamp makes the row bad. The column also orders the versions of one key in the batch (so it cannot be
    /// combined with <see cref="OrderBy(string)"/>): each row with another load date than the key's previous row is a
    /// version of its own, two rows of one key with one load date and different values are an error naming both, and a
    /// hub or link row gets the earliest load date of the batch's rows that had its key. Rows older than a stored version
    /// of their key are late data (<see cref="LoadOptions.LateData"/>). Not for a full extract (<see cref="FullExtractFor"/>),
    /// which is one snapshot at the batch's load date.
    /// </summary>
    /// <param name="sourceColumn">The source column that holds each row's load date (UTC, as every load date).</param>
    /// <returns>This mapping.</returns>
    public SourceMapping LoadDateFrom(string sourceColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceColumn);
        LoadDateColumn = sourceColumn;
        return this;
    }

    /// <summary>The source column each row's load date is read from (<see cref="LoadDateFrom"/>), or <see langword="null"/>.</summary>
    public string? LoadDateColumn { get; private set; }

    /// <summary>
    /// Cleans a column's raw text before its length and type are checked — e.g. <c>Clean("country_code",
    /// TextCleaning.Trim | TextCleaning.Upper)</c> turns a delivered <c>'fr '</c> into <c>FR</c>, which fits a
    /// <c>String(2)</c> key. Applies to text values of every kind of source (CSV fields, strings of readers and objects),
    /// and what is cleaned is what is hashed and stored; the quarantine keeps the row as delivered. Steps of several calls
    /// for one column combine.
    /// </summary>
    /// <param name="modelColumn">A business key, dependent child key or attribute name of the model (after renames, the model's name).</param>
    /// <param name="steps">The standard steps.</param>
    /// <returns>This mapping.</returns>
    /// <exception cref="ArgumentException">The column would be cleaned to both upper and lower case.</exception>
    public SourceMapping Clean(string modelColumn, TextCleaning steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelColumn);
        CleaningOf(modelColumn).Add(steps);
        return this;
    }

    /// <summary>
    /// Cleans a column's raw text with a delegate (after the standard steps of <see cref="Clean(string, TextCleaning)"/>),
    /// e.g. <c>Clean("phone", t =&gt; t.Replace("-", ""))</c>; returning <see langword="null"/> makes the value NULL. A delegate
    /// that throws makes the row bad (source, line, column and the exception's message).
    /// </summary>
    /// <param name="modelColumn">A business key, dependent child key or attribute name of the model.</param>
    /// <param name="transform">The clean-up.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping Clean(string modelColumn, Func<string, string?> transform)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelColumn);
        ArgumentNullException.ThrowIfNull(transform);
        CleaningOf(modelColumn).Add(transform);
        return this;
    }

    /// <summary>
    /// Stamps this source's rows with their own record source instead of the batch's — e.g. customers from the CRM and
    /// sales from the till in one batch. The batch log keeps the batch's record source.
    /// </summary>
    /// <param name="recordSource">The record source, at most <see cref="Sql.DdlOptions.RecordSourceLength"/> characters.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping WithRecordSource(string recordSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordSource);
        RecordSource = recordSource;
        return this;
    }

    /// <summary>Adds a column computed from each row (e.g. a total or a lookup), usable like a source column.</summary>
    /// <param name="column">Its name, as the model knows it.</param>
    /// <param name="type">Its type.</param>
    /// <param name="compute">Computes it from the row's typed values.</param>
    /// <returns>This mapping.</returns>
    public SourceMapping Derive(string column, DataType type, Func<SourceRow, object?> compute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(compute);
        _derived.Add(new DerivedColumn(column, type, compute));
        return this;
    }

    private ColumnCleaning CleaningOf(string modelColumn)
    {
        if (!_cleaning.TryGetValue(modelColumn, out var cleaning))
        {
            cleaning = new ColumnCleaning(modelColumn);
            _cleaning[modelColumn] = cleaning;
        }

        return cleaning;
    }
}

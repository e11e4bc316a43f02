using System.Data;
using System.Diagnostics.CodeAnalysis;
using DataVault.Core.Loading.Sources;

namespace DataVault.Core.Loading;

/// <summary>
/// One batch: a name, a record source, one load timestamp, and the sources to load together in one transaction.
/// </summary>
public sealed class LoadBatch
{
    private readonly List<LoadSource> _sources = [];
    private readonly List<Func<VaultLookup, CancellationToken, Task>> _lookups = [];

    /// <summary>Creates a batch.</summary>
    /// <param name="name">The batch's name in the batch log, e.g. <c>daily-2026-11-29</c>.</param>
    /// <param name="recordSource">The record source stamped on every row, e.g. <c>retail.pos</c>.</param>
    public LoadBatch(string name, string recordSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordSource);
        Name = name;
        RecordSource = recordSource;
    }

    /// <summary>The batch's name.</summary>
    public string Name { get; }

    /// <summary>The record source of every row of the batch, unless a source names its own (<see cref="SourceMapping.WithRecordSource"/>).</summary>
    public string RecordSource { get; }

    /// <summary>
    /// The load timestamp (UTC; a value of kind Local is converted, Unspecified is taken as UTC; truncated to microseconds),
    /// or <see langword="null"/> to take it from the loader's <see cref="LoadOptions.TimeProvider"/>.
    /// </summary>
    public DateTime? LoadDate { get; init; }

    /// <summary>Overrides of the loader's options for this batch only (bad rows, late data, end dating, partial sources), or <see langword="null"/> for none.</summary>
    public BatchOptions? Options { get; init; }

    /// <summary>The sources, in load order.</summary>
    public IReadOnlyList<LoadSource> Sources => _sources;

    /// <summary>The lookups, in the order they run (see <see cref="LookUp"/>).</summary>
    public IReadOnlyList<Func<VaultLookup, CancellationToken, Task>> Lookups => _lookups;

    /// <summary>
    /// Adds a lookup: a step that reads from the vault what the batch derives from it (e.g. a product's price valid at
    /// the load, used by a derived column), inside the batch's transaction, after the merge lock, before any source row
    /// is read. A batch with a lookup holds the merge lock from before its staging to its commit — whatever
    /// <see cref="LoadOptions.SerializeMerges"/> says —, so it runs after or before every other loader's check-and-merge,
    /// never in between: concurrent loads end in the state of one order of loading them one after the other, values
    /// derived from the vault included. Values read before <see cref="VaultLoader.LoadAsync"/> carry no such promise.
    /// </summary>
    /// <param name="lookup">Reads the vault through <see cref="VaultLookup"/> (the batch's session and transaction) and keeps what it read for the derived columns.</param>
    /// <returns>This batch.</returns>
    public LoadBatch LookUp(Func<VaultLookup, CancellationToken, Task> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookups.Add(lookup);
        return this;
    }

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This batch.</returns>
    public LoadBatch Add(LoadSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_sources.Any(s => string.Equals(s.Name, source.Name, StringComparison.Ordinal)))
        {
            throw new ArgumentException(LoadMessages.DuplicateSourceName(source.Name), nameof(source));
        }

        _sources.Add(source);
        return this;
    }

    /// <summary>Adds a CSV file (see <see cref="CsvSource"/>); its name in errors is the file name.</summary>
    /// <param name="path">The file.</param>
    /// <param name="map">Configures its mapping, or <see langword="null"/> for by-name defaults.</param>
    /// <returns>This batch.</returns>
    public LoadBatch AddCsv(string path, Action<SourceMapping>? map = null) => Add(new CsvSource(path, Mapping(map)));

    /// <summary>Adds a data reader (see <see cref="DataReaderSource"/>).</summary>
    /// <param name="name">The source's name in errors.</param>
    /// <param name="reader">The reader.</param>
    /// <param name="map">Configures its mapping.</param>
    /// <returns>This batch.</returns>
    public LoadBatch AddReader(string name, IDataReader reader, Action<SourceMapping>? map = null) => Add(new DataReaderSource(name, reader, Mapping(map)));

    /// <summary>Adds a sequence of objects (see <see cref="ObjectSource{T}"/>).</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="name">The source's name in errors.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="map">Configures its mapping.</param>
    /// <returns>This batch.</returns>
    public LoadBatch AddObjects<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name, IEnumerable<T> rows, Action<SourceMapping>? map = null) =>
        Add(new ObjectSource<T>(name, rows, Mapping(map)));

    /// <summary>Adds an asynchronous sequence of objects.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="name">The source's name in errors.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="map">Configures its mapping, or <see langword="null"/> for by-name defaults.</param>
    /// <returns>This batch.</returns>
    public LoadBatch AddAsyncObjects<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name, IAsyncEnumerable<T> rows, Action<SourceMapping>? map = null) =>
        Add(new ObjectSource<T>(name, rows, Mapping(map)));

    private static SourceMapping Mapping(Action<SourceMapping>? map)
    {
        var mapping = new SourceMapping();
        map?.Invoke(mapping);
        return mapping;
    }
}

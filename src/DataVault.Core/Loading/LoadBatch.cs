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

    /// <summary>The record source of every row of the batch.</summary>
    public string RecordSource { get; }

    /// <summary>
    /// The load timestamp (UTC; a value of kind Local is converted, Unspecified is taken as UTC; truncated to microseconds),
    /// or <see langword="null"/> to take it from the loader's <see cref="LoadOptions.TimeProvider"/>.
    /// </summary>
    public DateTime? LoadDate { get; init; }

    /// <summary>The sources, in load order.</summary>
    public IReadOnlyList<LoadSource> Sources => _sources;

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

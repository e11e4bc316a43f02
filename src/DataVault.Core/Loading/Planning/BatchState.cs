using DataVault.Core.Modeling;

namespace DataVault.Core.Loading.Planning;

/// <summary>What every staged row of a batch shares: load timestamp, record source, zero keys, and the sources (for messages).</summary>
internal sealed class BatchState(DateTime loadDate, string recordSource, IReadOnlyList<LoadSource> sources, IReadOnlyDictionary<Hub, object> zeroKeys, LoadOptions options)
{
    public DateTime LoadDate { get; } = loadDate;

    public string RecordSource { get; } = recordSource;

    public LoadOptions Options { get; } = options;

    /// <summary>The batch's sources, in order.</summary>
    public IReadOnlyList<LoadSource> Sources { get; } = sources;

    public object ZeroKey(Hub hub) => zeroKeys[hub];

    /// <summary>Describes a staged row's origin: <c>customers.csv, line 7</c>.</summary>
    public string Describe(long sourceRow)
    {
        var index = (int)(sourceRow >> 40);
        var location = sourceRow & ((1L << 40) - 1);
        var source = index < Sources.Count ? Sources[index] : null;
        return source is null ? LoadMessages.UnknownLocation(location) : LoadMessages.Location(source.Name, source.LocationName, location);
    }
}

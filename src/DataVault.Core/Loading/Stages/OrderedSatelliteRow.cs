namespace DataVault.Core.Loading.Stages;

/// <summary>A satellite row of an ordered source, held until the batch is read so versions can be numbered per key.</summary>
internal sealed record OrderedSatelliteRow(object Key, object Order, object Diff, long SourceRow, object?[] Row)
{
    /// <summary>
    /// Whether the row carries its own load date (<see cref="SourceMapping.LoadDateFrom"/>, which is also its order):
    /// the version keeps it instead of the batch's + k µs.
    /// </summary>
    public bool OwnLoadDate { get; init; }
}

namespace DataVault.Core.Loading.Stages;

/// <summary>A satellite row of an ordered source, held until the batch is read so versions can be numbered per key.</summary>
internal sealed record OrderedSatelliteRow(object Key, object Order, object Diff, long SourceRow, object?[] Row);

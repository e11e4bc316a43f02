namespace DataVault.Core.Loading;

/// <summary>Progress of a batch, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Phase">The current phase.</param>
/// <param name="Source">The source being read, if any.</param>
/// <param name="RowsRead">Source rows read so far, all sources together.</param>
/// <param name="RowsStaged">Rows written to staging tables so far, all targets together.</param>
/// <param name="TargetsMerged">Targets (hubs, links, satellites) merged so far.</param>
/// <param name="TargetCount">Targets the batch feeds.</param>
public sealed record LoadProgress(LoadPhase Phase, string? Source, long RowsRead, long RowsStaged, int TargetsMerged, int TargetCount);

namespace DataVault.Core.Loading.Stages;

/// <summary>What merging one stage did.</summary>
/// <param name="Inserted">Rows inserted into the vault table.</param>
/// <param name="EndDated">Rows whose load end date was set (satellites with end dating).</param>
internal readonly record struct StageMerge(long Inserted, long EndDated);

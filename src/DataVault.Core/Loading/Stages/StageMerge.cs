namespace DataVault.Core.Loading.Stages;

/// <summary>What merging one stage did.</summary>
/// <param name="Inserted">Rows inserted into the vault table.</param>
/// <param name="EndDated">Rows whose load end date was set (satellites with end dating).</param>
internal readonly record struct StageMerge(long Inserted, long EndDated)
{
    /// <summary>Rows recorded in <see cref="TrackingTable"/> (a tracked satellite's versions).</summary>
    public long Tracked { get; init; }

    /// <summary>The extended tracking satellite the stage recorded its versions in, or <see langword="null"/>.</summary>
    public string? TrackingTable { get; init; }
}

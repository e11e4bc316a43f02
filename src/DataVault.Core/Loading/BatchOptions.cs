namespace DataVault.Core.Loading;

/// <summary>
/// Options of one batch that override the loader's (<see cref="LoadOptions"/>) for that batch only: a field left
/// <see langword="null"/> keeps the loader's value (<see cref="LoadBatch.Options"/>).
/// </summary>
public sealed record BatchOptions
{
    /// <summary>What to do with a bad row in this batch (<see cref="LoadOptions.BadRows"/>).</summary>
    public BadRowHandling? BadRows { get; init; }

    /// <summary>What to do with late satellite data in this batch (<see cref="LoadOptions.LateData"/>).</summary>
    public LateDataHandling? LateData { get; init; }

    /// <summary>Whether this batch maintains load end dates (<see cref="LoadOptions.EndDating"/>).</summary>
    public bool? EndDating { get; init; }

    /// <summary>What to do with a source that has only some attributes of a satellite (<see cref="LoadOptions.PartialSatellites"/>).</summary>
    public PartialSatelliteHandling? PartialSatellites { get; init; }

    /// <summary>The loader's options with this batch's overrides.</summary>
    /// <param name="options">The loader's options.</param>
    /// <returns>The options the batch runs with.</returns>
    public LoadOptions ApplyTo(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            BadRows = BadRows ?? options.BadRows,
            LateData = LateData ?? options.LateData,
            EndDating = EndDating ?? options.EndDating,
            PartialSatellites = PartialSatellites ?? options.PartialSatellites,
        };
    }
}

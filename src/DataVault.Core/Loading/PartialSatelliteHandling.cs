namespace DataVault.Core.Loading;

/// <summary>
/// What the loader does with a source that has a satellite's parent key and some of its attributes, but not all (and
/// the missing ones declare no default): the satellite cannot be loaded from it, since its hash diff needs every attribute.
/// </summary>
public enum PartialSatelliteHandling
{
    /// <summary>
    /// Load the rest of the source and report the satellite: in <see cref="LoadResult.SkippedSatellites"/> and as a
    /// warning event (4015) naming the source, the satellite and its missing columns.
    /// </summary>
    Report = 0,

    /// <summary>Reject the whole batch before anything is written; the error names the source, the satellite and the missing columns.</summary>
    Reject = 1,
}

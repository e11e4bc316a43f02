namespace DataVault.Core.Modeling;

/// <summary>
/// An **extended tracking satellite** of a hub or link (<see cref="HubBuilder.ExtendedTracking"/>,
/// <see cref="LinkBuilder.ExtendedTracking"/>): for every load and every tracked satellite, the hash diff each parent
/// key had — also when nothing changed and the satellite stored no version. One row per (parent key, load date,
/// satellite). A late load placed in order (<c>LateDataHandling.InsertInOrder</c>) uses it to restore the version that
/// the late one interrupts: the satellite shows what the source said at every load, not only at changes.
/// </summary>
public sealed class ExtendedTrackingSatellite
{
    internal ExtendedTrackingSatellite(VaultEntity parent, string tableName, IReadOnlyList<Satellite> satellites, NamingConventions naming)
    {
        Parent = parent;
        TableName = tableName;
        Satellites = [.. satellites];
        Naming = naming;
    }

    /// <summary>The hub or link whose satellites are tracked.</summary>
    public VaultEntity Parent { get; }

    /// <summary>The table, e.g. <c>xts_customer</c>.</summary>
    public string TableName { get; }

    /// <summary>The database schema of its table (its parent's).</summary>
    public string? Schema => Parent.Schema;

    /// <summary>The tracked satellites: every standard satellite of the parent (attributes, no multi-active key, no status, effectivity or record tracking, historised), in declared order.</summary>
    public IReadOnlyList<Satellite> Satellites { get; }

    /// <summary>The naming conventions of the model.</summary>
    public NamingConventions Naming { get; }

    /// <summary>The column that names the satellite of a row: <c>satellite_name</c> (the satellite's table name).</summary>
    public string SatelliteNameColumn { get; } = "satellite_name";

    /// <summary>The parent's key column, e.g. <c>hub_customer_hk</c>.</summary>
    public string ParentHashKeyColumn => Parent.HashKeyColumn;

    /// <summary>Whether a satellite is of the kind an extended tracking satellite tracks (a standard, historised one).</summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns><see langword="true"/> for a standard satellite.</returns>
    public static bool Tracks(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return !satellite.IsMultiActive && !satellite.TracksStatus && !satellite.TracksRecords && !satellite.IsEffectivity && !satellite.NonHistorized && satellite.Attributes.Count > 0;
    }
}

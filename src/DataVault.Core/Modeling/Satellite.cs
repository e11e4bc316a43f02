using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>A satellite: descriptive attributes of a hub or a link, versioned by load date with a hash diff.</summary>
public sealed class Satellite
{
    internal Satellite(string name, string tableName, VaultEntity parent, HashingStandard hashingStandard, IReadOnlyList<ColumnDefinition> attributes, NamingConventions naming, bool nonHistorized = false, string? effectiveFrom = null, IReadOnlyList<string>? multiActiveKeys = null, string? statusColumn = null, bool effectivity = false, string? drivingKey = null, bool tracksRecords = false)
    {
        TracksRecords = tracksRecords;
        StatusColumn = statusColumn;
        IsEffectivity = effectivity;
        DrivingKey = drivingKey is null || parent is not Link link ? null : link.Hubs.FirstOrDefault(h => (h.Role ?? h.Hub.Name) == drivingKey);
        NonHistorized = nonHistorized;
        MultiActiveKeys = [.. (multiActiveKeys ?? []).Select(name => attributes.First(a => a.Name == name))];
        EffectiveFromColumn = effectiveFrom;
        Name = name;
        TableName = tableName;
        Parent = parent;
        HashingStandard = hashingStandard;
        Attributes = [.. attributes];
        HashDiffColumn = naming.HashDiff;
        // The effective-from column is business time, not a described attribute: it is stored but never hashed.
        var hashed = attributes.Where(a => a.Name != effectiveFrom).ToList();
        var order = hashingStandard.OrderDiffColumns([.. hashed.Select(a => a.Name)]);
        HashDiffParts = [.. order.Select(i => hashed[i])];
    }

    /// <summary>
    /// Whether the satellite is non-historised (<see cref="SatelliteBuilder.NonHistorizedEvents"/>): one immutable row
    /// per parent key, inserted once; a different row for a stored key is an error, never a new version.
    /// </summary>
    public bool NonHistorized { get; }

    /// <summary>
    /// The status column of a status-tracking satellite (<see cref="SatelliteBuilder.StatusTracking"/>), its only
    /// attribute; or <see langword="null"/>. Its values are <see cref="StatusPresent"/>, <see cref="StatusDeleted"/> and
    /// <see cref="StatusReturned"/>.
    /// </summary>
    public string? StatusColumn { get; }

    /// <summary>
    /// Whether the satellite tracks the presence of its parent keys in full extracts: a status-tracking satellite (delete
    /// detection) or an effectivity satellite.
    /// </summary>
    public bool TracksStatus => StatusColumn is not null;

    /// <summary>
    /// Whether the satellite is a record-tracking satellite (<see cref="SatelliteBuilder.RecordTracking"/>): no
    /// attributes, one row per parent key and load date at which a source had the key.
    /// </summary>
    public bool TracksRecords { get; }

    /// <summary>
    /// Whether the satellite is an effectivity satellite on a link (<see cref="SatelliteBuilder.Effectivity"/>): its
    /// status column <c>is_active</c> says which relationships are in effect (<see cref="EffectivityActive"/>) and which
    /// ended (<see cref="EffectivityEnded"/>).
    /// </summary>
    public bool IsEffectivity { get; }

    /// <summary>The driving key of an effectivity satellite: the link's hub reference that has at most one relationship in effect at a time; or <see langword="null"/>.</summary>
    public LinkHubReference? DrivingKey { get; }

    /// <summary>An effectivity satellite's status of a relationship in effect (opened, or opened again): <c>Y</c>.</summary>
    public const string EffectivityActive = "Y";

    /// <summary>An effectivity satellite's status of a relationship that ended: <c>N</c>.</summary>
    public const string EffectivityEnded = "N";

    /// <summary>The status a full extract gives a key it has for the first time (<see cref="StatusPresent"/>, or <see cref="EffectivityActive"/>).</summary>
    public string FirstStatus => IsEffectivity ? EffectivityActive : StatusPresent;

    /// <summary>The status of a key a full extract lacks (<see cref="StatusDeleted"/>, or <see cref="EffectivityEnded"/>).</summary>
    public string AbsentStatus => IsEffectivity ? EffectivityEnded : StatusDeleted;

    /// <summary>The status of an absent key that a full extract has again (<see cref="StatusReturned"/>, or <see cref="EffectivityActive"/>).</summary>
    public string AgainStatus => IsEffectivity ? EffectivityActive : StatusReturned;

    /// <summary>The status of a key a full extract has for the first time: <c>I</c> (inserted).</summary>
    public const string StatusPresent = "I";

    /// <summary>The status of a key that was present and is absent from a later full extract: <c>D</c> (deleted).</summary>
    public const string StatusDeleted = "D";

    /// <summary>The status of a deleted key that a later full extract has again: <c>R</c> (inserted again, returned).</summary>
    public const string StatusReturned = "R";

    /// <summary>
    /// The multi-active key (<see cref="SatelliteBuilder.MultiActiveKey"/>): the attributes that tell apart the rows of a
    /// parent key that are active at once (e.g. a phone type); empty for a satellite with one row per key and load.
    /// </summary>
    public IReadOnlyList<ColumnDefinition> MultiActiveKeys { get; }

    /// <summary>
    /// Whether the satellite is multi-active: a parent key's rows at a load form one version (a set told apart by
    /// <see cref="MultiActiveKeys"/>), inserted whole when any row of it is added, removed or changed.
    /// </summary>
    public bool IsMultiActive => MultiActiveKeys.Count > 0;

    /// <summary>The effective-from column (<see cref="SatelliteBuilder.EffectiveFrom"/>), one of <see cref="Attributes"/> but not of <see cref="HashDiffParts"/>; or <see langword="null"/>.</summary>
    public string? EffectiveFromColumn { get; }

    /// <summary>The satellite's name in the model, e.g. <c>customer_details</c>.</summary>
    public string Name { get; }

    /// <summary>The table name, e.g. <c>sat_customer_details</c>.</summary>
    public string TableName { get; }

    /// <summary>The database schema of its table and view (the raw vault's), or <see langword="null"/> for the default schema.</summary>
    public string? Schema { get; internal set; }

    /// <summary>The hub or link the satellite describes.</summary>
    public VaultEntity Parent { get; }

    /// <summary>The parent's hash-key column, which is also this table's key column.</summary>
    public string ParentHashKeyColumn => Parent.HashKeyColumn;

    /// <summary>The hashing standard of the hash diff (the vault's, unless overridden).</summary>
    public HashingStandard HashingStandard { get; }

    /// <summary>The attributes, in declared order (the table's column order).</summary>
    public IReadOnlyList<ColumnDefinition> Attributes { get; }

    /// <summary>The attributes in the order they enter the hash diff (<see cref="HashingStandard.DiffColumnOrder"/>).</summary>
    public IReadOnlyList<ColumnDefinition> HashDiffParts { get; }

    /// <summary>The hash-diff column.</summary>
    public string HashDiffColumn { get; }

    /// <summary>A short path for diagnostics and diagrams: <c>sat:customer_details</c>.</summary>
    public string Path => "sat:" + Name;
}

using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>Configures one satellite of a <see cref="DataVaultModelBuilder"/>.</summary>
public sealed class SatelliteBuilder
{
    internal SatelliteBuilder(string name) => Name = name;

    internal string Name { get; }

    internal List<(string Kind, string Name)> Parents { get; } = [];

    internal List<ColumnDefinition> Attributes { get; } = [];

    internal HashingStandard? Standard { get; private set; }

    internal string? Table { get; private set; }

    internal bool NonHistorized { get; private set; }

    internal string? EffectiveFromColumn { get; private set; }

    internal List<string> MultiActiveKeys { get; } = [];

    internal string? StatusColumn { get; private set; }

    internal bool IsEffectivity { get; private set; }

    internal string? DrivingKey { get; private set; }

    internal bool TracksRecords { get; private set; }

    /// <summary>Attaches the satellite to a hub.</summary>
    /// <param name="hubName">The hub's model name.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder OnHub(string hubName)
    {
        ArgumentNullException.ThrowIfNull(hubName);
        Parents.Add(("hub", hubName));
        return this;
    }

    /// <summary>Attaches the satellite to a link.</summary>
    /// <param name="linkName">The link's model name.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder OnLink(string linkName)
    {
        ArgumentNullException.ThrowIfNull(linkName);
        Parents.Add(("link", linkName));
        return this;
    }

    /// <summary>Adds a descriptive attribute; attributes keep their declared order in the table.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The column type.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder Attribute(string name, DataType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        Attributes.Add(new ColumnDefinition(name, type));
        return this;
    }

    /// <summary>
    /// Adds a descriptive attribute with a default: the value loaded when a source has the satellite's other columns but
    /// not this one (the seed's <c>currency VARCHAR(3) DEFAULT 'USD'</c>). The value must fit the type (DV1034).
    /// </summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The column type.</param>
    /// <param name="defaultValue">The default, a CLR value of the type (e.g. <c>"USD"</c>, <c>0m</c>, <c>false</c>).</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder Attribute(string name, DataType type, object defaultValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(defaultValue);
        Attributes.Add(new ColumnDefinition(name, type) { Default = defaultValue });
        return this;
    }

    /// <summary>
    /// Adds the version's **effective-from** column: business time from the source (when the change took effect), stored
    /// with each version next to the load date, outside the hash diff — a row whose only difference is its effective
    /// time is no new version. A timestamp, or a date with <paramref name="dateOnly"/>. Loaded like an attribute (a
    /// source without it is a partial source).
    /// </summary>
    /// <param name="name">The column name, e.g. <c>effective_from</c>.</param>
    /// <param name="dateOnly">A date instead of a timestamp.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder EffectiveFrom(string name, bool dateOnly = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        Attributes.Add(new ColumnDefinition(name, dateOnly ? DataType.Date : DataType.Timestamp));
        EffectiveFromColumn = name;
        return this;
    }

    /// <summary>
    /// Adds a column of the **multi-active key** and makes the satellite multi-active: a parent key has several rows
    /// active at once, one per value of this key (e.g. <c>phone_type</c>; call again for a key of several columns; a
    /// sequence the source numbers is a key of an integer type). The key is an attribute — stored, part of each row's hash
    /// diff, and of the primary key (parent key, load date, multi-active key), so it is never empty: a row without it is
    /// a bad row. The rows of a parent key at a load are one version; when any of them is added, removed or changed the
    /// whole new set is inserted with that load date, and an identical set, in any row order, inserts nothing.
    /// </summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The column type.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder MultiActiveKey(string name, DataType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        Attributes.Add(new ColumnDefinition(name, type));
        MultiActiveKeys.Add(name);
        return this;
    }

    /// <summary>
    /// Makes the satellite a **status-tracking** satellite (delete detection): instead of attributes it keeps one status
    /// column, and it is fed only by sources declared a full extract of it (<c>SourceMapping.FullExtractFor</c>) — never
    /// by a delta. A key a full extract has for the first time gets <see cref="Satellite.StatusPresent"/> (<c>I</c>); a
    /// key it had that a later full extract lacks gets <see cref="Satellite.StatusDeleted"/> (<c>D</c>); a deleted key
    /// that comes back gets <see cref="Satellite.StatusReturned"/> (<c>R</c>). Nothing else is stored (DV1036).
    /// </summary>
    /// <param name="statusColumn">The status column's name (default <c>status</c>), a one-character string.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder StatusTracking(string statusColumn = "status")
    {
        ArgumentNullException.ThrowIfNull(statusColumn);
        Attributes.Add(new ColumnDefinition(statusColumn, DataType.String(1)));
        StatusColumn = statusColumn;
        return this;
    }

    /// <summary>
    /// Makes the satellite an **effectivity satellite** of its link: which relationships are in effect. It keeps one
    /// column, <c>is_active</c> (<see cref="Satellite.EffectivityActive"/> <c>Y</c> or <see cref="Satellite.EffectivityEnded"/>
    /// <c>N</c>), and is fed by a full extract of the relationships in effect now (<c>SourceMapping.FullExtractFor</c>): a
    /// relationship it has for the first time, or again after it ended, gets <c>Y</c>; one in effect that it lacks gets
    /// <c>N</c>. With a <paramref name="drivingKey"/> (the hub, or role, that has at most one relationship at a time —
    /// e.g. the product, on at most one promotion) an extract with two relationships of one driving key is an error, so
    /// a driving key never has two open relationships; when it moves, the old one ends and the new one starts at the same
    /// load date.
    /// </summary>
    /// <param name="drivingKey">The driving key's hub name (or role), or <see langword="null"/> to track each relationship on its own.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder Effectivity(string? drivingKey = null)
    {
        Attributes.Add(new ColumnDefinition("is_active", DataType.String(1)));
        StatusColumn = "is_active";
        IsEffectivity = true;
        DrivingKey = drivingKey;
        return this;
    }

    /// <summary>
    /// Makes the satellite a **record-tracking satellite** of its hub or link: which loads had each parent key. It
    /// stores no attributes: one row per parent key and load date at which a source feeding it (any source with the
    /// parent's key columns, a delta or a full extract) had the key — with the record source of the first such row. It
    /// never infers an absence (that is <see cref="StatusTracking"/>, from a full extract); a rerun adds nothing, a late
    /// load's row is inserted in its place. Its hash diff is that of the empty attribute set, the same on every row, so
    /// it has the shape of every satellite (history view, PIT, rehashing). Nothing else may be declared on it (DV1038).
    /// </summary>
    /// <returns>This builder.</returns>
    public SatelliteBuilder RecordTracking()
    {
        TracksRecords = true;
        return this;
    }

    /// <summary>Computes this satellite's hash diff with <paramref name="standard"/> instead of the vault's.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder WithHashingStandard(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        Standard = standard;
        return this;
    }

    /// <summary>
    /// Makes the satellite non-historised (transactional): each parent key has one row, an immutable event inserted
    /// once with its attributes — a repeated event is skipped, the same key with other attributes is an error naming
    /// the stored and the delivered row. No change detection, no end dating; the primary key is the parent key alone.
    /// </summary>
    /// <param name="nonHistorized">Whether it is (default <see langword="true"/>).</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder NonHistorizedEvents(bool nonHistorized = true)
    {
        NonHistorized = nonHistorized;
        return this;
    }

    /// <summary>Names the table explicitly instead of by the naming conventions.</summary>
    /// <param name="tableName">The table name.</param>
    /// <returns>This builder.</returns>
    public SatelliteBuilder ToTable(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        Table = tableName;
        return this;
    }
}

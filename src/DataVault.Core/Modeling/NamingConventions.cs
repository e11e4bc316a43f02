namespace DataVault.Core.Modeling;

/// <summary>
/// How the model names tables and system columns. Templates use <c>{name}</c> for the entity name (and
/// <c>{role}</c>, <c>{hub_hk}</c> for link columns, <c>{table}</c> for a satellite's table in a PIT); the defaults
/// are the seed schema's.
/// </summary>
public sealed record NamingConventions
{
    /// <summary>The defaults: <c>hub_{name}</c>, <c>link_{name}</c>, <c>sat_{name}</c>, <c>hub_{name}_hk</c>, ...</summary>
    public static NamingConventions Default { get; } = new();

    /// <summary>Template of a hub's table name.</summary>
    public string HubTable { get; init; } = "hub_{name}";

    /// <summary>Template of a reference hub's table name (a code table without hash keys).</summary>
    public string ReferenceHubTable { get; init; } = "ref_{name}";

    /// <summary>Template of an extended tracking satellite's table name; <c>{name}</c> is its hub's or link's name.</summary>
    public string ExtendedTrackingTable { get; init; } = "xts_{name}";

    /// <summary>Template of a link's table name.</summary>
    public string LinkTable { get; init; } = "link_{name}";

    /// <summary>Template of a satellite's table name.</summary>
    public string SatelliteTable { get; init; } = "sat_{name}";

    /// <summary>Template of a point-in-time table's name.</summary>
    public string PitTable { get; init; } = "pit_{name}";

    /// <summary>Template of a hub's hash-key column.</summary>
    public string HubHashKey { get; init; } = "hub_{name}_hk";

    /// <summary>Template of a link's hash-key column.</summary>
    public string LinkHashKey { get; init; } = "link_{name}_hk";

    /// <summary>Template of the column that holds a hub's hash key in a link when the hub has a role.</summary>
    public string RoleHashKey { get; init; } = "{role}_{hub_hk}";

    /// <summary>The hash-diff column of satellites.</summary>
    public string HashDiff { get; init; } = "hash_diff";

    /// <summary>The load timestamp column.</summary>
    public string LoadDate { get; init; } = "load_date";

    /// <summary>The end-of-validity column of satellites.</summary>
    public string LoadEndDate { get; init; } = "load_end_date";

    /// <summary>The record source column.</summary>
    public string RecordSource { get; init; } = "record_source";

    /// <summary>The snapshot date column of point-in-time tables.</summary>
    public string SnapshotDate { get; init; } = "snapshot_date";

    /// <summary>Template of the column of a point-in-time table that holds a satellite's load date; <c>{table}</c> is the satellite's table.</summary>
    public string PitLoadDate { get; init; } = "{table}_load_date";

    /// <summary>The system columns of every table: load date, load end date, record source and hash diff.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> SystemColumns() => [LoadDate, LoadEndDate, RecordSource, HashDiff];

    /// <summary>The table name of hub <paramref name="name"/>.</summary>
    /// <param name="name">The hub name.</param>
    /// <returns>The table name.</returns>
    public string HubTableName(string name) => Apply(HubTable, name);

    /// <summary>The table name of the extended tracking satellite of hub or link <paramref name="name"/>.</summary>
    /// <param name="name">The hub's or link's name.</param>
    /// <returns>The table name.</returns>
    public string ExtendedTrackingTableName(string name) => Apply(ExtendedTrackingTable, name);

    /// <summary>The table name of reference hub <paramref name="name"/>.</summary>
    /// <param name="name">The reference hub name.</param>
    /// <returns>The table name.</returns>
    public string ReferenceHubTableName(string name) => Apply(ReferenceHubTable, name);

    /// <summary>The table name of link <paramref name="name"/>.</summary>
    /// <param name="name">The link name.</param>
    /// <returns>The table name.</returns>
    public string LinkTableName(string name) => Apply(LinkTable, name);

    /// <summary>The table name of satellite <paramref name="name"/>.</summary>
    /// <param name="name">The satellite name.</param>
    /// <returns>The table name.</returns>
    public string SatelliteTableName(string name) => Apply(SatelliteTable, name);

    /// <summary>The table name of point-in-time table <paramref name="name"/>.</summary>
    /// <param name="name">The PIT name.</param>
    /// <returns>The table name.</returns>
    public string PitTableName(string name) => Apply(PitTable, name);

    /// <summary>The column of a point-in-time table that holds the load date of the satellite stored in <paramref name="satelliteTable"/>.</summary>
    /// <param name="satelliteTable">The satellite's table name.</param>
    /// <returns>The column name.</returns>
    public string PitLoadDateName(string satelliteTable) => PitLoadDate.Replace("{table}", satelliteTable, StringComparison.Ordinal);

    /// <summary>The hash-key column of hub <paramref name="name"/>.</summary>
    /// <param name="name">The hub name.</param>
    /// <returns>The column name.</returns>
    public string HubHashKeyName(string name) => Apply(HubHashKey, name);

    /// <summary>The hash-key column of link <paramref name="name"/>.</summary>
    /// <param name="name">The link name.</param>
    /// <returns>The column name.</returns>
    public string LinkHashKeyName(string name) => Apply(LinkHashKey, name);

    /// <summary>The column holding a hub's hash key in a link, for an optional role.</summary>
    /// <param name="hubHashKey">The hub's hash-key column.</param>
    /// <param name="role">The role, or <see langword="null"/>.</param>
    /// <returns>The column name.</returns>
    public string LinkHubColumnName(string hubHashKey, string? role) =>
        role is null ? hubHashKey : RoleHashKey.Replace("{role}", role, StringComparison.Ordinal).Replace("{hub_hk}", hubHashKey, StringComparison.Ordinal);

    private static string Apply(string template, string name) => template.Replace("{name}", name, StringComparison.Ordinal);
}

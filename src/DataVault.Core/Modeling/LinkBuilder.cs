using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>Configures one link of a <see cref="DataVaultModelBuilder"/>.</summary>
public sealed class LinkBuilder
{
    internal LinkBuilder(string name) => Name = name;

    internal string Name { get; }

    internal List<(string Hub, string? Role)> Hubs { get; } = [];

    internal List<ColumnDefinition> DependentChildKeys { get; } = [];

    internal HashingStandard? Standard { get; private set; }

    internal string? Table { get; private set; }

    internal NullHubKeyPolicy NullHubKeys { get; private set; }

    internal bool TracksVersions { get; private set; }

    /// <summary>
    /// Keeps an **extended tracking satellite** (<c>xts_{name}</c>) of this link: for every load and every standard
    /// satellite of it, the hash diff each key had, also when nothing changed — so that a late load placed in order
    /// (<c>LateDataHandling.InsertInOrder</c>) restores the version it interrupts. DV1041 when it has no standard satellite.
    /// </summary>
    /// <returns>This builder.</returns>
    public LinkBuilder ExtendedTracking()
    {
        TracksVersions = true;
        return this;
    }

    /// <summary>Adds a hub to the link. The same hub may appear again with a different <paramref name="role"/>.</summary>
    /// <param name="hubName">The hub's model name.</param>
    /// <param name="role">The role (e.g. <c>referred_by</c>): prefixes the link's column and the staged business keys.</param>
    /// <returns>This builder.</returns>
    public LinkBuilder Hub(string hubName, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(hubName);
        Hubs.Add((hubName, role));
        return this;
    }

    /// <summary>Adds a dependent child key (e.g. a line number) that takes part in the link's key, after the hubs' keys.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The column type.</param>
    /// <returns>This builder.</returns>
    public LinkBuilder DependentChildKey(string name, DataType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        DependentChildKeys.Add(new ColumnDefinition(name, type));
        return this;
    }

    /// <summary>Hashes this link's key with <paramref name="standard"/> instead of the vault's.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>This builder.</returns>
    public LinkBuilder WithHashingStandard(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        Standard = standard;
        return this;
    }

    /// <summary>
    /// What a row with an empty hub key (NULL or blank, while another key is present) does to this link: the zero key
    /// (default), no link row (<see cref="NullHubKeyPolicy.Skip"/>), or a bad row (<see cref="NullHubKeyPolicy.Reject"/>).
    /// A source mapping's <see cref="Loading.SourceMapping.RequireAllKeys"/> skips such rows for one source only.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public LinkBuilder OnNullHubKey(NullHubKeyPolicy policy)
    {
        NullHubKeys = policy;
        return this;
    }

    /// <summary>Names the table explicitly instead of by the naming conventions.</summary>
    /// <param name="tableName">The table name.</param>
    /// <returns>This builder.</returns>
    public LinkBuilder ToTable(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        Table = tableName;
        return this;
    }
}

using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>Configures one hub of a <see cref="DataVaultModelBuilder"/>.</summary>
public sealed class HubBuilder
{
    internal HubBuilder(string name) => Name = name;

    internal string Name { get; }

    internal List<ColumnDefinition> BusinessKeys { get; } = [];

    internal HashingStandard? Standard { get; private set; }

    internal string? Table { get; private set; }

    internal StandardizedKeyStorage KeyStorage { get; private set; }

    internal bool IsReference { get; init; }

    internal bool TracksVersions { get; private set; }

    /// <summary>
    /// Keeps an **extended tracking satellite** (<c>xts_{name}</c>) of this hub: for every load and every standard
    /// satellite of it, the hash diff each key had, also when nothing changed — so that a late load placed in order
    /// (<c>LateDataHandling.InsertInOrder</c>) restores the version it interrupts. DV1041 when it has no standard satellite.
    /// </summary>
    /// <returns>This builder.</returns>
    public HubBuilder ExtendedTracking()
    {
        TracksVersions = true;
        return this;
    }

    /// <summary>Adds a business-key column; a hub may have several (a composite key), hashed in this order.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">The column type.</param>
    /// <returns>This builder.</returns>
    public HubBuilder BusinessKey(string name, DataType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        BusinessKeys.Add(new ColumnDefinition(name, type));
        return this;
    }

    /// <summary>Hashes this hub's keys with <paramref name="standard"/> instead of the vault's (e.g. case-sensitive keys).</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>This builder.</returns>
    public HubBuilder WithHashingStandard(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        Standard = standard;
        return this;
    }

    /// <summary>
    /// Stores the text business keys (<see cref="DataTypeKind.String"/>, <see cref="DataTypeKind.Text"/>) standardised
    /// as the hub's hashing standard does before hashing — <c>' fr'</c> as <c>FR</c> under the default standard —
    /// beside the delivered value (<c>&lt;key&gt;_std</c>) or instead of it. A hub without a text key reports DV1011.
    /// </summary>
    /// <param name="storage">What to store.</param>
    /// <returns>This builder.</returns>
    public HubBuilder StoreStandardizedKeys(StandardizedKeyStorage storage)
    {
        KeyStorage = storage;
        return this;
    }

    /// <summary>Names the table explicitly instead of by the naming conventions.</summary>
    /// <param name="tableName">The table name.</param>
    /// <returns>This builder.</returns>
    public HubBuilder ToTable(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        Table = tableName;
        return this;
    }
}

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

using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>A hub or a link: an entity identified by a hash key, to which satellites attach.</summary>
public abstract class VaultEntity
{
    private protected VaultEntity(string name, string tableName, string hashKeyColumn, HashingStandard hashingStandard, NamingConventions naming)
    {
        Naming = naming;
        Name = name;
        TableName = tableName;
        HashKeyColumn = hashKeyColumn;
        HashingStandard = hashingStandard;
    }

    /// <summary>The naming conventions of the model (system column names).</summary>
    public NamingConventions Naming { get; }

    /// <summary>The entity's name in the model, e.g. <c>customer</c>.</summary>
    public string Name { get; }

    /// <summary>The table name, e.g. <c>hub_customer</c>.</summary>
    public string TableName { get; }

    /// <summary>The database schema of its table (the raw vault's, <see cref="VaultSchemas.RawVault"/>), or <see langword="null"/> for the default schema.</summary>
    public string? Schema { get; internal set; }

    /// <summary>The hash-key column, e.g. <c>hub_customer_hk</c>.</summary>
    public string HashKeyColumn { get; }

    /// <summary>The hashing standard of this entity's key (the vault's, unless overridden).</summary>
    public HashingStandard HashingStandard { get; }

    /// <summary>
    /// The columns whose values make the hash key, in hashing order: a hub's business keys; for a link, the business
    /// keys of its hubs in declared order, then its dependent child keys.
    /// </summary>
    public abstract IReadOnlyList<ColumnDefinition> KeyParts { get; }

    /// <summary>Whether the entity was declared with an extended tracking satellite (set once by the resolver).</summary>
    internal bool WantsExtendedTracking { get; init; }

    /// <summary>Its extended tracking satellite (<see cref="HubBuilder.ExtendedTracking"/>), or <see langword="null"/>.</summary>
    public ExtendedTrackingSatellite? ExtendedTracking { get; internal set; }

    /// <summary>A short path for diagnostics and diagrams: <c>hub:customer</c> or <c>link:sales</c>.</summary>
    public abstract string Path { get; }
}

using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>A link: a relationship between two or more hubs, optionally with dependent child keys.</summary>
public sealed class Link : VaultEntity
{
    internal Link(string name, string tableName, string hashKeyColumn, HashingStandard hashingStandard, IReadOnlyList<LinkHubReference> hubs, IReadOnlyList<ColumnDefinition> dependentChildKeys, NamingConventions naming, NullHubKeyPolicy nullHubKeys = NullHubKeyPolicy.ZeroKey)
        : base(name, tableName, hashKeyColumn, hashingStandard, naming)
    {
        NullHubKeys = nullHubKeys;
        Hubs = [.. hubs];
        DependentChildKeys = [.. dependentChildKeys];
        KeyParts = [.. hubs.SelectMany(h => h.BusinessKeyColumns()), .. dependentChildKeys];
    }

    /// <summary>What a source row with an empty hub key does to this link (<see cref="LinkBuilder.OnNullHubKey"/>).</summary>
    public NullHubKeyPolicy NullHubKeys { get; }

    /// <summary>The hubs, in declared order.</summary>
    public IReadOnlyList<LinkHubReference> Hubs { get; }

    /// <summary>Dependent child keys (e.g. a line number) that take part in the link's key.</summary>
    public IReadOnlyList<ColumnDefinition> DependentChildKeys { get; }

    /// <summary>The business keys of the hubs (role-prefixed where a role is given), then the dependent child keys.</summary>
    public override IReadOnlyList<ColumnDefinition> KeyParts { get; }

    /// <inheritdoc />
    public override string Path => "link:" + Name;
}

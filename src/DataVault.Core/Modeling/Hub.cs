using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>A hub: the unique business keys of one business concept.</summary>
public sealed class Hub : VaultEntity
{
    internal Hub(string name, string tableName, string hashKeyColumn, HashingStandard hashingStandard, IReadOnlyList<ColumnDefinition> businessKeys, NamingConventions naming)
        : base(name, tableName, hashKeyColumn, hashingStandard, naming)
    {
        BusinessKeys = [.. businessKeys];
    }

    /// <summary>The business-key columns, in declared order.</summary>
    public IReadOnlyList<ColumnDefinition> BusinessKeys { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> KeyParts => BusinessKeys;

    /// <inheritdoc />
    public override string Path => "hub:" + Name;
}

using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>A hub: the unique business keys of one business concept.</summary>
public sealed class Hub : VaultEntity
{
    internal Hub(string name, string tableName, string hashKeyColumn, HashingStandard hashingStandard, IReadOnlyList<ColumnDefinition> businessKeys, NamingConventions naming, StandardizedKeyStorage keyStorage = StandardizedKeyStorage.Delivered, bool isReference = false)
        : base(name, tableName, hashKeyColumn, hashingStandard, naming)
    {
        IsReference = isReference;
        BusinessKeys = [.. businessKeys];
        KeyStorage = keyStorage;
        StandardizedKeyColumns = keyStorage == StandardizedKeyStorage.Beside
            ? [.. BusinessKeys.Where(IsText).Select(k => new ColumnDefinition(StandardizedColumnName(k.Name), k.Type))]
            : [];
    }

    /// <summary>
    /// Whether this is a reference hub (<see cref="DataVaultModelBuilder.ReferenceHub"/>): a code table whose one business
    /// key is its primary key — <see cref="VaultEntity.HashKeyColumn"/> is that key's column, holding the code as
    /// delivered, not a hash.
    /// </summary>
    public bool IsReference { get; }

    /// <summary>What the hub stores of its text business keys: as delivered (default), standardised beside them, or standardised instead.</summary>
    public StandardizedKeyStorage KeyStorage { get; }

    /// <summary>With <see cref="StandardizedKeyStorage.Beside"/>, the <c>&lt;key&gt;_std</c> column of each text business key, in key order; otherwise none.</summary>
    public IReadOnlyList<ColumnDefinition> StandardizedKeyColumns { get; }

    /// <summary>The column that holds a key's standardised value beside it: <c>&lt;key&gt;_std</c>.</summary>
    /// <param name="businessKey">The business key's column name.</param>
    /// <returns>The column name.</returns>
    public static string StandardizedColumnName(string businessKey) => businessKey + "_std";

    /// <summary>Whether a key is text, the kind whose standardised value may be stored.</summary>
    internal static bool IsText(ColumnDefinition key) => key.Type?.Kind is DataTypeKind.String or DataTypeKind.Text;

    /// <summary>The business-key columns, in declared order.</summary>
    public IReadOnlyList<ColumnDefinition> BusinessKeys { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> KeyParts => BusinessKeys;

    /// <inheritdoc />
    public override string Path => "hub:" + Name;
}

namespace DataVault.Core.Modeling;

/// <summary>What the model needs to know of the database it is built for (every SQL dialect is one).</summary>
public interface IModelTarget
{
    /// <summary>The target's name, used in diagnostics (e.g. <c>PostgreSQL</c>).</summary>
    string Name { get; }

    /// <summary>The longest identifier the target accepts, in UTF-8 bytes.</summary>
    int MaxIdentifierLength { get; }

    /// <summary>Whether the target has database schemas (<see cref="DataVaultModelBuilder.UseSchemas"/>); true unless it says otherwise.</summary>
    bool SupportsSchemas => true;
}

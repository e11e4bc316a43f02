namespace DataVault.Core.Modeling;

/// <summary>A named, typed column of the model: a business key, a dependent child key or an attribute.</summary>
/// <param name="Name">The column name (a safe identifier, see <see cref="Identifiers"/>).</param>
/// <param name="Type">The portable type.</param>
public sealed record ColumnDefinition(string Name, DataType Type);

namespace DataVault.Core.Modeling;

/// <summary>A named, typed column of the model: a business key, a dependent child key or an attribute.</summary>
/// <param name="Name">The column name (a safe identifier, see <see cref="Identifiers"/>).</param>
/// <param name="Type">The portable type.</param>
public sealed record ColumnDefinition(string Name, DataType Type)
{
    /// <summary>
    /// For a satellite attribute: the value the loader uses when a source lacks the column (it is hashed and stored like
    /// a delivered value); <see langword="null"/> for none. A CLR value of the column's type (<c>string</c>, <c>int</c>,
    /// <c>long</c>, <c>decimal</c>, <c>DateOnly</c>, <c>TimeOnly</c>, <c>DateTime</c>, <c>bool</c>, <c>Guid</c>,
    /// <c>byte[]</c>), checked when the model is built (DV1034).
    /// </summary>
    public object? Default { get; init; }
}

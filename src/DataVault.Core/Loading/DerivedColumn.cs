using DataVault.Core.Modeling;

namespace DataVault.Core.Loading;

/// <summary>A column computed from each source row (see <see cref="SourceMapping.Derive"/>).</summary>
/// <param name="Name">The column name, as the model knows it.</param>
/// <param name="Type">Its type; the computed value is converted to it like a reader value.</param>
/// <param name="Compute">Computes the value from the row.</param>
public sealed record DerivedColumn(string Name, DataType Type, Func<SourceRow, object?> Compute);

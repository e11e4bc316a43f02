namespace DataVault.Core.Sql;

/// <summary>A secondary index of a table the dialects create.</summary>
/// <param name="Name">The index name (unique in its schema on most engines).</param>
/// <param name="Columns">The indexed columns, in order.</param>
public sealed record IndexDefinition(string Name, IReadOnlyList<string> Columns);

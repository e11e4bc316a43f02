namespace DataVault.Core.Execution;

/// <summary>The rows a query returned, read back as values: one array per row, <see langword="null"/> for SQL NULL.</summary>
/// <param name="Columns">The column names, in order.</param>
/// <param name="Rows">The rows, one value per column, as the provider returns them.</param>
public sealed record SqlQueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

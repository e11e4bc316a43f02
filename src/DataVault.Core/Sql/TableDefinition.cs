namespace DataVault.Core.Sql;

/// <summary>A table the dialects create: columns, primary key, foreign keys and the indexes a load needs.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="PrimaryKey">The primary-key columns (empty for staging tables).</param>
/// <param name="ForeignKeys">Foreign keys: the local column and the referenced table and column.</param>
/// <param name="Indexes">Secondary indexes: a name and the columns.</param>
public sealed record TableDefinition(
    string Name,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<(string Column, string Table, string ReferencedColumn)> ForeignKeys,
    IReadOnlyList<(string Name, IReadOnlyList<string> Columns)> Indexes);

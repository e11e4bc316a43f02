namespace DataVault.Core.Sql;

/// <summary>A table the dialects create: columns, primary key, foreign keys and the indexes a load needs.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="PrimaryKey">The primary-key columns (empty for staging tables).</param>
/// <param name="ForeignKeys">The foreign keys.</param>
/// <param name="Indexes">The secondary indexes.</param>
public sealed record TableDefinition(
    string Name,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<ForeignKeyDefinition> ForeignKeys,
    IReadOnlyList<IndexDefinition> Indexes)
{
    /// <summary>The database schema the table is in, or <see langword="null"/> for the connection's default schema.</summary>
    public string? Schema { get; init; }

    /// <summary>A table with columns only: no keys, no indexes (a staging table, a bookkeeping table without a key).</summary>
    /// <param name="name">The table name.</param>
    /// <param name="columns">The columns.</param>
    /// <returns>The definition.</returns>
    public static TableDefinition Plain(string name, IReadOnlyList<TableColumn> columns) => new(name, columns, [], [], []);

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">The table has no such column.</exception>
    public TableColumn Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) ?? throw new ArgumentException($"Table '{Name}' has no column '{name}'.", nameof(name));
}

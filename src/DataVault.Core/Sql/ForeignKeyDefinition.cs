namespace DataVault.Core.Sql;

/// <summary>A foreign key of a table the dialects create.</summary>
/// <param name="Column">The local column.</param>
/// <param name="ReferencedTable">The referenced table.</param>
/// <param name="ReferencedColumn">The referenced column (its primary key).</param>
public sealed record ForeignKeyDefinition(string Column, string ReferencedTable, string ReferencedColumn)
{
    /// <summary>The schema of the referenced table, or <see langword="null"/> for the default schema.</summary>
    public string? ReferencedSchema { get; init; }
}

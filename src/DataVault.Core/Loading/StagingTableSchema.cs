namespace DataVault.Core.Loading;

/// <summary>A staging table the loader fills: its name, whether it is temporary, and its columns in row order.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Temporary">Whether it is a temporary (session) table.</param>
/// <param name="Columns">The columns; every staged row holds one value per column, in this order.</param>
public sealed record StagingTableSchema(string Name, bool Temporary, IReadOnlyList<StagingColumn> Columns)
{
    /// <summary>
    /// The database schema of a table that is not temporary (a rehash writes its key maps and copies in the vault's
    /// schema), or <see langword="null"/> for the default schema; a writer addresses the table as
    /// <see cref="Sql.SqlQuoter.QuoteTable"/> writes it.
    /// </summary>
    public string? DatabaseSchema { get; init; }
}

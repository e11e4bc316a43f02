namespace DataVault.Core.Loading;

/// <summary>A staging table the loader fills: its name, whether it is temporary, and its columns in row order.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Temporary">Whether it is a temporary (session) table.</param>
/// <param name="Columns">The columns; every staged row holds one value per column, in this order.</param>
public sealed record StagingTableSchema(string Name, bool Temporary, IReadOnlyList<StagingColumn> Columns);

namespace DataVault.Core.Sql;

/// <summary>One of a satellite's views (its history view, a reference satellite's current view): name, columns in order, and the statement that creates it.</summary>
/// <param name="Name">The view's name.</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="Create">The statement that creates (or replaces) it.</param>
internal sealed record SatelliteView(string Name, IReadOnlyList<string> Columns, SqlStatement Create);

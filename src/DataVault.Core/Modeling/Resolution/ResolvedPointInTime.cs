namespace DataVault.Core.Modeling.Resolution;

/// <summary>A declared point-in-time table, named, its hub and satellites resolved and, unless refused or without a hub, built.</summary>
/// <param name="Declaration">Its name, path, table and refusal.</param>
/// <param name="Builder">The declaration as written (hubs, satellites).</param>
/// <param name="Hub">Its hub and how it resolved.</param>
/// <param name="Coverage">Whether it lists its satellites or covers its hub's.</param>
/// <param name="Listed">The listed satellites, in listed order, with their outcomes (empty unless <see cref="PitCoverage.Listed"/>).</param>
/// <param name="Columns">The chosen satellites with their load-date columns, in column order.</param>
/// <param name="PointInTime">The PIT, or <see langword="null"/> when refused or when its hub did not resolve.</param>
internal sealed record ResolvedPointInTime(
    Declaration Declaration,
    PointInTimeBuilder Builder,
    ResolvedReference<Hub> Hub,
    PitCoverage Coverage,
    IReadOnlyList<ResolvedReference<Satellite>> Listed,
    IReadOnlyList<PointInTimeSatellite> Columns,
    PointInTime? PointInTime);

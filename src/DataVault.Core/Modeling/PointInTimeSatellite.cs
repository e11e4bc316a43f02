namespace DataVault.Core.Modeling;

/// <summary>One satellite of a <see cref="PointInTime"/> table and the PIT column that holds its version's load date.</summary>
/// <param name="Satellite">The satellite (it describes the PIT's hub).</param>
/// <param name="LoadDateColumn">The PIT column, e.g. <c>sat_customer_details_load_date</c>.</param>
public sealed record PointInTimeSatellite(Satellite Satellite, string LoadDateColumn);

namespace DataVault.Core.Modeling.Resolution;

/// <summary>How a point-in-time table's satellites were chosen.</summary>
internal enum PitCoverage
{
    /// <summary>The PIT lists its satellites (<c>p.Satellites(...)</c>).</summary>
    Listed,

    /// <summary>The PIT lists none: it covers every satellite of its hub.</summary>
    EverySatelliteOfHub,

    /// <summary>The PIT lists none and no satellite is declared on its hub (DV1064).</summary>
    HubHasNoSatellite,
}

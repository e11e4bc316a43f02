using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>The table definitions of a model's vault, in dependency order: hubs, links, satellites, point-in-time tables.</summary>
internal static class VaultTables
{
    /// <summary>Every table of <paramref name="model"/> as <paramref name="dialect"/> defines it.</summary>
    public static TableDefinition[] Of(SqlDialect dialect, DataVaultModel model, DdlOptions options) =>
    [
        .. model.Hubs.Select(h => dialect.HubTable(h, options)),
        .. model.Links.Select(l => dialect.LinkTable(l, options)),
        .. model.Satellites.Select(s => dialect.SatelliteTable(s, options)),
        .. model.ExtendedTrackings.Select(x => dialect.ExtendedTrackingTable(x, options)),
        .. model.PointInTimes.Select(p => dialect.PitTable(p, options)),
    ];
}

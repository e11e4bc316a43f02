namespace DataVault.Core.Rehashing;

/// <summary>What one step of a rehash does (docs/changing-the-model.md#rehashing).</summary>
public enum RehashStepKind
{
    /// <summary>Computes every key of a hub under the target standard from its stored business keys into the hub's key map.</summary>
    MapHubKeys,

    /// <summary>Computes every key of a link from its hubs' business keys and its dependent child keys into the link's key map.</summary>
    MapLinkKeys,

    /// <summary>Writes a hub's rows with their new keys into its scratch table.</summary>
    CopyHub,

    /// <summary>Writes a link's rows with its new key and its hubs' new keys into its scratch table.</summary>
    CopyLink,

    /// <summary>Writes a satellite's rows with the parent's new key and a hash diff computed again from the stored attributes.</summary>
    CopySatellite,

    /// <summary>Writes a point-in-time table's rows with the hub's new keys.</summary>
    CopyPointInTime,

    /// <summary>
    /// Checks that no rows arrived since their table was read, drops the vault's tables and views, creates them as the
    /// target model says and fills them from the scratch tables — in one transaction where the engine's DDL is.
    /// </summary>
    Swap,

    /// <summary>Drops the scratch tables; the key maps stay.</summary>
    Cleanup,
}

namespace DataVault.Core.Modeling;

/// <summary>
/// A point-in-time (PIT) table over a hub and some of its satellites: for every hub key and every daily snapshot
/// date <c>D</c>, the load date of each satellite's version that was current at the end of day <c>D</c> — the latest
/// one loaded before <c>D + 1 day, 00:00</c> (UTC), or NULL when the key had no version yet. Joining a PIT row to the
/// satellites on (hash key, load date) gives the key's attributes as of that day with equality joins only.
/// </summary>
/// <remarks>Built set-based by <see cref="Sql.SqlDialect.BuildPit"/> and run by <see cref="BusinessVault.PitRefresher"/>.</remarks>
public sealed class PointInTime
{
    internal PointInTime(string name, string tableName, Hub hub, IReadOnlyList<PointInTimeSatellite> satellites, NamingConventions naming)
    {
        Name = name;
        TableName = tableName;
        Hub = hub;
        Satellites = [.. satellites];
        SnapshotDateColumn = naming.SnapshotDate;
    }

    /// <summary>The PIT's name in the model, e.g. <c>customer</c>.</summary>
    public string Name { get; }

    /// <summary>The table name, e.g. <c>pit_customer</c>.</summary>
    public string TableName { get; }

    /// <summary>The database schema of its table (the business vault's, <see cref="VaultSchemas.BusinessVault"/>), or <see langword="null"/> for the default schema.</summary>
    public string? Schema { get; internal set; }

    /// <summary>The hub whose keys are snapshotted.</summary>
    public Hub Hub { get; }

    /// <summary>The hub's hash-key column, the first column of the PIT's primary key.</summary>
    public string HashKeyColumn => Hub.HashKeyColumn;

    /// <summary>The snapshot date column (a date), the second column of the primary key.</summary>
    public string SnapshotDateColumn { get; }

    /// <summary>The satellites, each with its load-date column, in column order.</summary>
    public IReadOnlyList<PointInTimeSatellite> Satellites { get; }

    /// <summary>A short path for diagnostics and diagrams: <c>pit:customer</c>.</summary>
    public string Path => "pit:" + Name;
}

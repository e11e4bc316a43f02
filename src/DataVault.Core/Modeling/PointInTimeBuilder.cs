namespace DataVault.Core.Modeling;

/// <summary>Configures one point-in-time (PIT) table of a <see cref="DataVaultModelBuilder"/>.</summary>
public sealed class PointInTimeBuilder
{
    internal PointInTimeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal List<string> Hubs { get; } = [];

    internal List<string> SatelliteNames { get; } = [];

    internal string? Table { get; private set; }

    /// <summary>Declares the hub whose keys the PIT snapshots.</summary>
    /// <param name="hubName">The hub's model name.</param>
    /// <returns>This builder.</returns>
    public PointInTimeBuilder OnHub(string hubName)
    {
        ArgumentNullException.ThrowIfNull(hubName);
        Hubs.Add(hubName);
        return this;
    }

    /// <summary>
    /// The satellites of the hub the PIT covers, one load-date column each, in this order. Without this call the PIT
    /// covers every satellite of the hub, in declared order.
    /// </summary>
    /// <param name="satelliteNames">The satellites' model names; each must describe the PIT's hub.</param>
    /// <returns>This builder.</returns>
    public PointInTimeBuilder Satellites(params string[] satelliteNames)
    {
        ArgumentNullException.ThrowIfNull(satelliteNames);
        foreach (var name in satelliteNames)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(satelliteNames));
            SatelliteNames.Add(name);
        }

        return this;
    }

    /// <summary>Names the table explicitly instead of by the naming conventions.</summary>
    /// <param name="tableName">The table name.</param>
    /// <returns>This builder.</returns>
    public PointInTimeBuilder ToTable(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        Table = tableName;
        return this;
    }
}

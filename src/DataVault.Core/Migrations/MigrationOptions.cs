namespace DataVault.Core.Migrations;

/// <summary>What a migration (<see cref="Loading.VaultLoader.MigrateAsync"/>) may do beyond additive changes.</summary>
public sealed record MigrationOptions
{
    /// <summary>The defaults: additive changes only.</summary>
    public static MigrationOptions Default { get; } = new();

    /// <summary>
    /// Drop a satellite column the model no longer declares. Its values are lost (history included); off by default,
    /// when such a column is a refusal of the plan.
    /// </summary>
    public bool AllowDroppingColumns { get; init; }
}

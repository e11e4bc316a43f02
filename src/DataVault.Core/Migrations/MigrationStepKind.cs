namespace DataVault.Core.Migrations;

/// <summary>What a step of a <see cref="MigrationPlan"/> does.</summary>
public enum MigrationStepKind
{
    /// <summary>Drops a satellite's history view before its table changes (it is created again afterwards).</summary>
    DropView,

    /// <summary>Adds a nullable column the model declares to a satellite table: <c>ALTER TABLE … ADD</c>.</summary>
    AddColumn,

    /// <summary>Drops a column the model no longer declares (only with <see cref="MigrationOptions.AllowDroppingColumns"/>).</summary>
    DropColumn,

    /// <summary>Creates a satellite's history view again, with the table's new columns.</summary>
    CreateView,

    /// <summary>
    /// Drops a point-in-time table whose shape changed; the migration creates it again with the model's shape. Its rows
    /// are derived from the satellites: build it again (<see cref="Sql.SqlDialect.BuildPit"/>).
    /// </summary>
    RecreatePointInTime,

    /// <summary>Creates a secondary index of the model that the table lacks (indexes hold no data: always additive).</summary>
    CreateIndex,
}

namespace DataVault.Core.Drift;

/// <summary>How a table in the database differs from the table the model declares.</summary>
public enum DriftKind
{
    /// <summary>The model has the column; the table in the database does not (e.g. an attribute added to a satellite).</summary>
    MissingColumn,

    /// <summary>The table in the database has a column the model does not declare (e.g. an attribute removed from the model).</summary>
    UnexpectedColumn,

    /// <summary>The column exists on both sides, but one is NOT NULL and the other is not.</summary>
    NullabilityDiffers,

    /// <summary>
    /// The column exists on both sides with another type (e.g. <c>VARCHAR(20)</c> in the database, <c>VARCHAR(30)</c> in
    /// the model), compared as the engine reports it (<see cref="Sql.SqlDialect.SameColumnType"/>).
    /// </summary>
    TypeDiffers,

    /// <summary>The table's primary key has other columns (or another order) than the model's, or there is none.</summary>
    PrimaryKeyDiffers,

    /// <summary>A secondary index of the model is not on the table (<see cref="DriftDifference.Column"/> is the index's name, <see cref="DriftDifference.Expected"/> its columns).</summary>
    MissingIndex,

    /// <summary>An index of the model's name covers other columns in the database.</summary>
    IndexDiffers,

    /// <summary>A foreign key of the model is not on the table (<see cref="DriftDifference.Column"/> is its column, <see cref="DriftDifference.Expected"/> what it refers to).</summary>
    MissingForeignKey,

    /// <summary>
    /// A satellite's history view has other columns than the satellite's (<see cref="DriftDifference.Table"/> is the
    /// view): made by an earlier version or by hand. Views hold no data; ensure and a migration create it again.
    /// </summary>
    ViewDiffers,
}

namespace DataVault.Core.Drift;

/// <summary>
/// The result of comparing the model's tables with the live database (<see cref="Loading.VaultLoader.DetectDriftAsync"/>):
/// the tables still to be created, and every difference in the tables that exist: columns, nullability, types (where
/// the engine is read for them) and primary keys (docs/changing-the-model.md).
/// </summary>
public sealed class VaultDriftReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="checkedTables">The model's tables that were compared, in model order.</param>
    /// <param name="missingTables">The model's tables the database does not have yet (<see cref="Loading.VaultLoader.EnsureVaultAsync"/> creates them).</param>
    /// <param name="differences">The differences in the tables that exist.</param>
    public VaultDriftReport(IReadOnlyList<string> checkedTables, IReadOnlyList<string> missingTables, IReadOnlyList<DriftDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(checkedTables);
        ArgumentNullException.ThrowIfNull(missingTables);
        ArgumentNullException.ThrowIfNull(differences);
        CheckedTables = checkedTables;
        MissingTables = missingTables;
        Differences = differences;
    }

    /// <summary>The model's tables that were compared, in model order.</summary>
    public IReadOnlyList<string> CheckedTables { get; }

    /// <summary>The model's tables the database does not have yet; not drift, they are simply created.</summary>
    public IReadOnlyList<string> MissingTables { get; }

    /// <summary>The differences in the tables that exist, table by table in model order.</summary>
    public IReadOnlyList<DriftDifference> Differences { get; }

    /// <summary>Whether any existing table differs from the model.</summary>
    public bool HasDrift => Differences.Count > 0;

    /// <summary>The report as text: one line per difference, or a line saying there is none.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => HasDrift
        ? $"{Differences.Count} difference(s) between the model and the database:{Environment.NewLine}" + string.Join(Environment.NewLine, Differences.Select(d => "  - " + d))
        : $"No drift: {CheckedTables.Count - MissingTables.Count} of {CheckedTables.Count} table(s) exist and match the model.";
}

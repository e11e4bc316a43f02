using DataVault.Core.Drift;
using DataVault.Core.Sql;

namespace DataVault.Core.Migrations;

/// <summary>
/// What a migration would do to bring the database to the model (<see cref="Loading.VaultLoader.PlanMigrationAsync"/>):
/// the ordered steps, and the differences it refuses. Missing tables are not steps: the migration ends with
/// <see cref="Loading.VaultLoader.EnsureVaultAsync"/>, which creates them.
/// </summary>
public sealed class MigrationPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="drift">The drift the plan resolves.</param>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="refusals">The differences the plan does not resolve.</param>
    public MigrationPlan(VaultDriftReport drift, IReadOnlyList<MigrationStep> steps, IReadOnlyList<MigrationRefusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(drift);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(refusals);
        Drift = drift;
        Steps = steps;
        Refusals = refusals;
    }

    /// <summary>The drift the plan was made from.</summary>
    public VaultDriftReport Drift { get; }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<MigrationStep> Steps { get; }

    /// <summary>The differences the plan does not resolve; while there is one, nothing is applied.</summary>
    public IReadOnlyList<MigrationRefusal> Refusals { get; }

    /// <summary>Whether the plan can be applied: it refuses nothing.</summary>
    public bool CanApply => Refusals.Count == 0;

    /// <summary>Every statement of every step, in order.</summary>
    public IReadOnlyList<SqlStatement> Statements => [.. Steps.SelectMany(s => s.Statements)];

    /// <summary>The plan as text: the steps, the refusals, and the tables still to be created.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var nl = Environment.NewLine;
        var lines = new List<string>();
        lines.Add(Steps.Count == 0 ? "No step: no existing table needs a change." : $"{Steps.Count} step(s):");
        lines.AddRange(Steps.Select((s, i) => $"  {i + 1}. {s.Description}"));
        if (Refusals.Count > 0)
        {
            lines.Add($"{Refusals.Count} difference(s) refused; nothing is applied while one is left:");
            lines.AddRange(Refusals.Select(r => "  - " + r));
        }

        if (Drift.MissingTables.Count > 0)
        {
            lines.Add($"Then created: {string.Join(", ", Drift.MissingTables)}.");
        }

        return string.Join(nl, lines);
    }
}

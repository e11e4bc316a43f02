using DataVault.Core.Sql;

namespace DataVault.Core.Migrations;

/// <summary>One step of a <see cref="MigrationPlan"/>: what it does, to which table, and its statements.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Table">The table (or view) it changes.</param>
/// <param name="Description">One line for a report, e.g. <c>add column loyalty_tier VARCHAR(30) NULL to sat_customer_details (hash-neutral: …)</c>.</param>
/// <param name="Statements">The statements, in order.</param>
public sealed record MigrationStep(MigrationStepKind Kind, string Table, string Description, IReadOnlyList<SqlStatement> Statements)
{
    /// <summary>The description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;
}

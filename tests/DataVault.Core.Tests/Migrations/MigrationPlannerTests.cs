using DataVault.Core.Drift;
using DataVault.Core.Hashing;
using DataVault.Core.Migrations;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Migrations;

/// <summary>The planner alone: drift in, steps and refusals out (the engines run the plans in the integration tests).</summary>
public class MigrationPlannerTests
{
    private static readonly SqlDialect Dialect = SqlDialects.PostgreSql;

    private static DataVaultModel Model(HashingStandard standard, params string[] attributes) => new DataVaultModelBuilder()
        .UseHashingStandard(standard)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s =>
        {
            s.OnHub("customer");
            foreach (var attribute in attributes)
            {
                s.Attribute(attribute, DataType.String(30));
            }
        })
        .Build(Dialect);

    private static MigrationPlan Plan(DataVaultModel model, params DriftDifference[] differences) =>
        MigrationPlanner.Plan(model, Dialect, DdlOptions.Default, new VaultDriftReport(["hub_customer", "sat_customer_details"], [], differences), MigrationOptions.Default);

    private static DriftDifference Missing(string column) => new("sat_customer_details", column, DriftKind.MissingColumn, "VARCHAR(30) NULL", null);

    [Fact]
    public void An_attribute_appended_after_every_stored_one_is_hash_neutral_under_the_default_standard()
    {
        var plan = Plan(Model(HashingStandards.Default, "name", "city", "tier"), Missing("tier"));
        plan.CanApply.Should().BeTrue();
        plan.Steps.Single(s => s.Kind == MigrationStepKind.AddColumn).Description.Should().Contain("(hash-neutral: dv2-default-v1");
        plan.Statements.Select(s => s.Text).Should().ContainInOrder(
            "DROP VIEW IF EXISTS \"v_sat_customer_details_history\"",
            "ALTER TABLE \"sat_customer_details\" ADD \"tier\" VARCHAR(30) NULL");
    }

    [Fact]
    public void An_attribute_inserted_before_a_stored_one_changes_every_diff_even_under_the_default_standard()
    {
        var plan = Plan(Model(HashingStandards.Default, "name", "tier", "city"), Missing("tier"));
        plan.Steps.Single(s => s.Kind == MigrationStepKind.AddColumn).Description.Should().Contain("NOT hash-neutral under dv2-default-v1");
    }

    [Fact]
    public void A_hub_difference_a_not_null_column_and_a_nullability_difference_are_refused_and_nothing_is_planned_for_them()
    {
        var plan = Plan(
            Model(HashingStandards.Default, "name"),
            new DriftDifference("hub_customer", "region", DriftKind.UnexpectedColumn, null, "NULL"),
            new DriftDifference("sat_customer_details", "record_source", DriftKind.MissingColumn, "VARCHAR(100) NOT NULL", null),
            new DriftDifference("sat_customer_details", "name", DriftKind.NullabilityDiffers, "NULL", "NOT NULL"));
        plan.CanApply.Should().BeFalse();
        plan.Steps.Should().BeEmpty();
        plan.Refusals.Select(r => r.Difference.Column).Should().Equal("region", "record_source", "name");
        plan.ToString().Should().Contain("3 difference(s) refused; nothing is applied while one is left");
    }
}

using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Rehashing;
using DataVault.Core.Sql;
using DataVault.Core.Tests.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Migrations;

/// <summary>The rehash planner alone: which targets are the same vault under other standards, and the steps (the engines run them in the integration tests).</summary>
public class RehashPlannerTests
{
    private static RehashPlan Plan(SqlDialect dialect, DataVaultModel source, DataVaultModel target) => RehashPlanner.Plan(dialect, DdlOptions.Default, source, target);

    [Fact]
    public void The_steps_map_hub_keys_then_link_keys_then_copy_every_table_then_swap_and_clean_up()
    {
        var dialect = SqlDialects.PostgreSql;
        var plan = Plan(dialect, ConformanceScenarios.Model(dialect), ConformanceScenarios.Model(dialect, HashingStandards.AutomateDv));

        plan.Steps.Select(s => (s.Kind, s.Table)).Should().Equal(
            (RehashStepKind.MapHubKeys, "hub_customer"),
            (RehashStepKind.MapHubKeys, "hub_product"),
            (RehashStepKind.MapLinkKeys, "link_sale"),
            (RehashStepKind.CopyHub, "hub_customer"),
            (RehashStepKind.CopyHub, "hub_product"),
            (RehashStepKind.CopyLink, "link_sale"),
            (RehashStepKind.CopySatellite, "sat_customer_details"),
            (RehashStepKind.CopySatellite, "sat_sale_metrics"),
            (RehashStepKind.Swap, "vault"),
            (RehashStepKind.Cleanup, "vault"));
        plan.Steps.Select(s => s.Number).Should().Equal(Enumerable.Range(1, 10));
        plan.KeyMapTables.Should().Equal("dv_keymap_hub_customer", "dv_keymap_hub_product", "dv_keymap_link_sale");
        plan.Entities.Should().ContainEquivalentOf(new RehashedEntity("sat:customer_details", "sat_customer_details", "dv2-default-v1", "automatedv-0.11-v1"));
        plan.ToString().Should().Contain("hub:customer: dv2-default-v1 -> automatedv-0.11-v1").And.Contain("1. map the keys of hub_customer into dv_keymap_hub_customer");
    }

    [Fact]
    public void The_fingerprint_names_the_move_so_another_target_is_another_rehash()
    {
        var dialect = SqlDialects.Sqlite;
        var source = ConformanceScenarios.Model(dialect);
        var toAutomateDv = Plan(dialect, source, ConformanceScenarios.Model(dialect, HashingStandards.AutomateDv));
        Plan(dialect, source, ConformanceScenarios.Model(dialect, HashingStandards.AutomateDv)).Fingerprint.Should().Be(toAutomateDv.Fingerprint);
        Plan(dialect, source, ConformanceScenarios.Model(dialect, HashingStandards.DataVault4Dbt)).Fingerprint.Should().NotBe(toAutomateDv.Fingerprint);
        Plan(dialect, source, ConformanceScenarios.Model(dialect, HashingStandards.Default with { Id = "dv2-default-v1", KeyCasing = TextCasing.Preserve }))
            .Fingerprint.Should().NotBe(Plan(dialect, source, source).Fingerprint, "a standard is its rules, not only its id");
    }

    [Fact]
    public void A_target_that_is_not_the_same_vault_is_refused_with_every_difference()
    {
        var dialect = SqlDialects.Sqlite;
        var source = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(100)))
            .Satellite("customer_contact", s => s.OnHub("customer").Attribute("email", DataType.String(100)))
            .Build(dialect);
        var target = new DataVaultModelBuilder()
            .UseHashingStandard(HashingStandards.AutomateDv)
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(30)))
            .Hub("store", h => h.BusinessKey("store_id", DataType.String(10)))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(100)).Attribute("tier", DataType.String(10)))
            .Build(dialect);

        var plan = () => Plan(dialect, source, target);

        var message = plan.Should().Throw<DataVaultRehashException>().Which.Message;
        message.Should().Contain("nothing was changed")
            .And.Contain("hub:customer: column customer_id is VARCHAR(30)")
            .And.Contain("sat:customer_details: the target model's columns")
            .And.Contain("sat:customer_contact is not in the target model")
            .And.Contain("hub:store is only in the target model");
    }

    [Fact]
    public void Key_map_and_scratch_names_of_long_tables_stay_within_the_engines_limit_and_apart()
    {
        var dialect = SqlDialects.PostgreSql;
        var longName = new string('c', 52);
        var model = new DataVaultModelBuilder()
            .Hub(longName + "_a", h => h.BusinessKey("id", DataType.Int))
            .Hub(longName + "_b", h => h.BusinessKey("id", DataType.Int))
            .Build(dialect);

        var plan = Plan(dialect, model, new DataVaultModelBuilder().UseHashingStandard(HashingStandards.AutomateDv)
            .Hub(longName + "_a", h => h.BusinessKey("id", DataType.Int))
            .Hub(longName + "_b", h => h.BusinessKey("id", DataType.Int))
            .Build(dialect));

        plan.KeyMapTables.Should().OnlyContain(n => n.Length <= dialect.MaxIdentifierLength).And.OnlyHaveUniqueItems();
        plan.KeyMapTables.Should().OnlyContain(n => n.StartsWith("dv_keymap_", StringComparison.Ordinal));
        plan.KeyMapTables.Should().Contain(n => n.Length == dialect.MaxIdentifierLength, "hub_ + 52 + _a after dv_keymap_ is 68 bytes: shortened with a hash");
    }

    [Fact]
    public void A_page_holds_at_least_one_row()
    {
        var options = () => new RehashOptions { PageSize = 0 };
        options.Should().Throw<ArgumentOutOfRangeException>();
        RehashOptions.Default.PageSize.Should().Be(10_000);
    }
}

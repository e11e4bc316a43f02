using Dapper;
using DataVault.Core.BusinessVault;
using DataVault.Core.Drift;
using DataVault.Core.Execution;
using DataVault.Core.Loading;
using DataVault.Core.Migrations;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Migrations on a loaded vault: a new satellite attribute is added in place (hash-neutral, history kept, the view
/// shows it), a new satellite and a PIT whose shape changed follow, and what would lose data is refused before
/// anything changes.
/// </summary>
public abstract class MigrationScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    /// <summary>A customer row of the later model: customer_details gained <c>loyalty_tier</c>.</summary>
    public sealed record CustomerRowV2(string CustomerId, string Name, DateOnly? BirthDate, decimal CreditLimit, string? LoyaltyTier);

    private static IEnumerable<LoaderScenarios<TFixture>.CustomerRow> Customers(string version) =>
        [new("C1", "Ada " + version, null, 10), new("C2", "Bob", null, 20)];

    /// <summary>A vault of the first model with two customers, C1 changed once (three versions in all).</summary>
    private async Task<LoaderHarness> LoadedVaultAsync()
    {
        var h = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await Later(h, customerPit: true, customerContact: true).DropVaultAsync(); // every table any test creates
        await h.Loader().EnsureVaultAsync();
        await h.Loader().LoadAsync(new LoadBatch("day 1", "test") { LoadDate = Day1 }.AddObjects("customers", Customers("v1")));
        await h.Loader().LoadAsync(new LoadBatch("day 2", "test") { LoadDate = Day2 }.AddObjects("customers", Customers("v2")));
        return h;
    }

    private static VaultLoader Later(LoaderHarness h, string? attribute = "loyalty_tier", bool customerPit = false, bool customerContact = false) =>
        new(h.Connection, h.Dialect, TestModels.Retail(h.Dialect, extraCustomerAttribute: attribute, customerPit: customerPit, customerContact: customerContact), LoadOptions.Default);

    [Fact]
    public async Task A_new_attribute_is_added_in_place_hash_neutrally_and_the_history_and_view_keep_every_version()
    {
        await using var h = await LoadedVaultAsync();
        var before = await h.SnapshotAsync();
        var later = Later(h);

        var plan = await later.PlanMigrationAsync();
        plan.CanApply.Should().BeTrue(plan.ToString());
        plan.Steps.Select(s => s.Kind).Should().Equal(MigrationStepKind.DropView, MigrationStepKind.AddColumn, MigrationStepKind.CreateView);
        plan.Steps[1].Description.Should().StartWith("add column loyalty_tier").And.Contain("hash-neutral: dv2-default-v1");
        var ensure = () => later.EnsureVaultAsync();
        await ensure.Should().ThrowAsync<DataVaultDriftException>("the plan is only a plan");

        var applied = await later.MigrateAsync();
        applied.Steps.Should().HaveCount(3);
        (await later.DetectDriftAsync()).HasDrift.Should().BeFalse();
        (await h.SnapshotAsync()).Should().Equal(before, "a migration adds columns, never rows");
        (await later.MigrateAsync()).Steps.Should().BeEmpty("a second migration has nothing left to do");

        // Hash-neutral: the same attributes with the new one still empty are no change; a value in it is one.
        await later.LoadAsync(new LoadBatch("day 3", "test") { LoadDate = Day3 }.AddObjects("customers", new CustomerRowV2[]
        {
            new("C1", "Ada v2", null, 10, "gold"),
            new("C2", "Bob", null, 20, null),
        }));
        (await h.CountAsync("sat_customer_details")).Should().Be(before["sat_customer_details"] + 1, "only C1 changed");
        var tiers = (await h.Connection.QueryAsync<string?>(
            $"SELECT {h.Q("loyalty_tier")} FROM {h.Q(h.Dialect.SatelliteViewName(later.Model.Satellites.Single(s => s.Name == "customer_details")))} ORDER BY {h.Q("load_date")}")).ToList();
        tiers.Should().HaveCount(4).And.ContainSingle(t => t == "gold", "the view was created again with the new column");
    }

    [Fact]
    public async Task A_new_satellite_and_the_pit_over_it_follow_and_the_pit_is_built_again_with_its_new_shape()
    {
        await using var h = await LoadedVaultAsync();
        await Later(h, attribute: null, customerPit: true).MigrateAsync();
        var before = Later(h, attribute: null, customerPit: true);
        var pitBefore = before.Model.PointInTime("customer");
        await new PitRefresher(new VaultSession(h.Connection, h.Dialect)).RefreshAsync(pitBefore, DateOnly.FromDateTime(Day1), DateOnly.FromDateTime(Day2));

        var later = Later(h, attribute: null, customerPit: true, customerContact: true);
        var plan = await later.PlanMigrationAsync();
        plan.CanApply.Should().BeTrue(plan.ToString());
        plan.Drift.MissingTables.Should().Equal("sat_customer_contact");
        plan.Steps.Should().ContainSingle().Which.Kind.Should().Be(MigrationStepKind.RecreatePointInTime);

        await later.MigrateAsync();
        (await later.DetectDriftAsync()).Should().Match<VaultDriftReport>(r => !r.HasDrift && r.MissingTables.Count == 0);
        var pit = later.Model.PointInTime("customer");
        (await h.CountAsync(pit.TableName)).Should().Be(0, "the PIT's rows are derived: it is built again");
        var built = await new PitRefresher(new VaultSession(h.Connection, h.Dialect)).RefreshAsync(pit, DateOnly.FromDateTime(Day1), DateOnly.FromDateTime(Day2));
        built.RowsWritten.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_column_the_model_dropped_is_refused_unless_allowed_and_a_refused_plan_changes_nothing()
    {
        await using var h = await LoadedVaultAsync();
        await Later(h).MigrateAsync();
        var before = await h.SnapshotAsync();

        // Back to the first model: loyalty_tier is in the table only.
        var plan = await h.Loader().PlanMigrationAsync();
        plan.CanApply.Should().BeFalse();
        plan.Refusals.Should().ContainSingle().Which.Difference.Should().Match<DriftDifference>(d => d.Column == "loyalty_tier" && d.Kind == DriftKind.UnexpectedColumn);
        var migrate = () => h.Loader().MigrateAsync();
        (await migrate.Should().ThrowAsync<DataVaultMigrationException>()).Which.Message.Should().Contain("AllowDroppingColumns").And.Contain("nothing was changed");
        (await h.Loader().DetectDriftAsync()).Differences.Should().ContainSingle("the refused migration changed nothing");

        var dropped = await h.Loader().MigrateAsync(new MigrationOptions { AllowDroppingColumns = true });
        dropped.Steps.Select(s => s.Kind).Should().Equal(MigrationStepKind.DropView, MigrationStepKind.DropColumn, MigrationStepKind.CreateView);
        (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();
        (await h.SnapshotAsync()).Should().Equal(before, "dropping a column keeps every row");
        (await h.CustomerHistoryAsync("C1")).Select(v => v.Name).Should().Equal("Ada v1", "Ada v2");
    }

    [Fact]
    public async Task A_new_attribute_under_a_standard_that_keeps_trailing_nulls_is_flagged_as_not_hash_neutral()
    {
        await using var h = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        var first = new VaultLoader(h.Connection, h.Dialect, TestModels.Retail(h.Dialect, Core.Hashing.HashingStandards.AutomateDv), LoadOptions.Default);
        await Later(h, customerPit: true, customerContact: true).DropVaultAsync();
        await first.EnsureVaultAsync();
        var later = new VaultLoader(h.Connection, h.Dialect, TestModels.Retail(h.Dialect, Core.Hashing.HashingStandards.AutomateDv, "loyalty_tier"), LoadOptions.Default);
        var plan = await later.PlanMigrationAsync();
        plan.Steps.Single(s => s.Kind == MigrationStepKind.AddColumn).Description.Should().Contain("NOT hash-neutral");
    }

    [Fact]
    public async Task A_column_added_to_a_hub_by_hand_is_refused_as_a_change_of_its_keys()
    {
        await using var h = await LoadedVaultAsync();
        await h.Connection.ExecuteAsync($"ALTER TABLE {h.Q("hub_product")} ADD {h.Q("product_name")} {h.Dialect.Types.For(DataType.String(30)).Text} NULL");
        var plan = await h.Loader().PlanMigrationAsync();
        plan.Refusals.Should().ContainSingle().Which.Reason.Should().Contain("hub or link");
        plan.ToString().Should().Contain("table hub_product: column product_name is not in the model");
    }
}

using Dapper;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Scenarios;

/// <summary>
/// The same DDL and load scenarios on every real engine: each engine's test class derives from this one with its
/// fixture. Every test gets a fresh vault (the tables are dropped and created again).
/// </summary>
public abstract class VaultScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected static readonly DateTime Batch1 = new(2026, 11, 1, 8, 0, 0);
    protected static readonly DateTime Batch2 = new(2026, 11, 2, 8, 0, 0);
    protected static readonly DateTime Batch3 = new(2026, 11, 3, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    protected async Task<VaultHarness> NewVaultAsync()
    {
        var connection = await Fixture.OpenAsync();
        var model = TestModels.Retail(Fixture.Dialect);
        var harness = new VaultHarness(connection, Fixture.Dialect, model);
        await harness.ExecuteAsync(Fixture.Dialect.DropVault(model));
        await harness.CreateVaultAsync();
        return harness;
    }

    [Fact]
    public async Task Creating_the_vault_twice_is_idempotent_and_creates_every_table()
    {
        await using var vault = (await NewVaultAsync()).Connection;
        var harness = new VaultHarness(vault, Fixture.Dialect, TestModels.Retail(Fixture.Dialect));
        await harness.CreateVaultAsync();
        foreach (var table in new[] { "hub_customer", "hub_product", "link_sale", "sat_customer_details", "sat_sale_metrics" })
        {
            (await harness.CountAsync(table)).Should().Be(0, $"{table} exists and is empty");
        }
    }

    [Fact]
    public async Task A_hub_gets_each_new_key_once_with_its_first_load_date_and_source()
    {
        var harness = await NewVaultAsync();
        await using var _ = harness.Connection;
        var hub = harness.Model.Hub("customer");
        await harness.LoadHubAsync(hub, Batch1, "crm", ["C1"], ["c1 "], ["C2"]);
        await harness.LoadHubAsync(hub, Batch2, "shop", ["C2"], ["C3"], ["C3"]);

        var rows = (await harness.Connection.QueryAsync<(string Key, string Source)>(
            $"SELECT {Fixture.Dialect.QuoteIdentifier("customer_id")}, {Fixture.Dialect.QuoteIdentifier("record_source")} FROM {Fixture.Dialect.QuoteIdentifier("hub_customer")} ORDER BY 1")).ToList();
        rows.Should().HaveCount(3, "C1 and 'c1 ' are the same key after trimming and upper-casing, C2 and C3 arrive twice");
        // "C1" and "c1 " tie (same batch and source): which text is stored is arbitrary, so order by the standardised key.
        rows.OrderBy(r => r.Key.Trim().ToUpperInvariant(), StringComparer.Ordinal).Select(r => r.Source).Should().Equal("crm", "crm", "shop");
    }

    [Fact]
    public async Task A_satellite_keeps_A_B_A_as_three_versions_and_a_rerun_changes_nothing()
    {
        var harness = await NewVaultAsync();
        await using var _ = harness.Connection;
        var sat = harness.Model.Satellite("customer_details");
        object?[] key = ["C1"];
        object?[] a = ["Ann", new DateOnly(1990, 1, 2), 100m];
        object?[] b = ["Anne", new DateOnly(1990, 1, 2), 100m];
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch1, a));
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch2, b));
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch3, a));
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch3, a)); // rerun of batch 3
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch3.AddDays(1), a)); // unchanged later batch

        (await harness.CountAsync("sat_customer_details")).Should().Be(3);
    }

    [Fact]
    public async Task Several_ordered_changes_of_one_key_in_one_batch_each_become_a_version()
    {
        var harness = await NewVaultAsync();
        await using var _ = harness.Connection;
        var sat = harness.Model.Satellite("customer_details");
        object?[] key = ["C1"];
        await harness.LoadSatelliteAsync(sat, "crm",
            (key, Batch1, ["Ann", null, 1m]),
            (key, Batch1.AddTicks(10), ["Ann", null, 1m]),   // identical to its predecessor: no version
            (key, Batch1.AddTicks(20), ["Anne", null, 1m]),
            (key, Batch1.AddTicks(30), ["Ann", null, 1m]));

        (await harness.CountAsync("sat_customer_details")).Should().Be(3);
    }

    [Fact]
    public async Task End_dating_and_the_history_view_agree_on_the_current_version()
    {
        var harness = await NewVaultAsync();
        await using var _ = harness.Connection;
        var sat = harness.Model.Satellite("customer_details");
        object?[] key = ["C1"];
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch1, ["Ann", null, 1m]));
        await harness.LoadSatelliteAsync(sat, "crm", (key, Batch2, ["Anne", null, 1m]));
        await harness.ExecuteAsync(Fixture.Dialect.EndDateSatellite(sat, Core.Sql.StagingTable.For(sat.TableName)));

        var q = Fixture.Dialect.QuoteIdentifier;
        var ends = (await harness.Connection.QueryAsync<int>(
            $"SELECT CASE WHEN {q("load_end_date")} IS NULL THEN 0 ELSE 1 END FROM {q("sat_customer_details")} ORDER BY {q("load_date")}")).ToList();
        ends.Should().Equal(1, 0);
        var current = (await harness.Connection.QueryAsync<int>(
            $"SELECT {q("is_current")} FROM {q(Fixture.Dialect.SatelliteViewName(sat))} ORDER BY {q("load_date")}")).ToList();
        current.Should().Equal(0, 1);
    }

    [Fact]
    public async Task The_ghost_record_is_inserted_once_with_the_zero_key()
    {
        var harness = await NewVaultAsync();
        await using var _ = harness.Connection;
        var hub = harness.Model.Hub("product");
        await harness.ExecuteAsync(Fixture.Dialect.InsertGhostRecord(hub));
        await harness.ExecuteAsync(Fixture.Dialect.InsertGhostRecord(hub));
        (await harness.CountAsync("hub_product")).Should().Be(1);
    }
}

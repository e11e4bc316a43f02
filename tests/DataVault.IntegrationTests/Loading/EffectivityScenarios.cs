using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Effectivity satellites on the product–promotion link, fed by a full extract of the promotion each product is on now:
/// one driven by the product (at most one relationship in effect per product; moving ends the old one and starts the
/// new one at the same load date; A → B → A reopens A), and one without a driving key (each relationship on its own).
/// </summary>
public abstract class EffectivityScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime Day4 = new(2026, 11, 4, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record OnPromotion(string ProductId, string PromotionId);

    private DataVaultModel Model => new DataVaultModelBuilder()
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(10)))
        .Hub("promotion", h => h.BusinessKey("promotion_id", DataType.String(10)))
        .Link("product_promotion", l => l.Hub("product").Hub("promotion"))
        .Satellite("product_promotion_effectivity", s => s.OnLink("product_promotion").Effectivity(drivingKey: "product"))
        .Satellite("product_promotion_tracking", s => s.OnLink("product_promotion").Effectivity())
        .Build(Fixture.Dialect);

    private string Q(string name) => Fixture.Dialect.QuoteIdentifier(name);

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync()
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model, LoadOptions.Default with { EndDating = true });
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Extract(string name, DateTime day, params OnPromotion[] rows) =>
        new LoadBatch(name, "marketing") { LoadDate = day }.AddObjects("promotions_now", rows, m => m
            .FullExtractFor("sat_product_promotion_effectivity")
            .FullExtractFor("sat_product_promotion_tracking"));

    /// <summary>An effectivity satellite's rows: product, promotion, load date, load end date, is_active — in that order.</summary>
    private async Task<List<(string Product, string Promotion, DateTime LoadDate, DateTime? EndDate, string Active)>> RowsAsync(DbConnection connection, string table)
    {
        var rows = await connection.QueryAsync(
            $"SELECT p.{Q("product_id")}, m.{Q("promotion_id")}, s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q("is_active")} FROM {Q(table)} s " +
            $"JOIN {Q("link_product_promotion")} l ON l.{Q("link_product_promotion_hk")} = s.{Q("link_product_promotion_hk")} " +
            $"JOIN {Q("hub_product")} p ON p.{Q("hub_product_hk")} = l.{Q("hub_product_hk")} " +
            $"JOIN {Q("hub_promotion")} m ON m.{Q("hub_promotion_hk")} = l.{Q("hub_promotion_hk")} " +
            $"ORDER BY p.{Q("product_id")}, s.{Q("load_date")}, m.{Q("promotion_id")}");
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return ((string)v[0]!, (string)v[1]!, LoaderHarness.Timestamp(v[2])!.Value, LoaderHarness.Timestamp(v[3]), (string)v[4]!);
        })];
    }

    [Fact]
    public async Task A_driving_key_that_moves_ends_its_old_relationship_and_starts_the_new_one_and_moving_back_reopens_it()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        const string effectivity = "sat_product_promotion_effectivity";
        (await loader.LoadAsync(Extract("day 1", Day1, new OnPromotion("P1", "X"), new OnPromotion("P2", "Y")))).InsertedByTable[effectivity].Should().Be(2);
        (await loader.LoadAsync(Extract("day 1", Day1, new OnPromotion("P2", "Y"), new OnPromotion("P1", "X")))).InsertedByTable.GetValueOrDefault(effectivity).Should().Be(0, "a rerun changes nothing");
        (await loader.LoadAsync(Extract("day 2", Day2, new OnPromotion("P1", "Z"), new OnPromotion("P2", "Y")))).InsertedByTable[effectivity].Should().Be(2, "P1 moves from X to Z");
        (await loader.LoadAsync(Extract("day 3", Day3, new OnPromotion("P1", "X")))).InsertedByTable[effectivity].Should().Be(3, "P1 back on X, P2 on none");

        (await RowsAsync(connection, effectivity)).Should().Equal(
            ("P1", "X", Day1, Day2, "Y"), ("P1", "X", Day2, Day3, "N"), ("P1", "Z", Day2, Day3, "Y"),
            ("P1", "X", Day3, null, "Y"), ("P1", "Z", Day3, null, "N"),
            ("P2", "Y", Day1, Day3, "Y"), ("P2", "Y", Day3, null, "N"));

        // At every load date each product has at most one relationship in effect.
        var rows = await RowsAsync(connection, effectivity);
        foreach (var day in new[] { Day1, Day2, Day3 })
        {
            var open = rows.Where(r => r.LoadDate <= day && (r.EndDate is null || r.EndDate > day) && r.Active == "Y").GroupBy(r => r.Product);
            open.Should().OnlyContain(g => g.Count() == 1, $"on {day:yyyy-MM-dd}");
        }

        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Two_relationships_of_one_driving_key_in_an_extract_fail_the_batch_while_without_a_driving_key_both_are_in_effect()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Extract("day 1", Day1, new OnPromotion("P1", "X")));

        var twice = () => loader.LoadAsync(Extract("day 2", Day2, new OnPromotion("P2", "Y"), new OnPromotion("P1", "X"), new OnPromotion("P1", "W")));
        var error = (await twice.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Contain("sat_product_promotion_effectivity: the driving key hub_product_hk").And.Contain("promotions_now, row 2").And.Contain("promotions_now, row 3");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("link_product_promotion")}")).Should().Be(1, "the failed batch left no link row behind");

        // Tracked without a driving key, a product on two promotions is two relationships in effect.
        var tracking = new DataVaultModelBuilder()
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(10)))
            .Hub("promotion", h => h.BusinessKey("promotion_id", DataType.String(10)))
            .Link("product_promotion", l => l.Hub("product").Hub("promotion"))
            .Satellite("product_promotion_tracking", s => s.OnLink("product_promotion").Effectivity())
            .Build(Fixture.Dialect);
        var loose = new VaultLoader(connection, Fixture.Dialect, tracking, LoadOptions.Default with { EndDating = true });
        var both = new LoadBatch("day 2", "marketing") { LoadDate = Day2 }.AddObjects("promotions_now", [new OnPromotion("P1", "X"), new OnPromotion("P1", "W")], m => m.FullExtractFor("sat_product_promotion_tracking"));
        (await loose.LoadAsync(both)).InsertedByTable["sat_product_promotion_tracking"].Should().Be(1, "P1–X is in effect already, P1–W starts");
        (await RowsAsync(connection, "sat_product_promotion_tracking")).Where(r => r.EndDate is null).Select(r => (r.Promotion, r.Active)).Should().Equal(("X", "Y"), ("W", "Y"));
    }
}

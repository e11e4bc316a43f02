using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// An effectivity satellite driven by the product, fed by a delta of changes (<see cref="SourceMapping.ChangesFor"/>):
/// each row is the promotion a product is on from the row's timestamp. Several ordered changes of one product in one
/// batch (A → B → A), a rerun, a change to the promotion in effect, two promotions of one product at one time, a late
/// change, and the declarations a delta cannot be combined with.
/// </summary>
public abstract class EffectivityChangeScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private const string Effectivity = "sat_product_promotion_effectivity";
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime At9 = new(2026, 11, 1, 9, 0, 0);
    private static readonly DateTime At10 = new(2026, 11, 1, 10, 0, 0);
    private static readonly DateTime At11 = new(2026, 11, 1, 11, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record Move(DateTime? MovedAt, string ProductId, string PromotionId);

    public sealed record OnPromotion(string ProductId, string PromotionId);

    private DataVaultModel Model => new DataVaultModelBuilder()
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(10)))
        .Hub("promotion", h => h.BusinessKey("promotion_id", DataType.String(10)))
        .Link("product_promotion", l => l.Hub("product").Hub("promotion"))
        .Satellite("product_promotion_effectivity", s => s.OnLink("product_promotion").Effectivity(drivingKey: "product"))
        .Satellite("product_promotion_tracking", s => s.OnLink("product_promotion").Effectivity())
        .Build(Fixture.Dialect);

    private string Q(string name) => Fixture.Dialect.QuoteIdentifier(name);

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync(LoadOptions? options = null)
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model, options ?? LoadOptions.Default with { EndDating = true });
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Changes(string name, DateTime day, params Move[] moves) =>
        new LoadBatch(name, "marketing") { LoadDate = day }.AddObjects("moves", moves, m => m.ChangesFor(Effectivity).LoadDateFrom("MovedAt"));

    /// <summary>The effectivity rows: product, promotion, load date, load end date, is_active — in product, load-date and promotion order.</summary>
    private async Task<List<(string Product, string Promotion, DateTime LoadDate, DateTime? EndDate, string Active)>> RowsAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync(
            $"SELECT p.{Q("product_id")}, m.{Q("promotion_id")}, s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q("is_active")} FROM {Q(Effectivity)} s " +
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

    /// <summary>Per product, the promotions whose latest status at <paramref name="at"/> is active.</summary>
    private static Dictionary<string, List<string>> InEffect(List<(string Product, string Promotion, DateTime LoadDate, DateTime? EndDate, string Active)> rows, DateTime at) =>
        rows.Where(r => r.LoadDate <= at).GroupBy(r => (r.Product, r.Promotion)).Select(g => g.MaxBy(r => r.LoadDate))
            .Where(r => r.Active == "Y").GroupBy(r => r.Product).ToDictionary(g => g.Key, g => g.Select(r => r.Promotion).Order(StringComparer.Ordinal).ToList());

    [Fact]
    public async Task Ordered_changes_in_one_batch_end_and_start_relationships_in_order_and_a_rerun_changes_nothing()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var first = await loader.LoadAsync(Changes("day 1", Day1, new Move(null, "P1", "A"), new Move(null, "P2", "B")));
        first.InsertedByTable[Effectivity].Should().Be(2, "a first change of each product starts its relationship");
        first.InsertedByTable.GetValueOrDefault("sat_product_promotion_tracking").Should().Be(0, "a delta never feeds the effectivity satellite without a driving key");

        Move[] moves = [new(At11, "P1", "A"), new(At9, "P1", "B"), new(At10, "P2", "B")];
        var second = await loader.LoadAsync(Changes("day 2", Day2, moves));

        second.InsertedByTable[Effectivity].Should().Be(4, "P1: B starts and A ends at 9:00, A starts again and B ends at 11:00; P2 stays on B");
        (await RowsAsync(connection)).Should().Equal(
            ("P1", "A", Day1, At9, "Y"), ("P1", "A", At9, At11, "N"), ("P1", "B", At9, At11, "Y"), ("P1", "A", At11, null, "Y"), ("P1", "B", At11, null, "N"),
            ("P2", "B", Day1, null, "Y"));
        var rows = await RowsAsync(connection);
        foreach (var at in new[] { Day1, At9, At10, At11 })
        {
            InEffect(rows, at).Values.Should().OnlyContain(promotions => promotions.Count == 1, $"at {at:HH:mm} every product is on one promotion");
        }

        InEffect(rows, At11)["P1"].Should().Equal("A");
        (await loader.LoadAsync(Changes("day 2", Day2, moves))).InsertedByTable.GetValueOrDefault(Effectivity).Should().Be(0, "a rerun changes nothing");
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task A_delta_follows_a_full_extract_and_two_promotions_of_one_product_at_one_time_fail_the_batch()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(new LoadBatch("day 1", "marketing") { LoadDate = Day1 }.AddObjects("now", [new OnPromotion("P1", "A")], m => m.FullExtractFor(Effectivity)));
        (await loader.LoadAsync(Changes("day 2", Day2, new Move(null, "P1", "B")))).InsertedByTable[Effectivity].Should().Be(2, "A ends, B starts");

        var tied = () => loader.LoadAsync(Changes("tie", Day2.AddDays(1), new Move(At11.AddDays(2), "P1", "C"), new Move(At11.AddDays(2), "P1", "D")));
        (await tied.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("two different relationships of one driving key").And.Contain("moves, row 1").And.Contain("moves, row 2");
        var untimed = () => loader.LoadAsync(new LoadBatch("untimed", "marketing") { LoadDate = Day2.AddDays(1) }.AddObjects("moves", [new OnPromotion("P1", "C"), new OnPromotion("P1", "D")], m => m.ChangesFor(Effectivity)));
        await untimed.Should().ThrowAsync<DataVaultLoadException>("without timestamps nothing orders two changes of P1");
        (await RowsAsync(connection)).Should().HaveCount(3, "nothing of the failed batches is written");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("hub_promotion")} WHERE {Q("promotion_id")} IN ('C', 'D')")).Should().Be(0);
    }

    [Fact]
    public async Task A_late_change_is_refused_whatever_late_data_says_and_wrong_declarations_are_refused_before_loading()
    {
        var (connection, loader) = await VaultAsync(LoadOptions.Default with { EndDating = true, LateData = LateDataHandling.InsertInOrder });
        await using var _ = connection;
        await loader.LoadAsync(Changes("day 2", Day2, new Move(At11, "P1", "A")));
        var late = () => loader.LoadAsync(Changes("late", Day2, new Move(At9, "P1", "B")));
        (await late.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("late change").And.Contain("older than its stored status");
        (await RowsAsync(connection)).Should().ContainSingle();

        // An old change to the relationship in effect then changes nothing, so it is no late data.
        await loader.LoadAsync(Changes("day 3", Day2.AddDays(1), new Move(At11.AddDays(1), "P1", "B")));
        (await loader.LoadAsync(Changes("old no-op", Day2.AddDays(1), new Move(At11.AddHours(1), "P1", "A")))).InsertedByTable.GetValueOrDefault(Effectivity).Should().Be(0);
        (await RowsAsync(connection)).Should().HaveCount(3);

        var notDriven = () => loader.LoadAsync(new LoadBatch("x", "m") { LoadDate = Day2 }.AddObjects("moves", [new OnPromotion("P1", "A")], m => m.ChangesFor("sat_product_promotion_tracking")));
        (await notDriven.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("not an effectivity satellite with a driving key");
        var ordered = () => loader.LoadAsync(new LoadBatch("x", "m") { LoadDate = Day2 }.AddObjects("moves", [new Move(At9, "P1", "A")], m => m.ChangesFor(Effectivity).OrderBy("MovedAt")));
        (await ordered.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("together with OrderBy");
        var both = () => loader.LoadAsync(new LoadBatch("x", "m") { LoadDate = Day2 }
            .AddObjects("now", [new OnPromotion("P1", "A")], m => m.FullExtractFor(Effectivity))
            .AddObjects("moves", [new OnPromotion("P1", "A")], m => m.ChangesFor(Effectivity)));
        (await both.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("fed in one batch by a full extract and by a delta of changes");
    }
}

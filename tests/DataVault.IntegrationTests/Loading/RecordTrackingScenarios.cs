using System.Data.Common;
using System.Globalization;
using Dapper;
using DataVault.Core.BusinessVault;
using DataVault.Core.Execution;
using DataVault.Core.Hashing;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Rehashing;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A record-tracking satellite: which loads had each customer. Every source with the customer's key feeds it — the
/// CRM's customer rows and the web shop's orders alike — with one row per customer and load date, the record source of
/// the first source that had the key. A rerun adds nothing, an absence is never inferred, a late load is placed in its
/// order, and a batch that fails leaves nothing.
/// </summary>
public abstract class RecordTrackingScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime Day4 = new(2026, 11, 4, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record CustomerRow(string CustomerId, string Name);

    public sealed record OrderRow(string OrderId, string CustomerId);

    public sealed record ChangeRow(int Seq, string CustomerId, string Name);

    private DataVaultModel Model => ModelUnder(HashingStandards.Default);

    private DataVaultModel ModelUnder(HashingStandard standard) => new DataVaultModelBuilder()
        .UseHashingStandard(standard)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(10)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)))
        .Satellite("customer_seen", s => s.OnHub("customer").RecordTracking())
        .PointInTime("customer", p => p.OnHub("customer"))
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

    private static LoadBatch Customers(string name, DateTime day, params string[] customers) =>
        new LoadBatch(name, "crm") { LoadDate = day }.AddObjects("customers", customers.Select(c => new CustomerRow(c, $"name of {c}")));

    /// <summary>Every stored appearance: customer, load date, load end date, record source — in customer and load-date order.</summary>
    private async Task<List<(string Customer, DateTime LoadDate, DateTime? EndDate, string Source)>> SeenAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync(
            $"SELECT h.{Q("customer_id")}, s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q("record_source")} FROM {Q("sat_customer_seen")} s " +
            $"JOIN {Q("hub_customer")} h ON h.{Q("hub_customer_hk")} = s.{Q("hub_customer_hk")} ORDER BY h.{Q("customer_id")}, s.{Q("load_date")}");
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return ((string)v[0]!, LoaderHarness.Timestamp(v[1])!.Value, LoaderHarness.Timestamp(v[2]), (string)v[3]!);
        })];
    }

    [Fact]
    public async Task Each_load_that_had_a_customer_adds_one_row_a_rerun_adds_none_and_an_absence_adds_none()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var first = await loader.LoadAsync(Customers("day 1", Day1, "C1", "C2", "C3", "C1"));
        first.InsertedByTable["sat_customer_seen"].Should().Be(3, "one row per customer, however many rows had it");
        first.InsertedByTable["sat_customer_details"].Should().Be(3);
        (await loader.LoadAsync(Customers("day 1", Day1, "C3", "C2", "C1"))).InsertedByTable.GetValueOrDefault("sat_customer_seen").Should().Be(0, "a rerun adds nothing");

        // Day 2: a delta with C1 only. Unchanged details add no version — the appearance is recorded all the same.
        var second = await loader.LoadAsync(Customers("day 2", Day2, "C1"));
        second.InsertedByTable["sat_customer_seen"].Should().Be(1, "C2 and C3 are absent: nothing is inferred");
        second.InsertedByTable.GetValueOrDefault("sat_customer_details").Should().Be(0, "C1's name did not change");

        (await SeenAsync(connection)).Should().Equal(
            ("C1", Day1, Day2, "crm"), ("C1", Day2, null, "crm"),
            ("C2", Day1, null, "crm"),
            ("C3", Day1, null, "crm"));
        var hashDiffs = await connection.QueryAsync<string>($"SELECT DISTINCT {Q("hash_diff")} FROM {Q("sat_customer_seen")}");
        hashDiffs.Should().ContainSingle("the hash diff is that of the empty attribute set, the same on every row");
        var current = (await connection.QueryAsync(
            $"SELECT h.{Q("customer_id")}, v.{Q("load_date")} FROM {Q(Fixture.Dialect.SatelliteViewName(loader.Model.Satellite("customer_seen")))} v JOIN {Q("hub_customer")} h ON h.{Q("hub_customer_hk")} = v.{Q("hub_customer_hk")} " +
            $"WHERE v.{Q("is_current")} = 1 ORDER BY h.{Q("customer_id")}"))
            .Select(r => ((IDictionary<string, object?>)r).Values.ToArray())
            .Where(v => LoaderHarness.Timestamp(v[1]) == Day2).Select(v => (string)v[0]!).ToList();
        current.Should().Equal(["C1"], "the history view shows who the latest load had");
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Every_source_with_the_key_feeds_it_and_the_first_source_that_had_a_key_gives_its_record_source()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var batch = new LoadBatch("day 1", "crm") { LoadDate = Day1 }
            .AddObjects("customers", [new CustomerRow("C1", "Ann")])
            .AddObjects("orders", [new OrderRow("O1", "C1"), new OrderRow("O2", "C2"), new OrderRow("O3", "C2")], m => m.WithRecordSource("webshop"));
        var result = await loader.LoadAsync(batch);
        result.InsertedByTable["sat_customer_seen"].Should().Be(2, "C1 in both sources, C2 in the orders only");
        result.InsertedByTable["sat_customer_details"].Should().Be(1, "the orders have no name");
        (await SeenAsync(connection)).Should().Equal(("C1", Day1, null, "crm"), ("C2", Day1, null, "webshop"));

        // A source that excludes the hub feeds neither it nor its record-tracking satellite (here: nothing, an error).
        var excluded = () => loader.LoadAsync(new LoadBatch("day 2", "crm") { LoadDate = Day2 }.AddObjects("orders", [new OrderRow("O4", "C9")], m => m.Exclude("hub_customer")));
        (await excluded.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("feeds no table");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("hub_customer")} WHERE {Q("customer_id")} = 'C9'")).Should().Be(0);
    }

    [Fact]
    public async Task A_late_load_is_placed_in_its_order_and_the_load_end_dates_follow()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Customers("day 1", Day1, "C1"));
        await loader.LoadAsync(Customers("day 3", Day3, "C1"));

        // Late data is refused by default for a satellite with attributes; an appearance is a fact in any order.
        var late = new LoadBatch("day 2", "crm") { LoadDate = Day2 }.AddObjects("orders", [new OrderRow("O1", "C1")]);
        (await loader.LoadAsync(late)).InsertedByTable["sat_customer_seen"].Should().Be(1);
        (await SeenAsync(connection)).Should().Equal(("C1", Day1, Day2, "crm"), ("C1", Day2, Day3, "crm"), ("C1", Day3, null, "crm"));
    }

    [Fact]
    public async Task An_ordered_source_with_several_changes_of_a_key_adds_one_row_for_the_load()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var changes = new[] { new ChangeRow(1, "C1", "Ann"), new ChangeRow(2, "C1", "Anne"), new ChangeRow(3, "C2", "Bob"), new ChangeRow(4, "C1", "Annie") };
        var result = await loader.LoadAsync(new LoadBatch("cdc", "crm") { LoadDate = Day1 }.AddObjects("changes", changes, m => m.OrderBy("seq")));
        result.InsertedByTable["sat_customer_seen"].Should().Be(2);
        (await SeenAsync(connection)).Select(s => s.Customer).Should().Equal("C1", "C2");
    }

    [Fact]
    public async Task A_batch_that_fails_on_a_bad_row_leaves_no_appearance()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Customers("day 1", Day1, "C1"));

        // C-TOO-LONG-1 does not fit the key type: the batch is rejected, C2's appearance with it.
        var bad = () => loader.LoadAsync(Customers("day 4", Day4, "C2", "C-TOO-LONG-1"));
        (await bad.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("row 2, column CustomerId").And.Contain("C-TOO-LONG-1");
        (await SeenAsync(connection)).Should().Equal(("C1", Day1, null, "crm"));
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("hub_customer")} WHERE {Q("customer_id")} = 'C2'")).Should().Be(0);
    }

    [Fact]
    public async Task The_pit_points_at_each_days_latest_appearance_and_a_rehash_gives_the_vault_loaded_under_the_target_standard()
    {
        await using var connection = await Fixture.OpenAsync();
        var target = ModelUnder(HashingStandards.AutomateDv);
        async Task<VaultLoader> LoadedAsync(DataVaultModel model)
        {
            var loader = new VaultLoader(connection, Fixture.Dialect, model, LoadOptions.Default with { EndDating = true });
            await loader.DropVaultAsync();
            await loader.EnsureVaultAsync();
            await loader.LoadAsync(Customers("day 1", Day1, "C1", "C2"));
            await loader.LoadAsync(Customers("day 3", Day3, "C1"));
            return loader;
        }

        async Task<List<string>> DumpAsync()
        {
            var result = await new VaultSession(connection, Fixture.Dialect).QueryAsync(Core.Sql.SqlStatement.Of($"SELECT * FROM {Q("sat_customer_seen")}"));
            return [.. result.Rows.Select(r => string.Join(" | ", r.Select(v => v is byte[] b ? "0x" + Convert.ToHexStringLower(b) : Convert.ToString(v, CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal)];
        }

        await LoadedAsync(target);
        var expected = await DumpAsync();
        var source = await LoadedAsync(Model);
        (await DumpAsync()).Should().NotEqual(expected, "the target standard stores binary hash keys and diffs, the source lower-case hex text");

        var pitModel = source.Model.PointInTime("customer");
        var seen = pitModel.Satellites.Single(s => s.Satellite.TableName == "sat_customer_seen");
        await new PitRefresher(source.Session).RefreshAsync(pitModel, DateOnly.FromDateTime(Day1), DateOnly.FromDateTime(Day3));
        var pit = await connection.QueryAsync(
            $"SELECT h.{Q("customer_id")}, p.{Q(seen.LoadDateColumn)} FROM {Q("pit_customer")} p JOIN {Q("hub_customer")} h ON h.{Q("hub_customer_hk")} = p.{Q("hub_customer_hk")} " +
            $"ORDER BY h.{Q("customer_id")}, p.{Q("snapshot_date")}");
        pit.Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).Select(v => ((string)v[0]!, LoaderHarness.Timestamp(v[1]))).Should().Equal(
            ("C1", Day1), ("C1", Day1), ("C1", Day3), ("C2", Day1), ("C2", Day1), ("C2", Day1));

        await source.RehashAsync(target, new RehashOptions { PageSize = 1 });
        (await DumpAsync()).Should().HaveCount(3).And.Equal(expected);
    }
}

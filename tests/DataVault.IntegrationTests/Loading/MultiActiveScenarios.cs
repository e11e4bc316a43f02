using System.Globalization;
using System.Data.Common;
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
/// A multi-active satellite: customers' phones, several per customer at once, told apart by the phone type. A customer's
/// phones at a load are one version: the whole set is inserted when any phone is added, removed or changed, and an
/// identical set in any row order inserts nothing. End dating, the history view and the PIT treat the set as one version.
/// </summary>
public abstract class MultiActiveScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime Day4 = new(2026, 11, 4, 8, 0, 0);
    private static readonly DateTime Day5 = new(2026, 11, 5, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record Phone(string CustomerId, string? PhoneType, string? PhoneNumber);

    public sealed record OrderedPhone(int Seq, string CustomerId, string PhoneType, string PhoneNumber);

    private DataVaultModel Model => ModelUnder(HashingStandards.Default);

    private DataVaultModel ModelUnder(HashingStandard standard) => new DataVaultModelBuilder()
        .UseHashingStandard(standard)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_phones", s => s.OnHub("customer").MultiActiveKey("phone_type", DataType.String(10)).Attribute("phone_number", DataType.String(30)))
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

    private static LoadBatch Batch(string name, DateTime day, params Phone[] phones) =>
        new LoadBatch(name, "crm") { LoadDate = day }.AddObjects("phones", phones);

    private static Phone[] SetA => [new("C1", "home", "111"), new("C1", "work", "222"), new("C2", "home", "900")];

    /// <summary>A customer's stored rows: load date, load end date, phone type, number, in load-date and type order.</summary>
    private async Task<List<(DateTime LoadDate, DateTime? EndDate, string Type, string? Number)>> PhonesAsync(DbConnection connection, string customerId)
    {
        var sql = $"SELECT s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q("phone_type")}, s.{Q("phone_number")} FROM {Q("sat_customer_phones")} s " +
                  $"JOIN {Q("hub_customer")} h ON h.{Q("hub_customer_hk")} = s.{Q("hub_customer_hk")} WHERE h.{Q("customer_id")} = {Fixture.Dialect.ParameterPlaceholder("id")} " +
                  $"ORDER BY s.{Q("load_date")}, s.{Q("phone_type")}";
        var rows = await connection.QueryAsync(sql, new { id = customerId });
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return (LoaderHarness.Timestamp(v[0])!.Value, LoaderHarness.Timestamp(v[1]), (string)v[2]!, v[3] as string);
        })];
    }

    private async Task<long> RowsAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("sat_customer_phones")}");

    [Fact]
    public async Task A_changed_added_or_removed_phone_inserts_the_whole_set_and_the_same_set_in_any_order_inserts_nothing()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        (await loader.LoadAsync(Batch("day 1", Day1, SetA))).InsertedByTable["sat_customer_phones"].Should().Be(3);
        (await loader.LoadAsync(Batch("day 1", Day1, SetA))).InsertedByTable.GetValueOrDefault("sat_customer_phones").Should().Be(0, "a rerun changes nothing");

        // The same sets, rows in another order and one row twice: nothing new.
        var reordered = await loader.LoadAsync(Batch("day 2", Day2, new Phone("C2", "home", "900"), new Phone("C1", "work", "222"), new Phone("C1", "home", "111"), new Phone("C1", "work", "222")));
        reordered.InsertedByTable.GetValueOrDefault("sat_customer_phones").Should().Be(0, "an identical set, in any row order, is no new version");

        // C1 changes one number: both of C1's phones are inserted as the new set; C2's unchanged set is not.
        var changed = await loader.LoadAsync(Batch("day 3", Day3, new Phone("C1", "home", "111"), new Phone("C1", "work", "333"), new Phone("C2", "home", "900")));
        changed.InsertedByTable["sat_customer_phones"].Should().Be(2);

        // C1's work phone is gone (the set delivered has one row): a set of one; then back to the first set.
        (await loader.LoadAsync(Batch("day 4", Day4, new Phone("C1", "home", "111")))).InsertedByTable["sat_customer_phones"].Should().Be(1);
        (await loader.LoadAsync(Batch("day 5", Day5, new Phone("C1", "work", "222"), new Phone("C1", "home", "111")))).InsertedByTable["sat_customer_phones"].Should().Be(2, "A→B→A: the first set again is a new version");

        (await PhonesAsync(connection, "C1")).Should().Equal(
            (Day1, Day3, "home", "111"), (Day1, Day3, "work", "222"),
            (Day3, Day4, "home", "111"), (Day3, Day4, "work", "333"),
            (Day4, Day5, "home", "111"),
            (Day5, null, "home", "111"), (Day5, null, "work", "222"));
        (await PhonesAsync(connection, "C2")).Should().Equal([(Day1, null, "home", "900")], "C2 delivered the same set every day");

        // The history view ends each row of a set at the next set's load date; the PIT points at the set valid each day.
        var current = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q(Fixture.Dialect.SatelliteViewName(loader.Model.Satellite("customer_phones")))} WHERE {Q("is_current")} = 1");
        current.Should().Be(3, "C1's two phones of day 5 and C2's one");
        var pitModel = loader.Model.PointInTime("customer");
        await new PitRefresher(loader.Session).RefreshAsync(pitModel, DateOnly.FromDateTime(Day1), DateOnly.FromDateTime(Day5));
        var pit = await connection.QueryAsync($"SELECT p.{Q("snapshot_date")}, p.{Q(pitModel.Satellites[0].LoadDateColumn)} FROM {Q("pit_customer")} p JOIN {Q("hub_customer")} h ON h.{Q("hub_customer_hk")} = p.{Q("hub_customer_hk")} WHERE h.{Q("customer_id")} = 'C1' ORDER BY p.{Q("snapshot_date")}");
        pit.Select(r => LoaderHarness.Timestamp(((IDictionary<string, object?>)r).Values.ElementAt(1))).Should().Equal(Day1, Day1, Day3, Day4, Day5);
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Ordered_sets_of_one_key_in_one_batch_each_become_a_version_and_an_unchanged_one_is_skipped()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        OrderedPhone[] changes =
        [
            new(2, "C1", "work", "333"), new(1, "C1", "home", "111"), new(3, "C1", "work", "222"), new(2, "C1", "home", "111"),
            new(1, "C1", "work", "222"), new(3, "C1", "home", "111"), new(4, "C1", "home", "111"), new(4, "C1", "work", "222"),
            new(2, "C1", "work", "333"),
        ];
        var result = await loader.LoadAsync(new LoadBatch("cdc", "crm") { LoadDate = Day1 }.AddObjects("phones", changes, m => m.OrderBy("seq")));

        result.InsertedByTable["sat_customer_phones"].Should().Be(6, "sets 1, 2 and 3 (A→B→A); set 4 equals set 3");
        (await PhonesAsync(connection, "C1")).Select(p => (p.LoadDate, p.Type, p.Number)).Should().Equal(
            (Day1, "home", "111"), (Day1, "work", "222"),
            (Day1.AddTicks(10), "home", "111"), (Day1.AddTicks(10), "work", "333"),
            (Day1.AddTicks(20), "home", "111"), (Day1.AddTicks(20), "work", "222"));

        var conflicting = () => loader.LoadAsync(new LoadBatch("cdc 2", "crm") { LoadDate = Day2 }.AddObjects(
            "phones", [new OrderedPhone(1, "C1", "home", "111"), new OrderedPhone(1, "C1", "home", "112")], m => m.OrderBy("seq")));
        var error = (await conflicting.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Contain("row 1").And.Contain("row 2").And.Contain("phone_type = 'home'");
        (await RowsAsync(connection)).Should().Be(6);
    }

    [Fact]
    public async Task Two_different_rows_of_one_member_or_a_row_without_its_multi_active_key_fail_the_batch_which_leaves_nothing()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Batch("day 1", Day1, SetA));

        var twice = () => loader.LoadAsync(Batch("day 2", Day2, new Phone("C3", "home", "1"), new Phone("C1", "home", "111"), new Phone("C1", "home", "112")));
        var error = (await twice.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Contain("phones, row 2").And.Contain("phones, row 3").And.Contain("customer_id = 'C1'").And.Contain("phone_type = 'home'");

        var untyped = () => loader.LoadAsync(Batch("day 2", Day2, new Phone("C3", "home", "1"), new Phone("C1", null, "111")));
        var bad = (await untyped.Should().ThrowAsync<DataVaultLoadException>()).Which;
        bad.Message.Should().Contain("phone_type").And.Contain("multi-active key");
        bad.Column.Should().Be("PhoneType", "the source's column");

        (await RowsAsync(connection)).Should().Be(3, "neither batch left a row");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("hub_customer")} WHERE {Q("customer_id")} = 'C3'")).Should().Be(0);

        // A rerun of day 1 with another set at the same load date is refused: history is not rewritten.
        var rewritten = () => loader.LoadAsync(Batch("day 1 again", Day1, new Phone("C1", "home", "111")));
        (await rewritten.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("differs from the row already stored");
        (await RowsAsync(connection)).Should().Be(3);
    }

    [Fact]
    public async Task A_late_set_that_would_change_history_is_refused_unless_late_data_is_inserted_in_order()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Batch("day 1", Day1, SetA));
        await loader.LoadAsync(Batch("day 3", Day3, new Phone("C1", "home", "111"), new Phone("C1", "work", "333")));

        // Day 2 delivered late with day 1's set (in another order): it changes nothing, so it is no late data.
        (await loader.LoadAsync(Batch("day 2", Day2, new Phone("C1", "work", "222"), new Phone("C1", "home", "111")))).InsertedByTable.GetValueOrDefault("sat_customer_phones").Should().Be(0);

        var late = Batch("day 2 late", Day2, new Phone("C1", "home", "111"), new Phone("C1", "work", "222"), new Phone("C1", "mobile", "444"));
        var refused = () => loader.LoadAsync(late);
        (await refused.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("late data").And.Contain("2026-11-03 08:00:00");
        (await RowsAsync(connection)).Should().Be(5);

        var inOrder = new VaultLoader(connection, Fixture.Dialect, loader.Model, LoadOptions.Default with { EndDating = true, LateData = LateDataHandling.InsertInOrder });
        (await inOrder.LoadAsync(Batch("day 2 late", Day2, new Phone("C1", "home", "111"), new Phone("C1", "work", "222"), new Phone("C1", "mobile", "444")))).InsertedByTable["sat_customer_phones"].Should().Be(3);
        (await PhonesAsync(connection, "C1")).Where(p => p.LoadDate == Day2).Select(p => (p.EndDate, p.Type)).Should().Equal(
            [(Day3, "home"), (Day3, "mobile"), (Day3, "work")], "the late set ends where the next stored set begins");
        (await PhonesAsync(connection, "C1")).Where(p => p.LoadDate == Day1).Select(p => p.EndDate).Should().AllBeEquivalentTo(Day2);
        (await RowsAsync(connection)).Should().Be(8);
    }

    [Fact]
    public async Task A_rehash_in_pages_smaller_than_a_set_gives_the_vault_loaded_under_the_target_standard()
    {
        await using var connection = await Fixture.OpenAsync();
        var target = ModelUnder(HashingStandards.AutomateDv);
        async Task<VaultLoader> LoadedAsync(DataVaultModel model)
        {
            var loader = new VaultLoader(connection, Fixture.Dialect, model, LoadOptions.Default with { EndDating = true });
            await loader.DropVaultAsync();
            await loader.EnsureVaultAsync();
            await loader.LoadAsync(Batch("day 1", Day1, SetA));
            await loader.LoadAsync(Batch("day 3", Day3, new Phone("C1", "home", "111"), new Phone("C1", "work", "333"), new Phone("C2", "home", "900")));
            return loader;
        }

        async Task<List<string>> DumpAsync()
        {
            var result = await new VaultSession(connection, Fixture.Dialect).QueryAsync(Core.Sql.SqlStatement.Of($"SELECT * FROM {Q("sat_customer_phones")}"));
            return [.. result.Rows.Select(r => string.Join(" | ", r.Select(v => v is byte[] b ? Convert.ToHexStringLower(b) : Convert.ToString(v, CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal)];
        }

        await LoadedAsync(target);
        var expected = await DumpAsync();
        var source = await LoadedAsync(Model);
        (await DumpAsync()).Should().NotEqual(expected);

        await source.RehashAsync(target, new RehashOptions { PageSize = 1 });

        var actual = await DumpAsync();
        actual.Should().HaveCount(5).And.Equal(expected, "every row of every set is moved, none is lost at a page boundary");
        var after = new VaultLoader(connection, Fixture.Dialect, target, LoadOptions.Default with { EndDating = true });
        (await after.LoadAsync(Batch("day 3", Day3, new Phone("C1", "work", "333"), new Phone("C1", "home", "111"), new Phone("C2", "home", "900")))).RowsInserted.Should().Be(0);
    }
}

using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// The load date of each row from a column of the source (<see cref="SourceMapping.LoadDateFrom"/>): a CDC feed's
/// change timestamps become the satellite versions' load dates, in their order whatever the file's; a hub or link row
/// gets the earliest timestamp of its key; an empty value is the batch's load date; a bad value, two versions at one
/// timestamp or a row older than a stored version fail the batch with nothing written.
/// </summary>
public abstract class RowLoadDateScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime At0 = new(2026, 11, 1, 10, 0, 0);

    public sealed record Change(DateTime? ChangedAt, string CustomerId, string Name, DateOnly? BirthDate = null, decimal? CreditLimit = 1m);

    private const string Header = "changed_at,customer_id,name,birth_date,credit_limit\n";

    protected TFixture Fixture { get; } = fixture;

    private static LoadOptions EndDated => LoadOptions.Default with { EndDating = true };

    private async Task<LoaderHarness> NewVaultAsync()
    {
        var harness = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await harness.Loader().DropVaultAsync();
        await harness.Loader().EnsureVaultAsync();
        return harness;
    }

    private static LoadBatch Cdc(string name, DateTime loadDate, string file) =>
        new LoadBatch(name, "cdc") { LoadDate = loadDate }.AddCsv(file, m => m.LoadDateFrom("changed_at"));

    private async Task<DateTime?> HubLoadDateAsync(LoaderHarness h, string table, string where) =>
        LoaderHarness.Timestamp(await h.Connection.ExecuteScalarAsync($"SELECT {h.Q("load_date")} FROM {h.Q(table)} WHERE {where}"));

    [Fact]
    public async Task Each_change_is_a_version_at_its_own_timestamp_in_timestamp_order_and_a_rerun_adds_nothing()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("changes.csv", Header +
            "2026-11-01T10:00:02Z,C1,Cy,,1\n" +
            "2026-11-01T10:00:00.000001Z,C1,Ann,,1\n" +
            "2026-11-01T10:00:01Z,C1,Bea,,1\n" +
            "2026-11-01T10:00:01Z,C1,Bea,,1\n" +
            "2026-11-01T10:00:03Z,C1,Cy,,1\n" +
            ",C2,Dan,,2\n");

        var result = await h.Loader(EndDated).LoadAsync(Cdc("cdc 1", Day2, file));

        result.InsertedByTable["sat_customer_details"].Should().Be(4, "Ann, Bea, Cy for C1 (the repeat and the unchanged 10:00:03 add none), Dan for C2");
        var first = At0.AddTicks(10);
        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.EndDate, v.Name)).Should().Equal(
            (first, At0.AddSeconds(1), "Ann"), (At0.AddSeconds(1), At0.AddSeconds(2), "Bea"), (At0.AddSeconds(2), (DateTime?)null, "Cy"));
        (await h.CustomerHistoryAsync("C2")).Select(v => (v.LoadDate, v.Name)).Should().Equal([(Day2, "Dan")], "an empty timestamp is the batch's load date");
        (await HubLoadDateAsync(h, "hub_customer", $"{h.Q("customer_id")} = 'C1'")).Should().Be(first, "a key's load date is its earliest row's, not its first row's");
        (await HubLoadDateAsync(h, "hub_customer", $"{h.Q("customer_id")} = 'C2'")).Should().Be(Day2);

        (await h.Loader(EndDated).LoadAsync(Cdc("cdc 1", Day2, file))).RowsInserted.Should().Be(0, "a rerun adds nothing");

        // Objects (and readers) give typed timestamps; a row without one gets the batch's load date.
        Change[] typed = [new(new DateTime(2026, 11, 2, 9, 30, 0), "C3", "Eve"), new(null, "C4", "Fay")];
        await h.Loader(EndDated).LoadAsync(new LoadBatch("objects", "cdc") { LoadDate = Day3 }.AddObjects("changes", typed, m => m.LoadDateFrom("ChangedAt")));
        (await h.CustomerHistoryAsync("C3")).Select(v => v.LoadDate).Should().Equal(new DateTime(2026, 11, 2, 9, 30, 0));
        (await h.CustomerHistoryAsync("C4")).Select(v => v.LoadDate).Should().Equal(Day3);
        (await h.Loader(EndDated).DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task A_version_is_compared_with_a_stored_version_that_lies_between_two_of_the_batchs_versions()
    {
        await using var h = await NewVaultAsync();
        await h.Loader(EndDated).LoadAsync(Cdc("ann", Day2, h.File("a.csv", Header + "2026-11-01T10:00:00Z,C1,Ann,,1\n")));
        await h.Loader(EndDated).LoadAsync(Cdc("bea", Day2, h.File("b.csv", Header + "2026-11-01T10:30:00Z,C1,Bea,,1\n")));

        // Ann at 10:00 again (stored) and Ann at 11:00: the stored Bea at 10:30 is 11:00's predecessor, so Ann is a change.
        var third = await h.Loader(EndDated).LoadAsync(Cdc("ann again", Day2, h.File("c.csv", Header + "2026-11-01T10:00:00Z,C1,Ann,,1\n2026-11-01T11:00:00Z,C1,Ann,,1\n")));

        third.InsertedByTable["sat_customer_details"].Should().Be(1);
        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.EndDate, v.Name)).Should().Equal(
            (At0, At0.AddMinutes(30), "Ann"), (At0.AddMinutes(30), At0.AddHours(1), "Bea"), (At0.AddHours(1), (DateTime?)null, "Ann"));

        // And the other way round, placed in order: Bea at 11:00 repeats the stored Bea at 10:30 — no new version.
        await using var other = await NewVaultAsync();
        await other.Loader(EndDated).LoadAsync(Cdc("bea", Day2, other.File("b.csv", Header + "2026-11-01T10:30:00Z,C1,Bea,,1\n")));
        var late = await other.Loader(EndDated with { LateData = LateDataHandling.InsertInOrder }).LoadAsync(Cdc("late", Day2, other.File("l.csv", Header + "2026-11-01T09:00:00Z,C1,Ann,,1\n2026-11-01T11:00:00Z,C1,Bea,,1\n")));
        late.InsertedByTable["sat_customer_details"].Should().Be(1, "Ann at 9:00 only");
        (await other.CustomerHistoryAsync("C1")).Select(v => v.Name).Should().Equal("Ann", "Bea");
    }

    [Fact]
    public async Task A_link_row_gets_the_earliest_timestamp_of_its_key_and_the_hubs_theirs()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("sales.csv", "sold_at,customer_id,product_id,referred_by_customer_id,line_no,quantity,amount\n" +
            "2026-11-01T12:00:00Z,C1,P1,C2,1,2,10.00\n" +
            "2026-11-01T09:00:00Z,C1,P1,C2,1,2,10.00\n" +
            "2026-11-01T11:00:00Z,C3,P1,,1,1,5.00\n");

        await h.Loader(EndDated).LoadAsync(new LoadBatch("sales", "pos") { LoadDate = Day2 }.AddCsv(file, m => m.LoadDateFrom("sold_at")));

        var nine = new DateTime(2026, 11, 1, 9, 0, 0);
        var dates = (await h.Connection.QueryAsync($"SELECT {h.Q("load_date")} FROM {h.Q("link_sale")} ORDER BY {h.Q("load_date")}"))
            .Select(r => LoaderHarness.Timestamp(((IDictionary<string, object?>)r).Values.First()));
        dates.Should().Equal(nine, new DateTime(2026, 11, 1, 11, 0, 0));
        (await HubLoadDateAsync(h, "hub_product", $"{h.Q("product_id")} = 'P1'")).Should().Be(nine);
        (await HubLoadDateAsync(h, "hub_customer", $"{h.Q("customer_id")} = 'C2'")).Should().Be(nine);
        (await h.CountAsync("sat_sale_metrics")).Should().Be(2, "the same metrics at 12:00 are no new version");

        // A source at the batch's load date after one with a later timestamp of the same key: the earlier is kept.
        var later = h.File("later.csv", "changed_at,customer_id,name,birth_date,credit_limit\n2026-11-05T00:00:00Z,C7,Gil,,1\n");
        var plain = h.File("plain.csv", "customer_id,product_id,referred_by_customer_id,line_no,quantity,amount\nC7,P1,,1,1,1.00\n");
        await h.Loader(EndDated).LoadAsync(new LoadBatch("mixed", "pos") { LoadDate = Day3 }.AddCsv(later, m => m.LoadDateFrom("changed_at")).AddCsv(plain));
        (await HubLoadDateAsync(h, "hub_customer", $"{h.Q("customer_id")} = 'C7'")).Should().Be(Day3);
    }

    [Fact]
    public async Task A_bad_timestamp_two_versions_at_one_timestamp_and_a_row_older_than_a_stored_version_fail_the_batch()
    {
        await using var h = await NewVaultAsync();
        await h.Loader(EndDated).LoadAsync(Cdc("cdc 1", Day2, h.File("one.csv", Header + "2026-11-01T10:00:00Z,C1,Ann,,1\n")));
        var before = await h.SnapshotAsync();

        var bad = () => h.Loader(EndDated).LoadAsync(Cdc("bad", Day3, h.File("bad.csv", Header + "2026-11-02T10:00:00Z,C2,Bob,,1\nyesterday,C3,Cy,,1\n")));
        (await bad.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("bad.csv, line 3").And.Contain("changed_at").And.Contain("yesterday");

        var tied = () => h.Loader(EndDated).LoadAsync(Cdc("tied", Day3, h.File("tied.csv", Header + "2026-11-02T10:00:00Z,C1,Bea,,1\n2026-11-02T10:00:00Z,C1,Cy,,1\n")));
        (await tied.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("tied.csv, line 2").And.Contain("tied.csv, line 3");

        var late = () => h.Loader(EndDated).LoadAsync(Cdc("late", Day3, h.File("late.csv", Header + "2026-11-02T10:00:00Z,C2,Bob,,1\n2026-11-01T09:00:00Z,C1,Zed,,1\n")));
        (await late.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("late data");
        (await h.SnapshotAsync()).Should().Equal(before, "nothing of the failed batches is written");

        // With late data inserted in order, the older change is placed before the stored version.
        await h.Loader(EndDated with { LateData = LateDataHandling.InsertInOrder }).LoadAsync(Cdc("late", Day3, h.File("late.csv", Header + "2026-11-01T09:00:00Z,C1,Zed,,1\n")));
        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.EndDate, v.Name)).Should().Equal(
            (new DateTime(2026, 11, 1, 9, 0, 0), At0, "Zed"), (At0, (DateTime?)null, "Ann"));
    }

    [Fact]
    public async Task A_missing_column_a_load_date_column_with_an_order_one_on_a_full_extract_and_a_satellite_fed_by_both_kinds_are_refused()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("changes.csv", Header + "2026-11-01T10:00:00Z,C1,Ann,,1\n");

        var missing = () => h.Loader().LoadAsync(new LoadBatch("missing", "cdc") { LoadDate = Day2 }.AddCsv(file, m => m.LoadDateFrom("captured_at")));
        (await missing.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("load-date column 'captured_at' is missing");

        var ordered = () => h.Loader().LoadAsync(new LoadBatch("ordered", "cdc") { LoadDate = Day2 }.AddCsv(file, m => m.LoadDateFrom("changed_at").OrderBy("changed_at")));
        (await ordered.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("LoadDateFrom(\"changed_at\") and OrderBy(\"changed_at\")");
        var derived = () => h.Loader().LoadAsync(new LoadBatch("derived", "cdc") { LoadDate = Day2 }.AddCsv(file, m => m.Derive("captured", DataType.Timestamp, _ => Day2).LoadDateFrom("captured")));
        (await derived.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("LoadDateFrom(\"captured\") names a column the mapping derives");

        var ordering = h.File("ordered.csv", "seq,customer_id,name,birth_date,credit_limit\n1,C2,Bob,,1\n");
        var mixed = () => h.Loader().LoadAsync(Cdc("mixed", Day2, file).AddCsv(ordering, m => m.OrderBy("seq")));
        (await mixed.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("sat_customer_details: fed in one batch by changes.csv, with load dates per row (LoadDateFrom), and by ordered.csv");
        (await h.CountAsync("hub_customer", $"{h.Q("customer_id")} IS NOT NULL")).Should().Be(0);

        var model = new DataVaultModelBuilder()
            .Hub("item", p => p.BusinessKey("item_id", DataType.String(10)))
            .Satellite("item_status", s => s.OnHub("item").StatusTracking())
            .Build(Fixture.Dialect);
        var statusLoader = new VaultLoader(h.Connection, Fixture.Dialect, model, LoadOptions.Default);
        await statusLoader.DropVaultAsync();
        await statusLoader.EnsureVaultAsync();
        var catalogue = h.File("catalogue.csv", "captured_at,item_id\n2026-11-01T10:00:00Z,P1\n");
        var extract = () => statusLoader.LoadAsync(new LoadBatch("extract", "erp") { LoadDate = Day2 }.AddCsv(catalogue, m => m.FullExtractFor("sat_item_status").LoadDateFrom("captured_at")));
        (await extract.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("on a full extract of sat_item_status");
        (await h.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {h.Q("sat_item_status")}")).Should().Be(0);
        await statusLoader.DropVaultAsync();
    }

    [Fact]
    public async Task A_multi_active_set_per_timestamp_is_one_version_and_a_record_tracking_satellite_has_one_row_per_timestamp()
    {
        await using var h = await NewVaultAsync();
        var model = new DataVaultModelBuilder()
            .Hub("client", c => c.BusinessKey("client_id", DataType.String(10)))
            .Satellite("client_phones", s => s.OnHub("client").MultiActiveKey("phone_type", DataType.String(10)).Attribute("phone_number", DataType.String(20)))
            .Satellite("client_seen", s => s.OnHub("client").RecordTracking())
            .Build(Fixture.Dialect);
        var loader = new VaultLoader(h.Connection, Fixture.Dialect, model, EndDated);
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        var file = h.File("phones.csv", "changed_at,client_id,phone_type,phone_number\n" +
            "2026-11-01T11:00:00Z,C1,work,333\n2026-11-01T10:00:00Z,C1,home,111\n2026-11-01T11:00:00Z,C1,home,111\n" +
            "2026-11-01T10:00:00Z,C1,work,222\n2026-11-01T12:00:00Z,C1,work,333\n2026-11-01T12:00:00Z,C1,home,111\n");

        var result = await loader.LoadAsync(new LoadBatch("phones", "crm") { LoadDate = Day2 }.AddCsv(file, m => m.LoadDateFrom("changed_at")));

        result.InsertedByTable["sat_client_phones"].Should().Be(4, "the sets at 10:00 and 11:00; the set at 12:00 is the same as at 11:00");
        var phones = (await h.Connection.QueryAsync($"SELECT {h.Q("load_date")}, {h.Q("phone_type")}, {h.Q("phone_number")} FROM {h.Q("sat_client_phones")} ORDER BY {h.Q("load_date")}, {h.Q("phone_type")}"))
            .Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).Select(v => (LoaderHarness.Timestamp(v[0]), (string)v[1]!, (string)v[2]!));
        phones.Should().Equal((At0, "home", "111"), (At0, "work", "222"), (At0.AddHours(1), "home", "111"), (At0.AddHours(1), "work", "333"));
        var seen = (await h.Connection.QueryAsync($"SELECT {h.Q("load_date")} FROM {h.Q("sat_client_seen")} ORDER BY {h.Q("load_date")}"))
            .Select(r => LoaderHarness.Timestamp(((IDictionary<string, object?>)r).Values.First()));
        seen.Should().Equal(At0, At0.AddHours(1), At0.AddHours(2));
        (await loader.LoadAsync(new LoadBatch("phones", "crm") { LoadDate = Day2 }.AddCsv(file, m => m.LoadDateFrom("changed_at")))).RowsInserted.Should().Be(0);
        await loader.DropVaultAsync();
    }
}

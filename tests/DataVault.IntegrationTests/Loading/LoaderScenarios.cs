using System.Data;
using Dapper;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// The batch semantics of docs/loading.md, each pinned by a test that runs on every real engine (one subclass per
/// engine). Every test starts from a freshly created vault.
/// </summary>
public abstract class LoaderScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    protected static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    protected static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);

    private const string Customers = "customer_id,name,birth_date,credit_limit\nC1,Ann,1980-01-31,100.50\nC2,Bob,,20\nC3,\"Smith, \"\"Jo\"\"\",1990-12-01,0.00\n";
    private const string Sales = "customer_id,product_id,referred_by_customer_id,line_no,quantity,amount\nC1,P1,C2,1,2,10.00\nC1,P1,C2,2,1,5.00\nC4,P2,,1,3,7.50\n";

    protected TFixture Fixture { get; } = fixture;

    /// <summary>Staging writer factories to use (the provider fast path in engine subclasses that have one).</summary>
    protected virtual IReadOnlyList<IStagingWriterFactory> Writers => [];

    protected async Task<LoaderHarness> NewVaultAsync()
    {
        var harness = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        var loader = harness.Loader();
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return harness;
    }

    protected VaultLoader Loader(LoaderHarness harness, LoadOptions? options = null) => harness.Loader(options, Writers);

    protected static LoadBatch Batch(string name, DateTime loadDate, params string[] csvFiles)
    {
        var batch = new LoadBatch(name, "test") { LoadDate = loadDate };
        foreach (var file in csvFiles)
        {
            batch.AddCsv(file);
        }

        return batch;
    }

    [Fact]
    public async Task A_full_load_fills_hubs_links_and_satellites_from_several_sources()
    {
        await using var h = await NewVaultAsync();
        var result = await Loader(h).LoadAsync(Batch("full", Day1, h.File("customers.csv", Customers), h.File("sales.csv", Sales)));

        (await h.CountAsync("hub_customer", $"{h.Q("customer_id")} IS NOT NULL")).Should().Be(4, "C1–C3 from customers.csv and C4 seen only in sales.csv land in one hub");
        (await h.CountAsync("hub_customer", $"{h.Q("customer_id")} IS NULL")).Should().Be(1, "the ghost record");
        (await h.CountAsync("hub_product", $"{h.Q("product_id")} IS NOT NULL")).Should().Be(2);
        (await h.CountAsync("link_sale")).Should().Be(3, "each line is its own combination (line_no is a dependent child key)");
        (await h.CountAsync("sat_customer_details")).Should().Be(3);
        (await h.CountAsync("sat_sale_metrics")).Should().Be(3);
        var orphans = await h.Connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {h.Q("link_sale")} l LEFT JOIN {h.Q("hub_customer")} c ON c.{h.Q("hub_customer_hk")} = l.{h.Q("referred_by_hub_customer_hk")} WHERE c.{h.Q("hub_customer_hk")} IS NULL");
        orphans.Should().Be(0, "a NULL referred_by maps to the zero key, which the ghost record holds");
        result.RowsRead.Should().Be(6);
        result.InsertedByTable["hub_customer"].Should().Be(4);
        result.InsertedByTable["link_sale"].Should().Be(3);
        var log = await h.BatchLogAsync(result.BatchId);
        log.Status.Should().Be("succeeded");
        log.Processed.Should().Be(6);
        log.Inserted.Should().Be(result.RowsInserted);
        log.Counts.Should().Contain("\"link_sale\": 3");
    }

    [Fact]
    public async Task A_link_can_require_all_its_keys_so_rows_with_a_missing_key_add_no_link_row()
    {
        await using var h = await NewVaultAsync();
        var batch = new LoadBatch("optional", "test") { LoadDate = Day1 }.AddCsv(h.File("sales.csv", Sales), m => m.RequireAllKeys("link_sale"));

        var result = await Loader(h).LoadAsync(batch);

        result.InsertedByTable["link_sale"].Should().Be(2, "the C4 line has no referred_by customer");
        result.InsertedByTable["sat_sale_metrics"].Should().Be(2, "its satellite row would have no link row to describe");
        (await h.CountAsync("hub_customer", $"{h.Q("customer_id")} = 'C4'")).Should().Be(1, "the hub still gets the key");
        result.SkippedLinkRows.Should().Equal(new Dictionary<string, long> { ["link_sale"] = 1 }, "the skipped row is reported, not lost without a word");
    }

    [Fact]
    public async Task Rerunning_a_batch_with_the_same_load_timestamp_changes_nothing()
    {
        await using var h = await NewVaultAsync();
        var files = new[] { h.File("customers.csv", Customers), h.File("sales.csv", Sales) };
        await Loader(h).LoadAsync(Batch("b1", Day1, files));
        var before = await h.SnapshotAsync();

        var rerun = await Loader(h).LoadAsync(Batch("b1-again", Day1, files));

        (await h.SnapshotAsync()).Should().Equal(before);
        rerun.RowsInserted.Should().Be(0);
    }

    [Fact]
    public async Task A_to_B_to_A_across_batches_gives_three_versions_and_unchanged_rows_are_not_duplicated()
    {
        await using var h = await NewVaultAsync();
        await Loader(h).LoadAsync(Batch("d1", Day1, h.File("c1.csv", "customer_id,name,birth_date,credit_limit\nC1,Ann,1980-01-31,100\nC2,Bob,,20\n")));
        await Loader(h).LoadAsync(Batch("d2", Day2, h.File("c2.csv", "customer_id,name,birth_date,credit_limit\nC1,Anne,1980-01-31,100\nC2,Bob,,20.00\n")));
        await Loader(h).LoadAsync(Batch("d3", Day3, h.File("c3.csv", "customer_id,name,birth_date,credit_limit\nC1,Ann,1980-01-31,100\nC2,Bob,,20\n")));

        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.Name)).Should().Equal((Day1, "Ann"), (Day2, "Anne"), (Day3, "Ann"));
        (await h.CustomerHistoryAsync("C2")).Should().ContainSingle("20 and 20.00 are the same DECIMAL(10,2) value: no change, no new version");
        (await h.CountAsync("hub_customer")).Should().Be(3, "two keys and the ghost; hub rows are never duplicated");
        var firstSeen = await h.Connection.ExecuteScalarAsync<object>($"SELECT {h.Q("load_date")} FROM {h.Q("hub_customer")} WHERE {h.Q("customer_id")} = 'C1'");
        LoaderHarness.Timestamp(firstSeen).Should().Be(Day1, "a hub row keeps the load timestamp of the batch that first saw it");
    }

    [Fact]
    public async Task Identical_duplicates_collapse_and_conflicting_duplicates_fail_naming_both_rows()
    {
        await using var h = await NewVaultAsync();
        var ok = await Loader(h).LoadAsync(Batch("dup", Day1, h.File("dup.csv", "customer_id,name,birth_date,credit_limit\nC1,Ann,,1\nC1,Ann,,1.0\n")));
        ok.InsertedByTable["sat_customer_details"].Should().Be(1);

        var before = await h.SnapshotAsync();
        var conflict = () => Loader(h).LoadAsync(Batch("conflict", Day2, h.File("conflict.csv", "customer_id,name,birth_date,credit_limit\nC2,Bob,,1\nC3,Cy,,1\nC2,Rob,,1\n")));
        var error = (await conflict.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Contain("sat_customer_details").And.Contain("conflict.csv, line 2").And.Contain("conflict.csv, line 4").And.Contain("customer_id = 'C2'");
        (await h.SnapshotAsync()).Should().Equal(before, "a failed batch writes nothing");
        (await h.BatchLogEntriesAsync()).Last().Status.Should().Be("failed");
    }

    [Fact]
    public async Task Conflicts_beyond_the_in_memory_window_are_found_by_the_database()
    {
        await using var h = await NewVaultAsync();
        var lines = string.Concat(Enumerable.Range(1, 50).Select(i => $"K{i},N{i},,1\n"));
        var file = h.File("many.csv", "customer_id,name,birth_date,credit_limit\n" + lines + "K7,Other,,1\n");
        var load = () => Loader(h, LoadOptions.Default with { RecentKeyCapacity = 4 }).LoadAsync(Batch("window", Day1, file));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("many.csv, line 8").And.Contain("many.csv, line 52");
        (await h.CountAsync("sat_customer_details")).Should().Be(0);
    }

    [Fact]
    public async Task Ordered_changes_of_one_key_in_one_batch_each_become_a_version_one_microsecond_apart()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("changes.csv", "seq,customer_id,name,birth_date,credit_limit\n3,C1,Cy,,1\n1,C1,Ann,,1\n2,C1,Bea,,1\n2,C1,Bea,,1\n4,C1,Cy,,1\n");
        var batch = new LoadBatch("ordered", "test") { LoadDate = Day1 }.AddCsv(file, m => m.OrderBy("seq"));

        await Loader(h).LoadAsync(batch);

        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.Name)).Should().Equal(
            (Day1, "Ann"), (Day1.AddTicks(10), "Bea"), (Day1.AddTicks(20), "Cy"));
    }

    [Fact]
    public async Task A_declared_tie_break_orders_versions_with_the_same_timestamp_which_are_an_error_without_it()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("cdc.csv", "changed_at,lsn,customer_id,name,birth_date,credit_limit\n2026-11-01T10:00:00Z,2,C1,Bea,,1\n2026-11-01T10:00:01Z,1,C1,Cy,,1\n2026-11-01T10:00:00Z,1,C1,Ann,,1\n");

        var untied = () => Loader(h).LoadAsync(new LoadBatch("untied", "test") { LoadDate = Day1 }.AddCsv(file, m => m.OrderBy("changed_at")));
        await untied.Should().ThrowAsync<DataVaultLoadException>("two different versions of C1 at 10:00:00 and nothing to order them");
        (await h.CountAsync("sat_customer_details")).Should().Be(0);

        await Loader(h).LoadAsync(new LoadBatch("tied", "test") { LoadDate = Day1 }.AddCsv(file, m => m.OrderBy("changed_at", tieBreakColumn: "lsn")));
        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.Name)).Should().Equal(
            (Day1, "Ann"), (Day1.AddTicks(10), "Bea"), (Day1.AddTicks(20), "Cy"));
    }

    [Fact]
    public async Task A_bad_value_rejects_the_whole_batch_with_source_line_column_and_value()
    {
        await using var h = await NewVaultAsync();
        var files = new[] { h.File("customers.csv", Customers), h.File("sales.csv", "customer_id,product_id,referred_by_customer_id,line_no,quantity,amount\nC1,P1,,1,2,1\nC1,P2,,2,abc,1\n") };
        var load = () => Loader(h).LoadAsync(Batch("bad", Day1, files));

        var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Be("sales.csv, line 3, column quantity: 'abc' is not an integer");
        (error.SourceName, error.Line, error.Column).Should().Be(("sales.csv", 3L, "quantity"));
        (await h.CountAsync("hub_customer")).Should().Be(1, "only the ghost: customers.csv was staged but nothing was committed");
        (await h.BatchLogEntriesAsync()).Should().ContainSingle().Which.Should().Be(("failed", error.Message));
    }

    [Fact]
    public async Task Quarantine_keeps_bad_rows_whole_and_loads_the_rest()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("q.csv", "customer_id,name,birth_date,credit_limit\nC1,Ann,,1\nC2,Bob,31/12/1990,1\nC3,Cy,,123456789.12\n");
        var result = await Loader(h, LoadOptions.Default with { BadRows = BadRowHandling.Quarantine }).LoadAsync(Batch("q", Day1, file));

        result.RowsRejected.Should().Be(2);
        (await h.CountAsync("sat_customer_details")).Should().Be(1);
        var rows = (await h.Connection.QueryAsync($"SELECT {h.Q("line_number")}, {h.Q("column_name")}, {h.Q("reason")}, {h.Q("raw_row")} FROM {h.Q("dv_rejected_rows")} ORDER BY {h.Q("line_number")}"))
            .Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).ToList();
        rows.Should().HaveCount(2);
        Convert.ToInt64(rows[0][0]).Should().Be(3);
        rows[0][1].Should().Be("birth_date");
        ((string)rows[0][2]!).Should().Be("'31/12/1990' is not a date (expected yyyy-MM-dd)");
        ((string)rows[0][3]!).Should().Be("{\"customer_id\":\"C2\",\"name\":\"Bob\",\"birth_date\":\"31/12/1990\",\"credit_limit\":\"1\"}");
        ((string)rows[1][2]!).Should().Be("'123456789.12' does not fit decimal(10,2)");
    }

    [Fact]
    public async Task A_stored_row_with_the_same_key_and_load_timestamp_but_other_data_fails_the_batch()
    {
        await using var h = await NewVaultAsync();
        await Loader(h).LoadAsync(Batch("b1", Day1, h.File("a.csv", "customer_id,name,birth_date,credit_limit\nC1,Ann,,1\n")));
        var load = () => Loader(h).LoadAsync(Batch("b1-changed", Day1, h.File("b.csv", "customer_id,name,birth_date,credit_limit\nC1,Anne,,1\n")));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("differs from the row already stored with the same key and load date");
        (await h.CustomerHistoryAsync("C1")).Should().ContainSingle().Which.Name.Should().Be("Ann");
    }

    [Fact]
    public async Task Late_data_is_rejected_by_default_and_inserted_in_order_when_asked()
    {
        await using var h = await NewVaultAsync();
        var options = LoadOptions.Default with { EndDating = true };
        await Loader(h, options).LoadAsync(Batch("d1", Day1, h.File("d1.csv", "customer_id,name,birth_date,credit_limit\nC1,Ann,,1\n")));
        await Loader(h, options).LoadAsync(Batch("d3", Day3, h.File("d3.csv", "customer_id,name,birth_date,credit_limit\nC1,Cy,,1\n")));
        var late = h.File("d2.csv", "customer_id,name,birth_date,credit_limit\nC1,Bea,,1\n");

        var reject = () => Loader(h, options).LoadAsync(Batch("d2", Day2, late));
        (await reject.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("late data");
        (await h.CustomerHistoryAsync("C1")).Should().HaveCount(2);

        await Loader(h, options with { LateData = LateDataHandling.InsertInOrder }).LoadAsync(Batch("d2", Day2, late));
        (await h.CustomerHistoryAsync("C1")).Should().Equal((Day1, Day2, "Ann", 1m), (Day2, Day3, "Bea", 1m), (Day3, null, "Cy", 1m));
    }

    [Fact]
    public async Task End_dating_closes_each_version_at_its_successor_and_never_overlaps()
    {
        await using var h = await NewVaultAsync();
        var options = LoadOptions.Default with { EndDating = true };
        foreach (var (day, name) in new[] { (Day1, "Ann"), (Day2, "Bea"), (Day3, "Cy") })
        {
            await Loader(h, options).LoadAsync(Batch(name, day, h.File(name + ".csv", $"customer_id,name,birth_date,credit_limit\nC1,{name},,1\n")));
        }

        (await h.CustomerHistoryAsync("C1")).Select(v => (v.LoadDate, v.EndDate)).Should().Equal((Day1, Day2), (Day2, Day3), (Day3, (DateTime?)null));
    }

    [Fact]
    public async Task A_failure_mid_batch_leaves_nothing_and_a_rerun_gives_the_result_of_one_clean_run()
    {
        await using var h = await NewVaultAsync();
        var rows = Enumerable.Range(1, 25_000).Select(i => new CustomerRow($"C{i}", $"N{i}", null, i % 100)).ToList();
        IEnumerable<CustomerRow> Failing()
        {
            foreach (var row in rows.Take(20_000))
            {
                yield return row;
            }

            throw new IOException("the network went away");
        }

        var load = () => Loader(h).LoadAsync(new LoadBatch("crash", "test") { LoadDate = Day1 }.AddObjects("customers", Failing()));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.InnerException.Should().BeOfType<IOException>();
        (await h.CountAsync("sat_customer_details")).Should().Be(0, "20,000 rows were staged in two chunks, but nothing was committed");

        await Loader(h).LoadAsync(new LoadBatch("crash-rerun", "test") { LoadDate = Day1 }.AddObjects("customers", rows));
        (await h.CountAsync("sat_customer_details")).Should().Be(25_000);
        (await h.CountAsync("hub_customer")).Should().Be(25_001);
    }

    [Fact]
    public async Task A_cancelled_batch_leaves_nothing_behind()
    {
        await using var h = await NewVaultAsync();
        using var cancel = new CancellationTokenSource();
        var rows = Enumerable.Range(1, 30_000).Select(i => new CustomerRow($"C{i}", "N", null, 1));
        var progress = new SyncProgress(p =>
        {
            if (p.RowsRead >= 10_000)
            {
                cancel.Cancel();
            }
        });

        var load = () => Loader(h).LoadAsync(new LoadBatch("cancel", "test") { LoadDate = Day1 }.AddObjects("customers", rows), progress, cancel.Token);
        await load.Should().ThrowAsync<OperationCanceledException>();
        (await h.CountAsync("hub_customer")).Should().Be(1);
        (await h.BatchLogEntriesAsync()).Should().ContainSingle().Which.Status.Should().Be("cancelled");
    }

    [Fact]
    public async Task Data_readers_and_objects_are_sources_too()
    {
        await using var h = await NewVaultAsync();
        using var table = new DataTable();
        table.Columns.Add("customer_id", typeof(string));
        table.Columns.Add("name", typeof(string));
        table.Columns.Add("birth_date", typeof(DateTime));
        table.Columns.Add("credit_limit", typeof(decimal));
        table.Rows.Add("R1", "Reader", new DateTime(2000, 2, 29), 12.5m);
        using var reader = table.CreateDataReader();
        var batch = new LoadBatch("mixed", "test") { LoadDate = Day1 }
            .AddReader("table", reader)
            .AddObjects("objects", [new CustomerRow("O1", "Object", new DateOnly(1999, 1, 1), 3m)]);

        await Loader(h).LoadAsync(batch);

        (await h.CustomerHistoryAsync("R1")).Should().ContainSingle().Which.CreditLimit.Should().Be(12.5m);
        (await h.CustomerHistoryAsync("O1")).Should().ContainSingle().Which.Name.Should().Be("Object");
    }

    [Fact]
    public async Task Headers_are_checked_and_a_header_only_file_is_an_empty_batch()
    {
        await using var h = await NewVaultAsync();
        var empty = await Loader(h).LoadAsync(Batch("empty", Day1, h.File("empty.csv", "customer_id,name,birth_date,credit_limit\r\n")));
        empty.RowsRead.Should().Be(0);

        var duplicate = () => Loader(h).LoadAsync(Batch("dup", Day1, h.File("dup.csv", "customer_id,name,Name\nC1,a,b\n")));
        (await duplicate.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be("dup.csv: the column 'Name' appears twice (columns 2 and 3); headers must be unique.");

        var missing = () => Loader(h).LoadAsync(new LoadBatch("missing", "test") { LoadDate = Day1 }.AddCsv(h.File("m.csv", "customer_id,name\nC1,a\n"), m => m.Only("sat_customer_details")));
        (await missing.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().StartWith("m.csv: the column(s) birth_date, credit_limit required by sat_customer_details are missing");

        var ragged = () => Loader(h).LoadAsync(Batch("ragged", Day1, h.File("ragged.csv", "customer_id,name,birth_date,credit_limit\nC1,a,,1\nC2,b\n")));
        (await ragged.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be("ragged.csv, line 3: the row has 2 fields, the header has 4");

        var unclosed = () => Loader(h).LoadAsync(Batch("unclosed", Day1, h.File("unclosed.csv", "customer_id,name,birth_date,credit_limit\nC1,a,,1\nC2,\"b,,1\n")));
        (await unclosed.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().StartWith("unclosed.csv, line 3: ");

        var nothing = () => Loader(h).LoadAsync(Batch("nothing", Day1, h.File("x.csv", "a,b\n1,2\n")));
        (await nothing.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("feeds no table");

        var tooLong = () => Loader(h).LoadAsync(Batch("long", Day1, h.File("long.csv", $"customer_id,name,birth_date,credit_limit\nC1,{new string('x', 101)},,1\n")));
        (await tooLong.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().EndWith("is 101 characters long; the column holds at most 100");
        (await h.CountAsync("hub_customer")).Should().Be(1);
    }

    [Fact]
    public async Task Quoted_fields_with_delimiters_newlines_a_BOM_and_CRLF_are_read_as_written()
    {
        await using var h = await NewVaultAsync();
        var path = h.File("quoted.csv", "placeholder");
        await File.WriteAllTextAsync(path, "credit_limit,name,birth_date,customer_id\r\n1,\"Line one\r\nline two, with comma\",,Q1\r\n2,\"Zoë \"\"Z\"\" 😀\",,Q2\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var load = () => Loader(h).LoadAsync(Batch("quoted", Day1, path));
        await load.Should().NotThrowAsync();
        (await h.CustomerHistoryAsync("Q1")).Single().Name.Should().Be("Line one\r\nline two, with comma");
        (await h.CustomerHistoryAsync("Q2")).Single().Name.Should().Be("Zoë \"Z\" 😀");
    }

    [Fact]
    public async Task Loading_into_a_database_without_the_vault_says_to_create_it()
    {
        await using var h = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await h.Loader().DropVaultAsync();
        var load = () => Loader(h).LoadAsync(Batch("no-vault", Day1, h.File("c.csv", Customers)));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("Create the vault first (EnsureVaultAsync)");
    }

    public sealed record CustomerRow(string CustomerId, string Name, DateOnly? BirthDate, decimal CreditLimit);

    private sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}

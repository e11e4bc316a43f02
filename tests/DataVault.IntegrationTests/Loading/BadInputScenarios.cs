using System.Globalization;
using System.Text.Json;
using Dapper;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Bad input rows (issue #14): blank business keys never feed the ghost record, data values are shown escaped in
/// messages and the batch log, and a quarantined row lists every bad column. On every real engine.
/// </summary>
public abstract class BadInputScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private const string Header = "customer_id,name,birth_date,credit_limit\n";

    /// <summary>Staging writer factories to use (the provider fast path in engine subclasses that have one).</summary>
    protected virtual IReadOnlyList<IStagingWriterFactory> Writers => [];

    private static LoadOptions Quarantine => LoadOptions.Default with { BadRows = BadRowHandling.Quarantine };

    [Fact]
    public async Task A_blank_or_empty_business_key_with_attributes_rejects_the_batch_naming_file_line_and_column()
    {
        await using var h = await NewVaultAsync();
        await Loader(h).LoadAsync(Batch("b0", h.File("seed.csv", Header + "C1,Ann,,1\n")));
        var before = await VaultRowsAsync(h);

        var load = () => Loader(h).LoadAsync(Batch("blank", h.File("customers.csv", Header + "C2,Bob,,2\n   ,Ghost,,5\n")));

        var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Be("customers.csv, line 3, column customer_id: '   ' leaves the key of hub_customer (customer_id) empty (NULL or blank), but the row has attributes for sat_customer_details: a row without a key is not loaded (it would describe the ghost record)");
        (error.SourceName, error.Line, error.Column).Should().Be(("customers.csv", 3L, "customer_id"));
        (await VaultRowsAsync(h)).Should().Equal(before, "a rejected batch leaves the vault exactly as it was");
        (await h.BatchLogEntriesAsync()).Last().Should().Be(("failed", error.Message));

        var empty = () => Loader(h).LoadAsync(Batch("empty", h.File("empty.csv", Header + ",Nobody,1990-01-01,\n")));
        (await empty.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().StartWith("empty.csv, line 2, column customer_id: 'NULL' leaves the key of hub_customer (customer_id) empty");
        (await VaultRowsAsync(h)).Should().Equal(before);
    }

    [Fact]
    public async Task Quarantine_takes_rows_with_a_blank_key_and_the_ghost_record_gets_no_satellite_row()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("customers.csv", Header + "C1,Ann,,1\n   ,Ghost,,5\n,Nobody,,7\n,,,\n  ,,,\n");

        var result = await Loader(h, Quarantine).LoadAsync(Batch("q", file));

        result.RowsRejected.Should().Be(2, "the two rows with attributes and no key; the rows without attributes carry nothing to load");
        (await GhostSatelliteRowsAsync(h)).Should().Be(0);
        (await h.CountAsync("sat_customer_details")).Should().Be(1);
        (await h.CountAsync("hub_customer")).Should().Be(2, "C1 and the ghost record: a blank key is never a hub row");
        var rows = await QuarantinedAsync(h);
        rows.Select(r => (r.Line, r.Column)).Should().Equal((3L, "customer_id"), (4L, "customer_id"));
        rows[0].Reason.Should().Be("'   ' leaves the key of hub_customer (customer_id) empty (NULL or blank), but the row has attributes for sat_customer_details: a row without a key is not loaded (it would describe the ghost record)");
        rows[1].Reason.Should().StartWith("'NULL' leaves the key of hub_customer (customer_id) empty");
        JsonSerializer.Deserialize<Dictionary<string, string?>>(rows[0].RawRow)!["customer_id"].Should().Be("   ", "the quarantine keeps the row as it was read");
    }

    [Fact]
    public async Task A_blank_hub_reference_in_a_link_row_still_points_to_the_zero_key()
    {
        await using var h = await NewVaultAsync();
        var sales = h.File("sales.csv", "customer_id,product_id,referred_by_customer_id,line_no,quantity,amount\nC1,P1,   ,1,2,10.00\n   ,P2,C1,1,3,7.50\n");

        var result = await Loader(h).LoadAsync(Batch("sales", sales));

        result.RowsRejected.Should().Be(0);
        (await h.CountAsync("link_sale")).Should().Be(2);
        (await h.CountAsync("sat_sale_metrics")).Should().Be(2, "the link's key is not empty: one of its hubs is optional");
        (await h.CountAsync("hub_customer")).Should().Be(2, "C1 and the ghost record");
        var zeroReferences = await h.Connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {h.Q("link_sale")} l JOIN {h.Q("hub_customer")} c ON c.{h.Q("hub_customer_hk")} = l.{h.Q("referred_by_hub_customer_hk")} WHERE c.{h.Q("customer_id")} IS NULL");
        zeroReferences.Should().Be(1, "the blank referred_by points to the ghost record");
        var zeroCustomers = await h.Connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {h.Q("link_sale")} l JOIN {h.Q("hub_customer")} c ON c.{h.Q("hub_customer_hk")} = l.{h.Q("hub_customer_hk")} WHERE c.{h.Q("customer_id")} IS NULL");
        zeroCustomers.Should().Be(1, "the blank customer_id points to the ghost record");
    }

    [Fact]
    public async Task Control_characters_are_escaped_in_messages_and_the_batch_log_and_kept_in_the_data()
    {
        await using var h = await NewVaultAsync();
        const string red = "\u001b[31mRed\u001b[0m \u202e";
        const string bad = "\u001b[31m\0";
        await Loader(h).LoadAsync(Batch("b0", h.File("seed.csv", Header + $"C1,{red},,1\n")));
        var before = await VaultRowsAsync(h);
        var file = h.File("ctl.csv", Header + $"C2,Bob,,{bad}\nC3,{red},,3\n");

        var load = () => Loader(h).LoadAsync(Batch("ctl", file));

        var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Be("ctl.csv, line 2, column credit_limit: '\\u001b[31m\\u0000' contains a NUL character (U+0000)");
        var (status, logged) = (await h.BatchLogEntriesAsync()).Last();
        status.Should().Be("failed");
        logged.Should().Be(error.Message).And.NotContainAny("\u001b", "\0");
        (await VaultRowsAsync(h)).Should().Equal(before);
        (await h.CustomerHistoryAsync("C1")).Single().Name.Should().Be(red, "the data itself is loaded untouched");

        var result = await Loader(h, Quarantine).LoadAsync(Batch("ctl-q", file));

        result.RowsRejected.Should().Be(1);
        (await h.CustomerHistoryAsync("C3")).Single().Name.Should().Be(red);
        var row = (await QuarantinedAsync(h)).Single();
        row.Reason.Should().Be("'\\u001b[31m\\u0000' contains a NUL character (U+0000)");
        JsonSerializer.Deserialize<Dictionary<string, string?>>(row.RawRow)!["credit_limit"].Should().Be(bad, "the quarantine's raw row keeps the value as read");
    }

    [Fact]
    public async Task A_quarantined_row_lists_every_bad_column_and_a_rejection_counts_the_others()
    {
        await using var h = await NewVaultAsync();
        var file = h.File("q.csv", Header + "C1,Ann,,1\nC2,Bob,31/12/1990,123456789.12\n   ,Cy,1990-13-01,\n");
        var before = await VaultRowsAsync(h);

        var reject = () => Loader(h).LoadAsync(Batch("reject", file));

        var error = (await reject.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Be("q.csv, line 3, column birth_date: '31/12/1990' is not a date (expected yyyy-MM-dd) (and 1 more bad column in this row: credit_limit)");
        error.Column.Should().Be("birth_date");
        (await VaultRowsAsync(h)).Should().Equal(before);

        var result = await Loader(h, Quarantine).LoadAsync(Batch("q", file));

        result.RowsRejected.Should().Be(2);
        (await h.CountAsync("sat_customer_details")).Should().Be(1);
        var rows = await QuarantinedAsync(h);
        rows.Select(r => (r.Line, r.Column)).Should().Equal((3L, "birth_date"), (4L, "birth_date"));
        rows[0].Reason.Should().Be("column birth_date: '31/12/1990' is not a date (expected yyyy-MM-dd); column credit_limit: '123456789.12' does not fit decimal(10,2)");
        rows[1].Reason.Should().Be("column birth_date: '1990-13-01' is not a date (expected yyyy-MM-dd); column customer_id: '   ' leaves the key of hub_customer (customer_id) empty (NULL or blank), but the row has attributes for sat_customer_details: a row without a key is not loaded (it would describe the ghost record)");
    }

    private async Task<LoaderHarness> NewVaultAsync()
    {
        var harness = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        var loader = harness.Loader();
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return harness;
    }

    private VaultLoader Loader(LoaderHarness harness, LoadOptions? options = null) => harness.Loader(options, Writers);

    private static LoadBatch Batch(string name, string file) => new LoadBatch(name, "test") { LoadDate = Day1 }.AddCsv(file);

    /// <summary>Satellite rows of the ghost record (the zero key).</summary>
    private static async Task<long> GhostSatelliteRowsAsync(LoaderHarness h) => await h.Connection.ExecuteScalarAsync<long>(
        $"SELECT COUNT(*) FROM {h.Q("sat_customer_details")} s JOIN {h.Q("hub_customer")} c ON c.{h.Q("hub_customer_hk")} = s.{h.Q("hub_customer_hk")} WHERE c.{h.Q("customer_id")} IS NULL");

    private static async Task<List<(long Line, string? Column, string Reason, string RawRow)>> QuarantinedAsync(LoaderHarness h)
    {
        var rows = await h.Connection.QueryAsync(
            $"SELECT {h.Q("line_number")}, {h.Q("column_name")}, {h.Q("reason")}, {h.Q("raw_row")} FROM {h.Q("dv_rejected_rows")} ORDER BY {h.Q("line_number")}");
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return (Convert.ToInt64(v[0], CultureInfo.InvariantCulture), v[1] as string, (string)v[2]!, (string)v[3]!);
        })];
    }

    /// <summary>Every row of every vault table as invariant text, sorted: "the vault is unchanged" compares these.</summary>
    private static async Task<List<string>> VaultRowsAsync(LoaderHarness h)
    {
        var all = new List<string>();
        foreach (var table in h.Model.Hubs.Select(x => x.TableName).Concat(h.Model.Links.Select(x => x.TableName)).Concat(h.Model.Satellites.Select(x => x.TableName)))
        {
            foreach (var row in await h.Connection.QueryAsync($"SELECT * FROM {h.Q(table)}"))
            {
                all.Add(table + ": " + string.Join(" | ", ((IDictionary<string, object?>)row).Select(c => c.Key + "=" + Text(c.Value))));
            }
        }

        all.Sort(StringComparer.Ordinal);
        return all;
    }

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "NULL",
    };
}

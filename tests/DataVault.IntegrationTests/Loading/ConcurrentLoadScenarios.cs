using System.Globalization;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Two loaders on two real connections run overlapping batches at the same time: no duplicate hub or link rows, no
/// key-conflict failures, every satellite version of both batches is there, and values a batch derives from the vault
/// (through a lookup) make the end state equal to one order of loading the batches one after the other.
/// </summary>
public abstract class ConcurrentLoadScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected virtual IReadOnlyList<IStagingWriterFactory> Writers => [];

    /// <summary>
    /// Both batches carry versions of the same satellite keys; whichever commits second finds the other's newer or older
    /// version stored, which the default rejects as late data. Concurrent loaders of overlapping satellites insert in order.
    /// </summary>
    private static LoadOptions Options { get; } = LoadOptions.Default with { LateData = LateDataHandling.InsertInOrder, EndDating = true };

    [Fact]
    public async Task Overlapping_batches_loaded_at_the_same_time_never_duplicate_keys_or_fail()
    {
        await using var setup = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        await setup.Loader().DropVaultAsync();
        await setup.Loader().EnsureVaultAsync();

        for (var round = 0; round < 3; round++)
        {
            var day = new DateTime(2026, 11, 1, 8, 0, 0).AddDays(round);
            var first = Customers(round, 1, 3000, "A");
            var second = Customers(round, 1500, 4500, "B");
            await using var a = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
            await using var b = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
            var loads = new[]
            {
                Task.Run(() => a.Loader(Options, Writers).LoadAsync(new LoadBatch($"a{round}", "crm") { LoadDate = day }.AddObjects("a", first).AddObjects("a-sales", Sales(round, 1, 3000)))),
                Task.Run(() => b.Loader(Options, Writers).LoadAsync(new LoadBatch($"b{round}", "shop") { LoadDate = day.AddMinutes(1) }.AddObjects("b", second).AddObjects("b-sales", Sales(round, 1500, 4500)))),
            };
            await Task.WhenAll(loads);
        }

        var q = setup.Q;
        (await setup.CountAsync("hub_customer")).Should().Be(4501, "4,500 distinct customers and the ghost, however the loads interleaved");
        (await setup.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM (SELECT {q("customer_id")} FROM {q("hub_customer")} GROUP BY {q("customer_id")} HAVING COUNT(*) > 1) d"))
            .Should().Be(0);
        (await setup.CountAsync("link_sale")).Should().Be(4500 * 3, "one link row per customer, product and round (line_no = round)");
        (await setup.CountAsync("sat_customer_details")).Should().Be(3 * (3000 + 3001), "each batch's rows are versions of their own load timestamp");
        var overlaps = await setup.Connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {q("sat_customer_details")} a JOIN {q("sat_customer_details")} b ON a.{q("hub_customer_hk")} = b.{q("hub_customer_hk")} AND a.{q("load_date")} < b.{q("load_date")} " +
            $"WHERE a.{q("load_end_date")} IS NULL OR a.{q("load_end_date")} > b.{q("load_date")}");
        overlaps.Should().Be(0, "end dates are recomputed per key, so versions never overlap however the batches interleaved");
        (await setup.BatchLogEntriesAsync()).Should().HaveCount(6).And.OnlyContain(e => e.Status == "succeeded");
    }

    [Fact]
    public async Task A_lookup_waits_for_the_merge_lock_and_reads_what_a_concurrent_batch_committed()
    {
        await using var setup = await FreshVaultAsync();
        var day = new DateTime(2026, 11, 10, 8, 0, 0);
        await setup.Loader().LoadAsync(new LoadBatch("prices-0", "crm") { LoadDate = day }.AddObjects("c", new[] { Customer("L1", 100m) }));

        // Batch A re-prices L1 and, inside its lookup (merge lock held), waits until B has been started and had time to run ahead.
        var aInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = new List<string>();
        await using var a = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        await using var b = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        var batchA = new LoadBatch("prices-1", "crm") { LoadDate = day.AddDays(1) }
            .AddObjects("c", new[] { Customer("L1", 200m) })
            .LookUp(async (_, token) =>
            {
                lock (events) { events.Add("A lookup"); }
                aInside.SetResult();
                await releaseA.Task.WaitAsync(token);
            });
        var loadA = Task.Run(() => a.Loader(Options, Writers).LoadAsync(batchA));
        await aInside.Task.WaitAsync(TimeSpan.FromSeconds(60));

        decimal? seen = null;
        var batchB = SalesBatch("sales-2", day.AddDays(2), ["L1"], limits => seen = limits.GetValueOrDefault("L1"), events);
        var loadB = Task.Run(() => b.Loader(Options, Writers).LoadAsync(batchB));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        lock (events) { events.Add("A released"); }
        releaseA.SetResult();
        await Task.WhenAll(loadA, loadB);

        events.Should().Equal(["A lookup", "A released", "B lookup"], "B's lookup waits for the merge lock A holds until A committed");
        seen.Should().Be(200m, "B's lookup runs after A committed, so it reads A's credit limit");
        (await AmountsAsync(setup, "sales-2")).Should().Equal(new Dictionary<string, decimal?> { ["L1"] = 400m }, "B's derived amount is quantity 2 x the limit its lookup read");
    }

    [Fact]
    public async Task Concurrent_batches_with_lookups_end_in_the_state_of_one_sequential_order()
    {
        await using var setup = await FreshVaultAsync();
        var day = new DateTime(2026, 11, 20, 8, 0, 0);
        for (var round = 0; round < 4; round++)
        {
            // A: sales of X (known, limit 100) and creates Y (limit 300). B: re-prices X to 200 and sells to Y.
            // A then B: X's sale 2 x 100, Y's sale 2 x 300. B then A: Y's sale has no limit (NULL), X's sale 2 x 200.
            // A stale read would mix the two: X at 2 x 100 and Y NULL, the state of neither order.
            var (x, y) = ($"X{round}", $"Y{round}");
            await setup.Loader(Options, Writers).LoadAsync(new LoadBatch($"r{round}-setup", "crm") { LoadDate = day }.AddObjects("c", new[] { Customer(x, 100m) }));
            await using var a = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
            await using var b = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
            var batchA = SalesBatch($"r{round}-a", day.AddDays(1), [x], _ => { }, null).AddObjects("c", new[] { Customer(y, 300m) });
            var batchB = SalesBatch($"r{round}-b", day.AddDays(2), [y], _ => { }, null).AddObjects("c", new[] { Customer(x, 200m) });
            await Task.WhenAll(
                Task.Run(() => a.Loader(Options, Writers).LoadAsync(batchA)),
                Task.Run(() => b.Loader(Options, Writers).LoadAsync(batchB)));

            var amounts = (await AmountsAsync(setup, $"r{round}-a")).Concat(await AmountsAsync(setup, $"r{round}-b")).ToDictionary(p => p.Key, p => p.Value);
            var aThenB = new Dictionary<string, decimal?> { [x] = 200m, [y] = 600m };
            var bThenA = new Dictionary<string, decimal?> { [x] = 400m, [y] = null };
            amounts.Should().Match<Dictionary<string, decimal?>>(d => Same(d, aThenB) || Same(d, bThenA), $"round {round}: the state of A then B or of B then A, never a mix");
            day = day.AddDays(10);
        }
    }

    [Fact]
    public async Task The_same_batch_loaded_twice_at_the_same_time_gives_the_result_of_one_load()
    {
        await using var setup = await FreshVaultAsync();
        var day = new DateTime(2026, 12, 1, 8, 0, 0);
        LoadBatch Batch() => new LoadBatch("twice", "crm") { LoadDate = day }.AddObjects("c", Customers(0, 1, 2000, "T")).AddObjects("s", Sales(0, 1, 2000));
        await using var a = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        await using var b = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        var results = await Task.WhenAll(
            Task.Run(() => a.Loader(Options, Writers).LoadAsync(Batch())),
            Task.Run(() => b.Loader(Options, Writers).LoadAsync(Batch())));

        results.Sum(r => r.RowsInserted).Should().Be(results.Max(r => r.RowsInserted), "whichever merged second found every row stored and inserted nothing");
        var concurrent = await setup.SnapshotAsync();

        await using var once = await FreshVaultAsync();
        await once.Loader(Options, Writers).LoadAsync(Batch());
        concurrent.Should().Equal(await once.SnapshotAsync(), "two copies of one batch at once leave what one load leaves");
    }

    private async Task<LoaderHarness> FreshVaultAsync()
    {
        var setup = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        await setup.Loader().DropVaultAsync();
        await setup.Loader().EnsureVaultAsync();
        return setup;
    }

    private static bool Same(Dictionary<string, decimal?> left, Dictionary<string, decimal?> right) =>
        left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var v) && v == p.Value);

    private static LoaderScenarios<TFixture>.CustomerRow Customer(string id, decimal limit) => new(id, "name " + id, null, limit);

    /// <summary>
    /// Sales of quantity 2 to each customer, whose amount is derived from the customer's current credit limit, read by
    /// the batch's lookup.
    /// </summary>
    private static LoadBatch SalesBatch(string name, DateTime loadDate, string[] customers, Action<Dictionary<string, decimal>> seen, List<string>? events)
    {
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        return new LoadBatch(name, "shop") { LoadDate = loadDate }
            .LookUp(async (lookup, token) =>
            {
                if (events is not null)
                {
                    lock (events) { events.Add("B lookup"); }
                }

                foreach (var row in (await lookup.QueryAsync(CurrentLimits(lookup.Dialect), token)).Rows)
                {
                    limits[(string)row[0]!] = Convert.ToDecimal(row[1], CultureInfo.InvariantCulture);
                }

                seen(limits);
            })
            .AddObjects("s-" + name, customers.Select(c => new LookupSaleRow(c, "P-" + name, null, 7, 2)), m => m
                .Derive("amount", DataType.Decimal(12, 2), row => limits.TryGetValue((string)row["customer_id"]!, out var limit) ? limit * 2 : null));
    }

    /// <summary>
    /// Each customer's current credit limit (its latest version, whatever its load date): unlike an as-of lookup, whose
    /// result cannot depend on a batch of a later load date, this one tells apart every order of two batches.
    /// </summary>
    private static SqlStatement CurrentLimits(SqlDialect dialect)
    {
        string Q(string identifier) => dialect.QuoteIdentifier(identifier);
        return SqlStatement.Of(
            $"SELECT h.{Q("customer_id")}, s.{Q("credit_limit")} FROM {Q("hub_customer")} h JOIN {Q("sat_customer_details")} s ON s.{Q("hub_customer_hk")} = h.{Q("hub_customer_hk")} " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {Q("sat_customer_details")} n WHERE n.{Q("hub_customer_hk")} = s.{Q("hub_customer_hk")} AND n.{Q("load_date")} > s.{Q("load_date")})");
    }

    /// <summary>The amount of each customer's sale of product P-batch (line 7), by customer.</summary>
    private static async Task<Dictionary<string, decimal?>> AmountsAsync(LoaderHarness h, string batch)
    {
        string Q(string identifier) => h.Q(identifier);
        var rows = await h.Connection.QueryAsync(
            $"SELECT c.{Q("customer_id")} AS customer, m.{Q("amount")} AS amount FROM {Q("sat_sale_metrics")} m JOIN {Q("link_sale")} l ON l.{Q("link_sale_hk")} = m.{Q("link_sale_hk")} " +
            $"JOIN {Q("hub_customer")} c ON c.{Q("hub_customer_hk")} = l.{Q("hub_customer_hk")} JOIN {Q("hub_product")} p ON p.{Q("hub_product_hk")} = l.{Q("hub_product_hk")} " +
            $"WHERE p.{Q("product_id")} = {h.Dialect.ParameterPlaceholder("product")}",
            new { product = "P-" + batch });
        return rows.Select(r => (IDictionary<string, object?>)r).ToDictionary(
            r => (string)r["customer"]!,
            r => r["amount"] is null ? (decimal?)null : Convert.ToDecimal(r["amount"], CultureInfo.InvariantCulture));
    }

    private static List<LoaderScenarios<TFixture>.CustomerRow> Customers(int round, int from, int to, string tag) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => new LoaderScenarios<TFixture>.CustomerRow($"C{i}", $"{tag}{round}-{i}", null, i % 50))];

    private static List<SaleRow> Sales(int round, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => new SaleRow($"C{i}", $"P{i % 97}", null, round, 1, 1m))];

    public sealed record LookupSaleRow(string CustomerId, string ProductId, string? ReferredByCustomerId, int LineNo, int Quantity);

    public sealed record SaleRow(string CustomerId, string ProductId, string? ReferredByCustomerId, int LineNo, int Quantity, decimal Amount);
}

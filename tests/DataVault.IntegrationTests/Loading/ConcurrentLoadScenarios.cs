using Dapper;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Two loaders on two real connections run overlapping batches at the same time: no duplicate hub or link rows, no
/// key-conflict failures, and every satellite version of both batches is there.
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

    private static List<LoaderScenarios<TFixture>.CustomerRow> Customers(int round, int from, int to, string tag) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => new LoaderScenarios<TFixture>.CustomerRow($"C{i}", $"{tag}{round}-{i}", null, i % 50))];

    private static List<SaleRow> Sales(int round, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => new SaleRow($"C{i}", $"P{i % 97}", null, round, 1, 1m))];

    public sealed record SaleRow(string CustomerId, string ProductId, string? ReferredByCustomerId, int LineNo, int Quantity, decimal Amount);
}

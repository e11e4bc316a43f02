using System.Data.Common;
using System.Globalization;
using DataVault.Core.BusinessVault;
using DataVault.Core.Execution;
using DataVault.Core.Hashing;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Rehashing;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Rehashing a loaded retail vault from one hashing standard to another: the result is row for row the vault the same
/// batches give when loaded under the target standard (keys, diffs, ghost records, zero keys, PIT rows), an interrupted
/// rehash resumes, and what would lose or merge history is refused with the vault unchanged.
/// </summary>
public abstract class RehashScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);

    /// <summary>A standard that tells business keys apart by case (the default one upper-cases them).</summary>
    private static readonly HashingStandard CaseSensitive = HashingStandards.Default with { Id = "case-sensitive-keys", KeyCasing = TextCasing.Preserve };

    protected TFixture Fixture { get; } = fixture;

    /// <summary>Staging writer factories to use (the provider fast path in engine subclasses that have one).</summary>
    protected virtual IReadOnlyList<IStagingWriterFactory> Writers => [];

    private static readonly RehashOptions SmallPages = new() { PageSize = 2 };

    public static TheoryData<string, string> StandardPairs => new()
    {
        { HashingStandards.Default.Id, HashingStandards.AutomateDv.Id },
        { HashingStandards.AutomateDv.Id, HashingStandards.DataVault4Dbt.Id },
    };

    private VaultLoader Loader(DbConnection connection, HashingStandard standard) =>
        new(connection, Fixture.Dialect, TestModels.Retail(Fixture.Dialect, standard, customerPit: true), LoadOptions.Default with { StagingWriters = Writers });

    private static IEnumerable<LoadBatch> Batches()
    {
        // Day 1: three customers (one without a birth date), sales with a referral and one without (the zero key).
        yield return new LoadBatch("day 1", "test") { LoadDate = Day1 }
            .AddObjects("customers", new LoaderScenarios<TFixture>.CustomerRow[] { new("C1", "Ann", new DateOnly(1980, 1, 31), 100.50m), new("C2", "Bob", null, 20m), new("C3", "Smith, \"Jo\"", new DateOnly(1990, 12, 1), 0m) })
            .AddObjects("sales", new SaleRow[] { new("C1", "P1", "C2", 1, 2, 10.00m), new("C1", "P1", "C2", 2, 1, 5.00m), new("C4", "P2", null, 1, 3, 7.50m) });

        // Day 2: C1 renamed, C2's limit raised; a new sale.
        yield return new LoadBatch("day 2", "test") { LoadDate = Day2 }
            .AddObjects("customers", new LoaderScenarios<TFixture>.CustomerRow[] { new("C1", "Ann Lee", new DateOnly(1980, 1, 31), 100.50m), new("C2", "Bob", null, 25m), new("C3", "Smith, \"Jo\"", new DateOnly(1990, 12, 1), 0m) })
            .AddObjects("sales", new SaleRow[] { new("C2", "P2", "C1", 1, 1, 99.99m) });

        // Day 3: C1 back to its first name (A -> B -> A), a sale's amount corrected.
        yield return new LoadBatch("day 3", "test") { LoadDate = Day3 }
            .AddObjects("customers", new LoaderScenarios<TFixture>.CustomerRow[] { new("C1", "Ann", new DateOnly(1980, 1, 31), 100.50m) })
            .AddObjects("sales", new SaleRow[] { new("C2", "P2", "C1", 1, 1, 89.99m) });
    }

    public sealed record SaleRow(string CustomerId, string ProductId, string? ReferredByCustomerId, int LineNo, int Quantity, decimal Amount);

    /// <summary>A fresh vault under <paramref name="standard"/> with the three batches loaded and the PIT built for the three days.</summary>
    private async Task<VaultLoader> LoadedAsync(DbConnection connection, HashingStandard standard)
    {
        var loader = Loader(connection, standard);
        await loader.DropVaultAsync();
        await DropRehashTablesAsync(connection, loader);
        await loader.EnsureVaultAsync();
        foreach (var batch in Batches())
        {
            await loader.LoadAsync(batch);
        }

        await new PitRefresher(loader.Session).RefreshAsync(loader.Model.PointInTime("customer"), DateOnly.FromDateTime(Day1), DateOnly.FromDateTime(Day3));
        return loader;
    }

    private async Task DropRehashTablesAsync(DbConnection connection, VaultLoader loader)
    {
        var plan = loader.PlanRehash(loader.Model);
        var tables = plan.KeyMapTables.Append(plan.LogTable)
            .Concat(plan.Steps.Where(s => s.Table != "vault").Select(s => "dv_rehash_" + s.Table));
        var session = new VaultSession(connection, Fixture.Dialect);
        await session.ExecuteAllAsync(tables.Distinct().Select(t => Fixture.Dialect.DropTable(t)));
    }

    /// <summary>Every row of every table of the model (and the PIT), each row as text, sorted: two vaults are equal when these are.</summary>
    private async Task<Dictionary<string, List<string>>> DumpAsync(DbConnection connection, DataVaultModel model)
    {
        var dump = new Dictionary<string, List<string>>();
        var tables = model.Hubs.Select(h => h.TableName).Concat(model.Links.Select(l => l.TableName)).Concat(model.Satellites.Select(s => s.TableName)).Concat(model.PointInTimes.Select(p => p.TableName));
        foreach (var table in tables)
        {
            var result = await new VaultSession(connection, Fixture.Dialect).QueryAsync(Core.Sql.SqlStatement.Of($"SELECT * FROM {Fixture.Dialect.QuoteIdentifier(table)}"));
            dump[table] = [.. result.Rows.Select(r => string.Join(" | ", r.Select(Text))).Order(StringComparer.Ordinal)];
        }

        return dump;
    }

    private static string Text(object? value) => value switch
    {
        null or DBNull => "NULL",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        Stream stream => Hex(stream),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string Hex(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Convert.ToHexStringLower(buffer.ToArray());
    }

    [Theory]
    [MemberData(nameof(StandardPairs))]
    public async Task A_rehashed_vault_is_row_for_row_the_vault_loaded_under_the_target_standard(string from, string to)
    {
        await using var connection = await Fixture.OpenAsync();
        var target = HashingStandards.Get(to);
        var expected = await DumpAsync(connection, (await LoadedAsync(connection, target)).Model);

        var source = await LoadedAsync(connection, HashingStandards.Get(from));
        (await DumpAsync(connection, source.Model)).Should().NotBeEquivalentTo(expected, "the two standards store other keys");
        var targetModel = TestModels.Retail(Fixture.Dialect, target, customerPit: true);
        var progress = new List<RehashProgress>();
        var result = await source.RehashAsync(targetModel, SmallPages, new SyncProgress(progress.Add));

        result.StepsRun.Should().HaveCount(result.Plan.Steps.Count);
        progress.Where(p => p.Completed).Select(p => p.Step.Number).Should().Equal(result.Plan.Steps.Select(s => s.Number));
        progress.Should().Contain(p => !p.Completed, "pages of two rows report progress within a step");
        var actual = await DumpAsync(connection, targetModel);
        actual.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (table, rows) in expected)
        {
            actual[table].Should().Equal(rows, $"{table} after the rehash holds exactly what loading under {to} gives");
        }

        result.RowsByTable["hub_customer"].Should().Be(expected["hub_customer"].Count);
        var after = new VaultLoader(connection, Fixture.Dialect, targetModel, LoadOptions.Default with { StagingWriters = Writers });
        (await after.DetectDriftAsync()).HasDrift.Should().BeFalse("the tables are the target model's, hash column types included");
        var map = await new VaultSession(connection, Fixture.Dialect).ScalarAsync(Core.Sql.SqlStatement.Of($"SELECT COUNT(*) FROM {Fixture.Dialect.QuoteIdentifier("dv_keymap_hub_customer")}"));
        Convert.ToInt64(map, CultureInfo.InvariantCulture).Should().Be(expected["hub_customer"].Count, "the key map keeps every old key, the ghost record's too");

        // The rehashed vault loads on as if it had always been under the target standard: a rerun of day 3 adds nothing.
        var rerun = await after.LoadAsync(Batches().Last());
        rerun.RowsInserted.Should().Be(0);
        (await source.RehashAsync(targetModel)).WasAlreadyComplete.Should().BeTrue("the log records the finished rehash");
    }

    [Fact]
    public async Task An_interrupted_rehash_resumes_at_the_first_step_not_done_and_gives_the_same_vault()
    {
        await using var connection = await Fixture.OpenAsync();
        var target = HashingStandards.AutomateDv;
        var targetModel = TestModels.Retail(Fixture.Dialect, target, customerPit: true);
        var expected = await DumpAsync(connection, (await LoadedAsync(connection, target)).Model);
        var source = await LoadedAsync(connection, HashingStandards.Default);

        // Stopped twice: after step 4 committed, then in the middle of the first satellite's copy (its page is rolled back).
        var firstStop = () => source.RehashAsync(targetModel, SmallPages, new SyncProgress(p => { if (p.Completed && p.Step.Number == 4) { throw new InvalidOperationException("stop after 4"); } }));
        await firstStop.Should().ThrowAsync<InvalidOperationException>();
        var secondStop = () => source.RehashAsync(targetModel, SmallPages, new SyncProgress(p => { if (!p.Completed && p.Step.Kind == RehashStepKind.CopySatellite) { throw new InvalidOperationException("stop mid-copy"); } }));
        await secondStop.Should().ThrowAsync<InvalidOperationException>();
        (await DumpAsync(connection, source.Model)).Should().NotBeEquivalentTo(expected, "nothing is swapped before the last copy");

        var result = await source.RehashAsync(targetModel, SmallPages);
        result.StepsResumed.Select(s => s.Number).Should().Equal(Enumerable.Range(1, result.StepsResumed.Count), "the steps done before are skipped, in order");
        result.StepsResumed.Count.Should().BeGreaterThanOrEqualTo(4);
        result.StepsRun.Should().Contain(s => s.Kind == RehashStepKind.CopySatellite && s.Table == "sat_customer_details", "the interrupted copy is done again whole");
        var actual = await DumpAsync(connection, targetModel);
        foreach (var (table, rows) in expected)
        {
            actual[table].Should().Equal(rows, table);
        }
    }

    [Fact]
    public async Task A_target_standard_that_merges_business_keys_is_refused_and_the_vault_is_unchanged()
    {
        await using var connection = await Fixture.OpenAsync();
        var source = Loader(connection, CaseSensitive);
        await source.DropVaultAsync();
        await DropRehashTablesAsync(connection, source);
        await source.EnsureVaultAsync();
        await source.LoadAsync(new LoadBatch("cases", "test") { LoadDate = Day1 }
            .AddObjects("customers", new LoaderScenarios<TFixture>.CustomerRow[] { new("c1", "lower", null, 1m), new("C1", "upper", null, 2m) }));
        var before = await DumpAsync(connection, source.Model);

        var rehash = () => source.RehashAsync(TestModels.Retail(Fixture.Dialect, HashingStandards.Default, customerPit: true));
        (await rehash.Should().ThrowAsync<DataVaultRehashException>()).Which.Message.Should()
            .Contain("hub_customer").And.Contain("(c1)").And.Contain("(C1)").And.Contain("not changed");
        (await DumpAsync(connection, source.Model)).Should().BeEquivalentTo(before);
        (await source.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Rows_loaded_while_the_rehash_runs_stop_it_before_the_swap_and_the_next_call_starts_again()
    {
        await using var connection = await Fixture.OpenAsync();
        var target = HashingStandards.AutomateDv;
        var targetModel = TestModels.Retail(Fixture.Dialect, target, customerPit: true);
        var source = await LoadedAsync(connection, HashingStandards.Default);
        var late = new LoadBatch("late", "test") { LoadDate = Day3.AddHours(1) }
            .AddObjects("customers", new LoaderScenarios<TFixture>.CustomerRow[] { new("C9", "Late", null, 9m) });

        // A loader commits a batch after the customer hub's copy.
        var loaded = false;
        var rehash = () => source.RehashAsync(targetModel, null, new SyncProgress(p =>
        {
            if (p.Completed && p.Step.Kind == RehashStepKind.CopyHub && !loaded)
            {
                loaded = true;
                source.LoadAsync(late).GetAwaiter().GetResult();
            }
        }));
        (await rehash.Should().ThrowAsync<DataVaultRehashException>()).Which.Message.Should().Contain("Rows were loaded").And.Contain("hub_customer");
        (await source.DetectDriftAsync()).HasDrift.Should().BeFalse("the vault is still under its old standard");

        var result = await source.RehashAsync(targetModel);
        result.StepsResumed.Should().BeEmpty("the stale copies are made again");
        var customers = await DumpAsync(connection, targetModel);
        customers["hub_customer"].Should().Contain(r => r.Contains("C9", StringComparison.Ordinal), "the late customer is in the rehashed vault");
    }

    [Fact]
    public async Task A_swap_that_fails_midway_is_run_again_from_the_copies_by_the_next_call()
    {
        await using var connection = await Fixture.OpenAsync();
        var target = HashingStandards.AutomateDv;
        var targetModel = TestModels.Retail(Fixture.Dialect, target, customerPit: true);
        var expected = await DumpAsync(connection, (await LoadedAsync(connection, target)).Model);
        var source = await LoadedAsync(connection, HashingStandards.Default);
        var session = new VaultSession(connection, Fixture.Dialect);
        string Rename(string from, string to) => $"ALTER TABLE {Fixture.Dialect.QuoteIdentifier(from)} RENAME TO {Fixture.Dialect.QuoteIdentifier(to)}";

        // The last satellite's copy is moved away once it is made: the swap fails at that table's fill.
        var swap = () => source.RehashAsync(targetModel, null, new SyncProgress(p =>
        {
            if (p.Completed && p.Step.Kind == RehashStepKind.CopyPointInTime)
            {
                session.ExecuteAsync(Core.Sql.SqlStatement.Of(Rename("dv_rehash_sat_sale_metrics", "dv_moved_away"))).GetAwaiter().GetResult();
            }
        }));
        await swap.Should().ThrowAsync<Exception>();
        if (Fixture.Dialect.Capabilities.TransactionalDdl)
        {
            (await source.DetectDriftAsync()).HasDrift.Should().BeFalse("the failed swap was rolled back whole");
            (await DumpAsync(connection, source.Model))["sat_sale_metrics"].Should().NotBeEmpty();
        }

        await session.ExecuteAsync(Core.Sql.SqlStatement.Of(Rename("dv_moved_away", "dv_rehash_sat_sale_metrics")));
        var result = await source.RehashAsync(targetModel);
        result.StepsRun.Select(s => s.Kind).Should().Equal(RehashStepKind.Swap, RehashStepKind.Cleanup);
        var actual = await DumpAsync(connection, targetModel);
        foreach (var (table, rows) in expected)
        {
            actual[table].Should().Equal(rows, table);
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<RehashProgress> report) : IProgress<RehashProgress>
    {
        public void Report(RehashProgress value) => report(value);
    }
}

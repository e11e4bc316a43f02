using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A batch log entry is marked <c>abandoned</c> only when its loader's session is dead: a batch that is really running on
/// another live connection stays <c>running</c> through another loader's recovery and load.
/// </summary>
public abstract class AbandonedBatchScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    protected static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    protected static List<LoaderScenarios<TFixture>.CustomerRow> Customers(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => new LoaderScenarios<TFixture>.CustomerRow($"C{i}", $"N{i}", null, i))];

    protected async Task<LoaderHarness> NewVaultAsync()
    {
        var harness = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await harness.Loader().DropVaultAsync();
        await harness.Loader().EnsureVaultAsync();
        return harness;
    }

    /// <summary>One batch log row: status, end time, error.</summary>
    protected static async Task<(string Status, DateTime? EndTime, string? Error)> EntryAsync(LoaderHarness h, long batchId)
    {
        var row = (IDictionary<string, object?>)await h.Connection.QuerySingleAsync(
            $"SELECT {h.Q("status")}, {h.Q("end_time")}, {h.Q("error_message")} FROM {h.Q("etl_batch_log")} WHERE {h.Q("batch_id")} = {h.Dialect.ParameterPlaceholder("id")}",
            new { id = batchId });
        var v = row.Values.ToArray();
        return ((string)v[0]!, LoaderHarness.Timestamp(v[1]), v[2] as string);
    }

    [Fact]
    public async Task A_batch_log_created_before_session_ids_gets_the_column_and_keeps_loading()
    {
        // A vault whose batch log an earlier version created: the same table without session_id, with an old entry.
        await using var h = await NewVaultAsync();
        await h.Loader().LoadAsync(new LoadBatch("old", "test") { LoadDate = Day1 }.AddObjects("customers", Customers(1, 2)));
        await h.Connection.ExecuteAsync($"ALTER TABLE {h.Q("etl_batch_log")} DROP COLUMN {h.Q("session_id")}");
        var load = () => h.Loader().LoadAsync(new LoadBatch("new", "test") { LoadDate = Day2 }.AddObjects("customers", Customers(1, 3)));
        (await load.Should().ThrowAsync<DataVaultLoadException>("without the column the batch log cannot take the entry"))
            .Which.Message.Should().Contain("Create the vault first (EnsureVaultAsync)");

        await h.Loader().EnsureVaultAsync();
        await h.Loader().EnsureVaultAsync(); // idempotent
        var result = await h.Loader().LoadAsync(new LoadBatch("new", "test") { LoadDate = Day2 }.AddObjects("customers", Customers(1, 3)));
        (await EntryAsync(h, result.BatchId)).Status.Should().Be("succeeded");
        (await EntryAsync(h, 1)).Status.Should().Be("succeeded", "the old entry is kept as it was");
    }

    [Fact]
    public async Task A_batch_running_on_another_live_connection_is_not_marked_abandoned_by_a_recovery_or_a_load()
    {
        await using var h = await NewVaultAsync();
        await using var live = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        using var reached = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var blocked = false;

        // The live batch stops right after writing its running entry, before its transaction: on SQLite it holds no lock then.
        var progress = new SyncProgress(p =>
        {
            if (!blocked && p.Phase == LoadPhase.Preparing)
            {
                blocked = true;
                reached.Release();
                release.Wait(TimeSpan.FromMinutes(1));
            }
        });
        var running = Task.Run(() => live.Loader().LoadAsync(new LoadBatch("live", "test") { LoadDate = Day1 }.AddObjects("customers", Customers(1, 100)), progress));
        try
        {
            (await reached.WaitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("the live batch reaches its first phase");
            (await EntryAsync(h, 1)).Status.Should().Be("running");

            (await h.Loader().RecoverAbandonedBatchesAsync()).Should().BeEmpty("the batch's session is alive");
            var other = await h.Loader().LoadAsync(new LoadBatch("other", "test") { LoadDate = Day2 }.AddObjects("customers", Customers(200, 250)));
            other.BatchId.Should().Be(2);
            (await EntryAsync(h, 1)).Should().Be(("running", (DateTime?)null, (string?)null), "a load marks dead sessions only");
        }
        finally
        {
            release.Release();
        }

        (await running).RowsRead.Should().Be(100);
        (await h.BatchLogEntriesAsync()).Should().Equal(("succeeded", null), ("succeeded", null));
    }

    protected sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}

/// <summary>
/// Engines that know their sessions (PostgreSQL, MariaDB): a second connection writes a running entry as the loader does,
/// then the server kills that session; the next load marks the entry abandoned, and so does an explicit recovery.
/// </summary>
public abstract class KilledSessionScenarios<TFixture>(TFixture fixture) : AbandonedBatchScenarios<TFixture>(fixture)
    where TFixture : EngineFixture
{
    /// <summary>How the engine's session is named in the message: <c>PostgreSQL backend</c>.</summary>
    protected abstract string SessionKind { get; }

    /// <summary>Writes a running entry on <paramref name="connection"/> exactly as the loader does at the start of a batch, and returns the session id it records.</summary>
    protected abstract Task<string> WriteRunningEntryAsync(DbConnection connection, long batchId);

    /// <summary>Kills the session on the server and waits until the server no longer counts it as alive.</summary>
    protected abstract Task KillAsync(string sessionId);

    [Fact]
    public async Task A_running_entry_of_a_killed_session_is_marked_abandoned_by_the_next_load_and_by_a_recovery()
    {
        await using var h = await NewVaultAsync();
        await using var doomed = await Fixture.OpenAsync();
        var session = await WriteRunningEntryAsync(doomed, 1);

        (await h.Loader().LoadAsync(new LoadBatch("while-alive", "test") { LoadDate = Day1 }.AddObjects("customers", Customers(1, 50)))).BatchId.Should().Be(2);
        (await EntryAsync(h, 1)).Status.Should().Be("running", "its session is alive");

        await KillAsync(session);
        var next = await h.Loader().LoadAsync(new LoadBatch("after-kill", "test") { LoadDate = Day2 }.AddObjects("customers", Customers(51, 60)));
        next.BatchId.Should().Be(3);
        var abandoned = await EntryAsync(h, 1);
        abandoned.Status.Should().Be("abandoned");
        abandoned.EndTime.Should().NotBeNull();
        abandoned.Error.Should().StartWith($"Abandoned: the loader's session ({SessionKind} {session}) ended before the batch finished")
            .And.EndWith("Marked at the start of batch 'after-kill'.");
        (await EntryAsync(h, 3)).Status.Should().Be("succeeded");

        await using var doomedToo = await Fixture.OpenAsync();
        var another = await WriteRunningEntryAsync(doomedToo, 4);
        (await h.Loader().RecoverAbandonedBatchesAsync()).Should().BeEmpty("its session is alive");
        await KillAsync(another);
        (await h.Loader().RecoverAbandonedBatchesAsync()).Should().Equal(4);
        (await EntryAsync(h, 4)).Error.Should().EndWith("Marked by RecoverAbandonedBatchesAsync.");
        (await h.Loader().RecoverAbandonedBatchesAsync()).Should().BeEmpty("nothing is left running");
        (await h.CountAsync("hub_customer")).Should().Be(61, "the dead entries loaded nothing; the two batches 60 customers and the ghost");
    }
}

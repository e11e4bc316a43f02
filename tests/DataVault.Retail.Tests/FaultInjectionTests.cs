using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Retail;
using Xunit;
using Xunit.Abstractions;

namespace DataVault.Retail.Tests;

/// <summary>
/// Fault injection (issue #14): the sample's loader, a separate process, is killed with SIGKILL at random moments while
/// it loads the first retail batch (11,570 rows) into a new database — 20 times per engine, bounded in time. After every
/// kill the vault holds either nothing or exactly the batch (never a part of it), the database is intact, and loading the
/// batch again gives exactly the result of one clean load, and the batch log holds no running entry (the rerun marks
/// the killed batch abandoned).
/// </summary>
public abstract class FaultInjectionTests<TDatabase>(RetailTestData data, ITestOutputHelper output) : IClassFixture<RetailTestData>
    where TDatabase : TestDatabase, new()
{
    private const int Rounds = 20;

    [Fact]
    public async Task A_loader_killed_at_random_moments_leaves_nothing_or_the_whole_batch_and_a_rerun_is_one_clean_load()
    {
        string clean;
        await using (var lease = await Lease.NewAsync())
        {
            var database = lease.Database;
            var loaded = await Cli.RunAsync(["load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], .. database.Options]);
            loaded.Code.Should().Be(0, loaded.Output);
            clean = await VaultDump.OfAsync(database);
        }

        clean.Should().Contain("== sat_sales_metrics (");

        // How long a whole load takes as a process here, so the kills spread over start-up, reading, merging and commit:
        // the loader process alone (not the database's creation or the dump), the faster of two runs (the first is cold).
        var duration = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            await using var lease = await Lease.NewAsync();
            var database = lease.Database;
            var whole = Stopwatch.StartNew();
            var (exited, code, text) = await RunLoaderAsync(database, killAfter: null);
            whole.Stop();
            exited.Should().BeTrue();
            code.Should().Be(0, text);
            (await VaultDump.OfAsync(database)).Should().Be(clean, "the loader as a process loads what it loads in-process");
            duration = whole.Elapsed < duration ? whole.Elapsed : duration;
        }

        var random = new Random(20261203);
        int killed = 0, empty = 0, complete = 0, abandoned = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await using var lease = await Lease.NewAsync();
            var database = lease.Database;
            var delay = TimeSpan.FromMilliseconds(duration.TotalMilliseconds * (0.2 + (0.8 * random.NextDouble())));
            var (exited, code, text) = await RunLoaderAsync(database, delay);
            if (!exited)
            {
                killed++;
            }
            else
            {
                code.Should().Be(0, $"round {round}: a loader that was not killed succeeds ({text})");
            }

            await VaultDump.CheckIntegrityAsync(database);
            var after = await VaultDump.OfAsync(database);
            if (after == VaultDump.Empty)
            {
                empty++;
            }
            else
            {
                after.Should().Be(clean, $"round {round} (killed after {delay.TotalMilliseconds:F0} ms: {!exited}): the vault holds nothing of the batch or all of it");
                complete++;
            }

            var rerun = await Cli.RunAsync(["load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], .. database.Options]);
            rerun.Code.Should().Be(0, $"round {round}: {rerun.Output}");
            (await VaultDump.OfAsync(database)).Should().Be(clean, $"round {round}: the rerun gives exactly one clean load");

            // The batch log tells the truth: the killed batch is not 'running' any more (the rerun marked it abandoned),
            // or it succeeded — then the kill came after its commit and the vault held the whole batch; the rerun succeeded.
            var statuses = await VaultDump.BatchStatusesAsync(database);
            var log = $"round {round}: {string.Join(", ", statuses)}";
            statuses.Should().NotContain("running", log);
            statuses.Should().HaveCountLessThanOrEqualTo(2, log).And.OnlyContain(s => s == "succeeded" || s == "abandoned", log);
            statuses[^1].Should().Be("succeeded", log);
            if (statuses.Count == 2 && statuses[0] == "succeeded")
            {
                after.Should().Be(clean, log);
            }

            abandoned += statuses.Count(s => s == "abandoned");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{typeof(TDatabase).Name}: a whole load took {duration.TotalMilliseconds:F0} ms; {Rounds} rounds, {killed} killed; after the kill {empty} empty, {complete} complete; {abandoned} batch log entries marked abandoned"));
        killed.Should().BeGreaterThanOrEqualTo(Rounds / 2, "most kills land before the loader ends, or the test proves little");
        empty.Should().BePositive("some kills land before the commit");
        abandoned.Should().BePositive("some kills land after the batch log entry was written");
    }

    /// <summary>A new, empty database, dropped when disposed.</summary>
    private sealed class Lease(TDatabase database) : IAsyncDisposable
    {
        public TDatabase Database => database;

        public static async Task<Lease> NewAsync()
        {
            var database = new TDatabase();
            await database.InitializeAsync();
            return new Lease(database);
        }

        public async ValueTask DisposeAsync() => await database.DisposeAsync();
    }

    /// <summary>Runs <c>Retail load</c> of batch 1 as a process; kills it (SIGKILL) after <paramref name="killAfter"/> unless it ended.</summary>
    private async Task<(bool Exited, int Code, string Output)> RunLoaderAsync(TDatabase database, TimeSpan? killAfter)
    {
        var retail = typeof(RetailApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[retail, "load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], .. database.Options])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(killAfter ?? TimeSpan.FromMinutes(2));
        var exited = true;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            exited = false;
            process.Kill(); // SIGKILL on Unix: no finally block, no rollback by the process itself
            await process.WaitForExitAsync();
        }

        var text = await stdout + await stderr;
        if (killAfter is null && !exited)
        {
            throw new TimeoutException("the loader did not finish in 2 minutes: " + text);
        }

        return (exited, exited ? process.ExitCode : -1, text);
    }
}

public sealed class SqliteFaultInjectionTests(RetailTestData data, ITestOutputHelper output) : FaultInjectionTests<SqliteTestDatabase>(data, output);

public sealed class PostgresFaultInjectionTests(RetailTestData data, ITestOutputHelper output) : FaultInjectionTests<PostgresTestDatabase>(data, output);

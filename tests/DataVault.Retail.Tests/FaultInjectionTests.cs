using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataVault.Core.Sql;
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

        // How long a whole load takes as a process here, so the kills spread over start-up, reading, merging and commit.
        var whole = Stopwatch.StartNew();
        await using (var lease = await Lease.NewAsync())
        {
            var database = lease.Database;
            var (exited, code, text) = await RunLoaderAsync(database, killAfter: null);
            exited.Should().BeTrue();
            code.Should().Be(0, text);
            (await VaultDump.OfAsync(database)).Should().Be(clean, "the loader as a process loads what it loads in-process");
        }

        var duration = whole.Elapsed;
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

/// <summary>The rows of every vault table as sorted text (not the batch log, whose times and ids differ by run).</summary>
internal static class VaultDump
{
    /// <summary>The dump of a database without vault rows (tables missing, or holding only the ghost records).</summary>
    public const string Empty = "";

    public static async Task<string> OfAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var model = RetailModel.Model;
        var dump = new StringBuilder();
        foreach (var table in model.Hubs.Select(h => h.TableName).Concat(model.Links.Select(l => l.TableName)).Concat(model.Satellites.Select(s => s.TableName)).Order(StringComparer.Ordinal))
        {
            var rows = new List<string>();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {database.Dialect.QuoteIdentifier(table)}";
                await using var reader = await command.ExecuteReaderAsync();
                var source = Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetName(i) == "record_source", -1);
                while (await reader.ReadAsync())
                {
                    if (source >= 0 && reader.GetValue(source) is SqlDialect.GhostRecordSource)
                    {
                        continue; // the ghost records EnsureVaultAsync writes: not the batch's
                    }

                    var values = new string[reader.FieldCount];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i));
                    }

                    rows.Add(string.Join("|", values));
                }
            }
            catch (DbException)
            {
                if (await TableExistsAsync(database, table))
                {
                    throw;
                }

                continue; // killed before the vault's tables were created
            }

            if (rows.Count == 0)
            {
                continue;
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append(CultureInfo.InvariantCulture, $"== {table} ({rows.Count} rows)\n");
            foreach (var row in rows)
            {
                dump.Append(row).Append('\n');
            }
        }

        return dump.ToString();
    }

    /// <summary>The status of every batch log entry, in id order (none if the log was never created).</summary>
    public static async Task<List<string>> BatchStatusesAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {database.Dialect.QuoteIdentifier("status")} FROM {database.Dialect.QuoteIdentifier("etl_batch_log")} ORDER BY {database.Dialect.QuoteIdentifier("batch_id")}";
        var statuses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses;
    }

    /// <summary>Fails unless the engine finds the database intact (SQLite's integrity check; a server checks itself).</summary>
    public static async Task CheckIntegrityAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database is SqliteTestDatabase ? "PRAGMA integrity_check" : "SELECT 'ok'";
        (await command.ExecuteScalarAsync()).Should().Be("ok");
    }

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {database.Dialect.QuoteIdentifier(table)} WHERE 1 = 0";
        try
        {
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static string Text(object value) => value switch
    {
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}

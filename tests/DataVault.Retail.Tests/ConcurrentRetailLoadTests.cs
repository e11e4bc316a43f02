using System.Globalization;
using System.Text;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// Two retail batches loaded at the same time into one SQLite file (issue #14, item 1: in 3 of 5 rounds 188 sales lines
/// got a cost from a stale price). The sample reads unit costs through the batch's lookup, inside its transaction after
/// the merge lock, so the file ends in the state of one order of loading the batches one after the other, derived
/// costs and profits included.
/// </summary>
public sealed class ConcurrentRetailLoadTests(RetailTestData data) : IClassFixture<RetailTestData>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dv-retail-concurrent-").FullName;

    [Fact]
    public async Task Two_batches_loaded_at_once_end_in_the_state_of_a_sequential_order()
    {
        // Batch 2 re-prices products whose lines batch 3 sells; batch 3 has the later load date. One after the other:
        // 1, 2, 3 — or 1, 3 and then batch 2 refused: its catalogue is a full extract older than batch 3's that would
        // change product statuses (late data; the sample rejects it), and the refusal leaves the vault as 1, 3 left it.
        var inOrder = await DumpAfterAsync("in-order", 1, 2, 3);
        var threeFirst = await DumpAfterAsync("three-first", 1, 3);
        var lateTwo = await LoadAsync(Path.Combine(_folder, "three-first.db"), 2);
        lateTwo.Code.Should().Be(1, lateTwo.Output);
        lateTwo.Output.Should().Contain("sat_product_status: late data");
        (await VaultDump.OfSqliteFileAsync(Path.Combine(_folder, "three-first.db"))).Should().Be(threeFirst, "the refused batch wrote nothing");

        for (var round = 0; round < 5; round++)
        {
            var db = Path.Combine(_folder, $"round-{round}.db");
            (await LoadAsync(db, 1)).Code.Should().Be(0);
            var results = await Task.WhenAll(Task.Run(() => LoadAsync(db, 2)), Task.Run(() => LoadAsync(db, 3)));
            results[1].Code.Should().Be(0, $"round {round}: batch 3 is never late: {results[1].Output}");
            var dump = await VaultDump.OfSqliteFileAsync(db);
            if (results[0].Code == 0)
            {
                dump.Should().Be(inOrder, $"round {round}: batch 2 loaded, so first: the state of 1, 2, 3, never a mix");
            }
            else
            {
                results[0].Output.Should().Contain("sat_product_status: late data", $"round {round}");
                dump.Should().Be(threeFirst, $"round {round}: batch 2 came second and was refused whole");
            }
        }
    }

    [Fact]
    public async Task A_failed_first_load_into_a_new_file_keeps_what_a_concurrent_load_committed()
    {
        // Batch 1 with 'abc' as the quantity of its last line: it fails, and its loader found no vault when it
        // started, so it drops the tables it created — but only while no batch has succeeded in them.
        var bad = data.CopyOf(0, Path.Combine(_folder, "bad"));

        var path = Path.Combine(bad, global::Retail.Data.RetailCsv.TransactionsFile);
        var lines = File.ReadAllLines(path);
        var cells = lines[^1].Split(',');
        cells[global::Retail.Data.RetailCsv.TransactionColumns.ToList().IndexOf("quantity")] = "abc";
        lines[^1] = string.Join(',', cells);
        File.WriteAllLines(path, lines);

        var alone = await DumpAfterAsync("alone", 1);
        for (var round = 0; round < 5; round++)
        {
            var db = Path.Combine(_folder, $"fresh-{round}.db");
            var results = await Task.WhenAll(
                Task.Run(() => LoadAsync(db, 1)),
                Task.Run(() => Cli.RunAsync(["load", "--from", bad, "--load-date", RetailTestData.LoadDates[1], "--db", db])));
            results[1].Code.Should().Be(1, results[1].Output);
            if (results[0].Code == 0)
            {
                (await VaultDump.OfSqliteFileAsync(db)).Should().Be(alone, $"round {round}: a committed batch's rows are never dropped by the failed load");
            }
            else
            {
                // The failed load dropped the new tables before the good batch committed: the good load fails loudly.
                results[0].Output.Should().Contain("error", $"round {round}");
                (await VaultDump.OfSqliteFileAsync(db)).Should().NotContain("== hub_customer", $"round {round}: nothing of either batch is left");
            }
        }
    }

    private async Task<string> DumpAfterAsync(string name, params int[] batches)
    {
        var db = Path.Combine(_folder, name + ".db");
        foreach (var batch in batches)
        {
            var (code, output) = await LoadAsync(db, batch);
            code.Should().Be(0, $"{name}: batch {batch}: {output}");
        }

        return await VaultDump.OfSqliteFileAsync(db);
    }

    private Task<CliRun> LoadAsync(string db, int batch) =>
        Cli.RunAsync(["load", "--from", data.Folders[batch - 1], "--load-date", RetailTestData.LoadDates[batch - 1], "--db", db]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

using System.Diagnostics;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Retail;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// A loader process killed with SIGKILL mid-batch on SQLite leaves its entry <c>running</c>; while it lived, a recovery
/// left the entry alone; the next load marks it <c>abandoned</c> (issue #14).
/// </summary>
public sealed class KilledLoaderProcessTests
{
    [Fact]
    public async Task A_loader_process_killed_with_SIGKILL_leaves_a_running_entry_that_the_next_load_marks_abandoned()
    {
        var folder = Directory.CreateTempSubdirectory("dv-retail-kill-");
        var db = Path.Combine(folder.FullName, "vault.db");
        var big = Path.Combine(folder.FullName, "big");
        var small = Path.Combine(folder.FullName, "small");
        try
        {
            (await Cli.RunAsync("generate", "--out", big, "--customers", "20000", "--products", "2000", "--transactions", "300000")).Code.Should().Be(0);
            (await Cli.RunAsync("generate", "--out", small, "--customers", "10", "--products", "5", "--stores", "2", "--promotions", "2", "--transactions", "20")).Code.Should().Be(0);
            var first = await Cli.RunAsync("load", "--from", small, "--load-date", "2026-03-01T06:00:00Z", "--db", db);
            first.Code.Should().Be(0, first.Output);

            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
            var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Retail.dll"), "load", "--from", big, "--load-date", "2026-03-02T06:00:00Z", "--db", db })
            {
                start.ArgumentList.Add(arg);
            }

            using var child = Process.Start(start)!;
            var connection = new SqliteConnection($"Data Source={db};Pooling=False");
            await using (connection)
            {
                long? running = null;
                var clock = Stopwatch.StartNew();
                while (running is null && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
                {
                    running = await ScalarAsync(connection, "SELECT batch_id FROM etl_batch_log WHERE status = 'running'") as long?;
                    await Task.Delay(20);
                }

                running.Should().NotBeNull("the child's batch is seen running before it ends");
                var recovery = new VaultLoader(connection, SqlDialects.Sqlite, RetailModel.Model);
                (await recovery.RecoverAbandonedBatchesAsync()).Should().BeEmpty("the loading process is alive");

                child.Kill();
                await child.WaitForExitAsync();
                (await ScalarAsync(connection, $"SELECT status FROM etl_batch_log WHERE batch_id = {running}")).Should().Be("running", "SIGKILL left the entry behind");

                var next = await Cli.RunAsync("load", "--from", small, "--load-date", "2026-03-03T06:00:00Z", "--db", db);
                next.Code.Should().Be(0, next.Output);
                (await ScalarAsync(connection, $"SELECT status FROM etl_batch_log WHERE batch_id = {running}")).Should().Be("abandoned");
                ((string?)await ScalarAsync(connection, $"SELECT error_message FROM etl_batch_log WHERE batch_id = {running}")).Should().Contain($"(process {child.Id} on ").And.Contain("Marked at the start of batch");
                (await ScalarAsync(connection, "SELECT COUNT(*) FROM etl_batch_log WHERE status = 'running'")).Should().Be(0L);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}

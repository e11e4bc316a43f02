using Dapper;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using DataVault.PostgreSql;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A batch whose server session is killed mid-load (<c>pg_terminate_backend</c>, as a crash or a network cut would):
/// the vault is as it was, and running the batch again gives exactly the result of one clean run.
/// </summary>
public sealed class PostgreSqlLostConnectionTests(PostgreSqlFixture fixture) : IClassFixture<PostgreSqlFixture>
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);

    [Theory]
    [InlineData(LoadPhase.Reading)]
    [InlineData(LoadPhase.Merging)]
    public async Task A_killed_session_leaves_the_vault_unchanged_and_a_rerun_is_one_clean_run(LoadPhase killDuring)
    {
        await using var h = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        var writers = new IStagingWriterFactory[] { new NpgsqlCopyStagingWriterFactory() };
        await h.Loader().DropVaultAsync();
        await h.Loader().EnsureVaultAsync();
        var rows = Enumerable.Range(1, 30_000).Select(i => new LoaderScenarios<PostgreSqlFixture>.CustomerRow($"C{i}", $"N{i}", null, i % 10)).ToList();

        var pid = await h.Connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
        await using var admin = await fixture.OpenAdminAsync();
        var killed = false;
        var progress = new SyncProgress(p =>
        {
            if (!killed && p.Phase == killDuring && (killDuring != LoadPhase.Reading || p.RowsRead >= 10_000))
            {
                killed = true;
                using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
                kill.Parameters.AddWithValue("pid", pid);
                kill.ExecuteScalar();
            }
        });

        var load = () => h.Loader(null, writers).LoadAsync(new LoadBatch("killed", "test") { LoadDate = Day1 }.AddObjects("customers", rows), progress);
        var failure = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        killed.Should().BeTrue();
        var phase = killDuring == LoadPhase.Reading ? "reading customers" : "merging";
        failure.Message.Should().StartWith($"Batch 'killed' failed and was rolled back: the connection to the database was lost while {phase} (", "the message names the batch, the phase and the lost connection")
            .And.Contain("nothing of the batch was committed");
        failure.InnerException.Should().BeAssignableTo<System.Data.Common.DbException>();

        await using var check = new LoaderHarness(await fixture.OpenAsync(), fixture.Dialect);
        (await check.CountAsync("hub_customer")).Should().Be(1, "only the ghost record: nothing of the batch was committed");
        (await check.CountAsync("sat_customer_details")).Should().Be(0);
        var entry = (await check.BatchLogEntriesAsync()).Should().ContainSingle().Which;
        entry.Status.Should().Be("failed", "the log entry is completed on a new session");
        entry.Error.Should().Be(failure.Message);

        var rerun = await check.Loader(null, writers).LoadAsync(new LoadBatch("killed-rerun", "test") { LoadDate = Day1 }.AddObjects("customers", rows));
        rerun.InsertedByTable["hub_customer"].Should().Be(30_000);
        rerun.InsertedByTable["sat_customer_details"].Should().Be(30_000);
        (await check.CountAsync("sat_customer_details")).Should().Be(30_000);
    }

    private sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}

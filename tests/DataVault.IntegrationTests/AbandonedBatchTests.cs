using System.Data.Common;
using System.Globalization;
using Dapper;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;
using FluentAssertions;
using Npgsql;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: a process's own runs; a killed loader process is covered by the retail sample's SIGKILL test.</summary>
public sealed class SqliteAbandonedBatchTests(SqliteFixture fixture) : AbandonedBatchScenarios<SqliteFixture>(fixture);

/// <summary>DuckDB: one process writes the file; its own runs tell the live from the dead.</summary>
public sealed class DuckDbAbandonedBatchTests(DuckDbFixture fixture) : AbandonedBatchScenarios<DuckDbFixture>(fixture);

/// <summary>PostgreSQL: the entry records pg_backend_pid(); the session is killed with pg_terminate_backend.</summary>
public sealed class PostgreSqlAbandonedBatchTests(PostgreSqlFixture fixture) : KilledSessionScenarios<PostgreSqlFixture>(fixture)
{
    protected override string SessionKind => "PostgreSQL backend";

    protected override async Task<string> WriteRunningEntryAsync(DbConnection connection, long batchId)
    {
        await connection.ExecuteAsync(
            "INSERT INTO \"etl_batch_log\" (\"batch_id\", \"batch_name\", \"load_date\", \"record_source\", \"start_time\", \"status\", \"session_id\") " +
            "VALUES (@id, 'doomed', @d, 'test', @d, 'running', CAST(pg_backend_pid() AS VARCHAR(20)))",
            new { id = batchId, d = Day1 });
        return (await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()")).ToString(CultureInfo.InvariantCulture);
    }

    protected override async Task KillAsync(string sessionId)
    {
        await using var admin = await Fixture.OpenAdminAsync();
        var pid = int.Parse(sessionId, CultureInfo.InvariantCulture);
        (await admin.ExecuteScalarAsync<bool>("SELECT pg_terminate_backend(@pid)", new { pid })).Should().BeTrue();
        for (var i = 0; i < 200 && await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0; i++)
        {
            await Task.Delay(50);
        }

        (await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid })).Should().Be(0, "the backend is gone");

        // The killed connection must not go back to the pool for the next test.
        NpgsqlConnection.ClearAllPools();
    }
}

/// <summary>MariaDB: the entry records CONNECTION_ID() and the connection holds its named lock; the session is killed with KILL.</summary>
public sealed class MariaDbAbandonedBatchTests(MariaDbFixture fixture) : KilledSessionScenarios<MariaDbFixture>(fixture)
{
    protected override string SessionKind => "MariaDB connection";

    protected override async Task<string> WriteRunningEntryAsync(DbConnection connection, long batchId)
    {
        (await connection.ExecuteScalarAsync<long>("SELECT GET_LOCK(CONCAT('datavault_batch:', CONNECTION_ID()), 0)")).Should().Be(1);
        await connection.ExecuteAsync(
            "INSERT INTO `etl_batch_log` (`batch_id`, `batch_name`, `load_date`, `record_source`, `start_time`, `status`, `session_id`) " +
            "VALUES (@id, 'doomed', @d, 'test', @d, 'running', CAST(CONNECTION_ID() AS CHAR))",
            new { id = batchId, d = Day1 });
        return (await connection.ExecuteScalarAsync<long>("SELECT CONNECTION_ID()")).ToString(CultureInfo.InvariantCulture);
    }

    protected override async Task KillAsync(string sessionId)
    {
        await using var admin = await Fixture.OpenAsync();
        var id = long.Parse(sessionId, CultureInfo.InvariantCulture);
        await admin.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"KILL CONNECTION {id}"));
        var name = "datavault_batch:" + sessionId;
        for (var i = 0; i < 200 && await admin.ExecuteScalarAsync<long?>("SELECT IS_USED_LOCK(@name)", new { name }) is not null; i++)
        {
            await Task.Delay(50);
        }

        (await admin.ExecuteScalarAsync<long?>("SELECT IS_USED_LOCK(@name)", new { name })).Should().BeNull("the killed connection's lock is free");
    }
}

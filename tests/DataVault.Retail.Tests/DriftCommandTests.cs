using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// The sample's <c>drift</c> and <c>migrate</c> commands on a SQLite vault whose product pricing lost its
/// <c>currency</c> column by hand: a load is refused with the difference, <c>drift</c> lists it, <c>migrate</c> adds the
/// column back in place, and loading goes on.
/// </summary>
public sealed class DriftCommandTests(RetailTestData data) : IClassFixture<RetailTestData>, IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"dv-retail-drift-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_drifted_vault_is_refused_by_load_listed_by_drift_and_repaired_by_migrate()
    {
        var first = await Cli.RunAsync("load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], "--db", _db);
        first.Code.Should().Be(0, first.Output);
        (await Cli.RunAsync("drift", "--db", _db)).Should().Match<CliRun>(r => r.Code == 0 && r.Stdout.Contains("No drift"));

        await ExecuteAsync("DROP VIEW v_sat_product_pricing_history", "ALTER TABLE sat_product_pricing DROP COLUMN currency");

        var refused = await Cli.RunAsync("load", "--from", data.Folders[1], "--load-date", RetailTestData.LoadDates[1], "--db", _db);
        refused.Code.Should().Be(1, refused.Output);
        refused.Stderr.Should().Contain("table sat_product_pricing: column currency is missing");

        var drift = await Cli.RunAsync("drift", "--db", _db);
        drift.Code.Should().Be(1, drift.Output);
        drift.Stdout.Should().Contain("sat_product_pricing").And.Contain("currency").And.Contain("MissingColumn");

        var dryRun = await Cli.RunAsync("migrate", "--dry-run", "--db", _db);
        dryRun.Code.Should().Be(0, dryRun.Output);
        dryRun.Stdout.Should().Contain("Plan (nothing changed)").And.Contain("add column currency");
        (await Cli.RunAsync("drift", "--db", _db)).Code.Should().Be(1, "a dry run changes nothing");

        var migrated = await Cli.RunAsync("migrate", "--db", _db);
        migrated.Code.Should().Be(0, migrated.Output);
        migrated.Stdout.Should().Contain("Migrated: 3 step(s)");
        (await Cli.RunAsync("drift", "--db", _db)).Code.Should().Be(0);

        var second = await Cli.RunAsync("load", "--from", data.Folders[1], "--load-date", RetailTestData.LoadDates[1], "--db", _db);
        second.Code.Should().Be(0, second.Output);
    }

    [Fact]
    public async Task The_ddl_script_run_by_hand_makes_a_vault_that_drift_accepts_and_load_fills()
    {
        var file = Path.ChangeExtension(_db, ".sql");
        try
        {
            var ddl = await Cli.RunAsync("ddl", "--out", file);
            ddl.Code.Should().Be(0, ddl.Output);
            await ExecuteAsync(await File.ReadAllTextAsync(file));

            var model = global::Retail.RetailModel.Model;
            var tables = model.Hubs.Count + model.Links.Count + model.Satellites.Count + model.PointInTimes.Count + 2; // and the batch log and quarantine table
            var drift = await Cli.RunAsync("drift", "--db", _db);
            drift.Code.Should().Be(0, drift.Output);
            drift.Stdout.Should().Contain($"No drift: {tables} of {tables} table(s) exist and match the model.");
            var load = await Cli.RunAsync("load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], "--db", _db);
            load.Code.Should().Be(0, load.Output);
        }
        finally
        {
            File.Delete(file);
        }

        var sqlServer = await Cli.RunAsync("ddl", "--provider", "sqlserver");
        sqlServer.Code.Should().Be(0, sqlServer.Output);
        sqlServer.Stdout.Should().StartWith("-- SQL Server: ").And.Contain("\nGO\n").And.Contain("[hub_customer]");
        (await Cli.RunAsync("ddl", "--provider", "oracle")).Code.Should().Be(2);
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new SqliteConnection($"Data Source={_db};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }
}

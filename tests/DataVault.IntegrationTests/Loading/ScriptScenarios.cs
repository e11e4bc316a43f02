using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// The DDL script a DBA runs instead of <see cref="VaultLoader.EnsureVaultAsync"/> (<see cref="VaultLoader.CreateVaultScript"/>, which needs no database):
/// run as one text on the real engine, it creates exactly what EnsureVaultAsync creates, ghost records included, and
/// runs again without harm.
/// </summary>
public abstract class ScriptScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task The_script_run_as_one_text_creates_the_vault_ensure_would_and_runs_again_without_harm()
    {
        await using var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, TestModels.Retail(Fixture.Dialect, customerPit: true), LoadOptions.Default);
        await loader.DropVaultAsync();
        var script = VaultLoader.CreateVaultScript(Fixture.Dialect, loader.Model);
        var text = script.ToString();
        text.Should().NotContain(Fixture.Dialect.ParameterPlaceholder("dv_"), "every parameter is a literal");

        await RunAsync(connection, text);
        var drift = await loader.DetectDriftAsync();
        drift.HasDrift.Should().BeFalse(drift.ToString());
        drift.MissingTables.Should().BeEmpty("the script creates every table of the model");
        await RunAsync(connection, text);

        foreach (var hub in loader.Model.Hubs)
        {
            (await CountAsync(connection, $"SELECT COUNT(*) FROM {Fixture.Dialect.QuoteIdentifier(hub.TableName)}")).Should().Be(1, $"{hub.TableName} has its ghost record, once");
        }

        await loader.EnsureVaultAsync(); // finds nothing to do
        var result = await loader.LoadAsync(new LoadBatch("after the script", "test") { LoadDate = new DateTime(2026, 11, 1) }
            .AddObjects("customers", new[] { new LoaderScenarios<TFixture>.CustomerRow("C1", "Ann", null, 1) }));
        result.BatchId.Should().Be(1, "the batch log the script created takes the first entry");
    }

    private static async Task RunAsync(DbConnection connection, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

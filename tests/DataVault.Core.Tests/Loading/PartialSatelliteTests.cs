using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>
/// A source with a satellite's parent key and some of its attributes is never skipped in silence: the satellite is
/// reported (result and warning event 4015) or, strictly, the batch is rejected with nothing written. On a real SQLite file.
/// </summary>
public sealed class PartialSatelliteTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-partial-{Guid.NewGuid():N}.db");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"dv-partial-{Guid.NewGuid():N}.csv");

    private static DataVaultModel Model() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)).Attribute("city", DataType.String(50)).Attribute("tier", DataType.String(10)))
        .Satellite("customer_flags", s => s.OnHub("customer").Attribute("is_vip", DataType.Boolean))
        .Build();

    private async Task<(SqliteConnection Connection, VaultLoader Loader, CapturingLogger Logs)> VaultAsync(LoadOptions options)
    {
        var logs = new CapturingLogger();
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        var loader = new VaultLoader(connection, SqlDialects.Sqlite, Model(), options, logs);
        await loader.EnsureVaultAsync();
        return (connection, loader, logs);
    }

    private LoadBatch Batch()
    {
        // name and city of customer_details, not tier; nothing of customer_flags.
        File.WriteAllText(_csv, "customer_id,name,city\nC1,Ann,Oslo\nC2,Bob,Rome\n");
        return new LoadBatch("partial", "test").AddCsv(_csv);
    }

    [Fact]
    public async Task By_default_the_rest_of_the_source_loads_and_the_satellite_is_reported_in_the_result_and_as_a_warning()
    {
        var (connection, loader, logs) = await VaultAsync(LoadOptions.Default);
        await using var _ = connection;

        var result = await loader.LoadAsync(Batch());

        result.SkippedSatellites.Should().ContainSingle().Which.Should().Match<SkippedSatellite>(s =>
            s.Satellite == "sat_customer_details" && s.MissingColumns.SequenceEqual(new[] { "tier" }) && s.PresentColumns.SequenceEqual(new[] { "name", "city" }));
        result.SkippedSatellites[0].ToString().Should().Contain("sat_customer_details is not loaded from this source: it lacks the attribute(s) tier (it has name, city)");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM hub_customer WHERE customer_id IS NOT NULL")).Should().Be(2, "the hub is fed from the key");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM sat_customer_details")).Should().Be(0);
        var warning = logs.Entries.Should().ContainSingle(e => e.EventId == 4015).Which;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("sat_customer_details").And.Contain("tier");
        result.SkippedSatellites.Should().NotContain(s => s.Satellite == "sat_customer_flags", "a source with none of a satellite's attributes does not describe it");
    }

    [Fact]
    public async Task Strictly_the_batch_is_rejected_naming_source_satellite_and_columns_and_nothing_is_written()
    {
        var (connection, loader, _) = await VaultAsync(LoadOptions.Default with { PartialSatellites = PartialSatelliteHandling.Reject });
        await using var __ = connection;

        var load = () => loader.LoadAsync(Batch());
        var thrown = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;

        thrown.Message.Should().Contain(Path.GetFileName(_csv)).And.Contain("sat_customer_details").And.Contain("tier");
        thrown.Column.Should().Be("tier");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM hub_customer WHERE customer_id IS NOT NULL")).Should().Be(0, "nothing of the batch is written");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT status FROM etl_batch_log")).Should().Be("failed");
    }

    [Fact]
    public async Task Excluding_the_satellite_is_the_way_to_say_it_is_meant_and_then_nothing_is_reported()
    {
        var (connection, loader, logs) = await VaultAsync(LoadOptions.Default with { PartialSatellites = PartialSatelliteHandling.Reject });
        await using var _ = connection;
        File.WriteAllText(_csv, "customer_id,name,city\nC1,Ann,Oslo\n");

        var result = await loader.LoadAsync(new LoadBatch("meant", "test").AddCsv(_csv, m => m.Exclude("sat_customer_details")));

        result.SkippedSatellites.Should().BeEmpty();
        logs.Entries.Should().NotContain(e => e.EventId == 4015);
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM hub_customer WHERE customer_id IS NOT NULL")).Should().Be(1);
    }

    [Fact]
    public async Task A_declared_default_fills_a_missing_attribute_and_hashes_like_the_same_value_delivered()
    {
        var model = new DataVaultModelBuilder()
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
            .Satellite("product_pricing", s => s.OnHub("product").Attribute("unit_price", DataType.Decimal(10, 2)).Attribute("currency", DataType.String(3), "USD"))
            .Build();
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        var loader = new VaultLoader(connection, SqlDialects.Sqlite, model, LoadOptions.Default with { PartialSatellites = PartialSatelliteHandling.Reject });
        await loader.EnsureVaultAsync();

        File.WriteAllText(_csv, "product_id,unit_price\nP1,9.99\n");
        var first = await loader.LoadAsync(new LoadBatch("without currency", "test") { LoadDate = new DateTime(2026, 11, 1) }.AddCsv(_csv));
        first.SkippedSatellites.Should().BeEmpty();
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT currency FROM sat_product_pricing")).Should().Be("USD");

        // The same price with the currency delivered: the same hash diff, so no new version.
        File.WriteAllText(_csv, "product_id,unit_price,currency\nP1,9.99,USD\n");
        await loader.LoadAsync(new LoadBatch("with currency", "test") { LoadDate = new DateTime(2026, 11, 2) }.AddCsv(_csv));
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM sat_product_pricing")).Should().Be(1);

        // A source with the key and only the defaulted attribute's absence, no real attribute, does not describe the satellite.
        File.WriteAllText(_csv, "product_id\nP2\n");
        await loader.LoadAsync(new LoadBatch("keys only", "test") { LoadDate = new DateTime(2026, 11, 3) }.AddCsv(_csv));
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM sat_product_pricing")).Should().Be(1, "no version made of defaults alone");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM hub_product WHERE product_id = 'P2'")).Should().Be(1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_csv);
    }
}

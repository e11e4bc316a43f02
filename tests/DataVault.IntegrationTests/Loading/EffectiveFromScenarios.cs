using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A satellite's effective-from column (<see cref="SatelliteBuilder.EffectiveFrom"/>): business time stored with each
/// version, outside the hash diff — a later effective time alone is no new version, a change is one with its own.
/// </summary>
public abstract class EffectiveFromScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected TFixture Fixture { get; } = fixture;

    public sealed record Customer(string CustomerId, string Name, DateTime EffectiveFrom);

    [Fact]
    public async Task The_effective_time_is_stored_with_each_version_and_alone_makes_no_new_one()
    {
        var model = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(100)).EffectiveFrom("effective_from"))
            .Build(Fixture.Dialect);
        model.Satellite("customer_details").HashDiffParts.Select(p => p.Name).Should().Equal(["name"], "business time is not hashed");
        await using var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, model);
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        LoadBatch Batch(int day, params Customer[] rows) => new LoadBatch("day " + day, "crm") { LoadDate = new DateTime(2026, 11, day, 8, 0, 0) }.AddObjects("customers", rows);

        await loader.LoadAsync(Batch(1, new Customer("C1", "Ann", new DateTime(2026, 10, 1, 0, 0, 0))));
        (await loader.LoadAsync(Batch(2, new Customer("C1", "Ann", new DateTime(2026, 10, 15, 0, 0, 0))))).InsertedByTable.GetValueOrDefault("sat_customer_details").Should().Be(0, "only the effective time differs");
        await loader.LoadAsync(Batch(3, new Customer("C1", "Bea", new DateTime(2026, 10, 20, 12, 30, 0))));

        var q = Fixture.Dialect.QuoteIdentifier;
        var versions = (await connection.QueryAsync($"SELECT {q("name")}, {q("effective_from")} FROM {q("sat_customer_details")} ORDER BY {q("load_date")}"))
            .Select(r => ((string)((IDictionary<string, object>)r)["name"], LoaderHarness.Timestamp(((IDictionary<string, object>)r)["effective_from"]))).ToList();
        versions.Should().Equal(("Ann", new DateTime(2026, 10, 1)), ("Bea", new DateTime(2026, 10, 20, 12, 30, 0)));
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }
}

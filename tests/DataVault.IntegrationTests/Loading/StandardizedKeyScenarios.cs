using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A hub that stores its text keys standardised (<see cref="StandardizedKeyStorage"/>): beside the delivered value or
/// instead of it, with the same hash key either way, and spellings of one key kept as one hub row.
/// </summary>
public abstract class StandardizedKeyScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    /// <summary>A customer row as a source delivers it.</summary>
    public sealed record Customer(string? CustomerId, string Name);

    private DataVaultModel Model(StandardizedKeyStorage storage) => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)).BusinessKey("region", DataType.Int).StoreStandardizedKeys(storage))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(100)))
        .Build(Fixture.Dialect);

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync(StandardizedKeyStorage storage)
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model(storage));
        foreach (var other in Enum.GetValues<StandardizedKeyStorage>())
        {
            await new VaultLoader(connection, Fixture.Dialect, Model(other)).DropVaultAsync();
        }

        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Batch(string name, DateTime day, params Customer[] customers) =>
        new LoadBatch(name, "test") { LoadDate = day }.AddObjects("customers", customers.Select(c => new { c.CustomerId, Region = 7, c.Name }));

    private string Q(string name) => Fixture.Dialect.QuoteIdentifier(name);

    [Fact]
    public async Task Beside_keeps_the_delivered_key_and_stores_the_standardised_one_next_to_it()
    {
        var (connection, loader) = await VaultAsync(StandardizedKeyStorage.Beside);
        await using var _ = connection;
        await loader.LoadAsync(Batch("day 1", Day1, new Customer(" c1 ", "Ann"), new Customer("c2", "Bob")));
        var second = await loader.LoadAsync(Batch("day 2", Day2, new Customer("C1", "Ann")));

        second.InsertedByTable.GetValueOrDefault("hub_customer").Should().Be(0, "' c1 ' and 'C1' are one key under the default standard");
        var rows = (await connection.QueryAsync<(string Delivered, string? Standardized, long Region)>(
            $"SELECT {Q("customer_id")}, {Q("customer_id_std")}, {Q("region")} FROM {Q("hub_customer")} WHERE {Q("customer_id")} IS NOT NULL ORDER BY {Q("customer_id_std")}")).ToList();
        rows.Should().Equal((" c1 ", "C1", 7L), ("c2", "C2", 7L));
        loader.Model.Hub("customer").StandardizedKeyColumns.Select(c => c.Name).Should().Equal(["customer_id_std"], "only the text key has one");
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Instead_stores_the_standardised_key_with_the_hash_key_the_delivered_one_has()
    {
        var (connection, loader) = await VaultAsync(StandardizedKeyStorage.Instead);
        await using var _ = connection;
        await loader.LoadAsync(Batch("day 1", Day1, new Customer(" c1 ", "Ann")));

        var row = await connection.QuerySingleAsync<(string Key, string Stored)>(
            $"SELECT {Q("hub_customer_hk")}, {Q("customer_id")} FROM {Q("hub_customer")} WHERE {Q("customer_id")} IS NOT NULL");
        row.Stored.Should().Be("C1");
        var delivered = ModelHashing.HashKey(Model(StandardizedKeyStorage.Delivered).Hub("customer"), [" c1 ", 7]);
        row.Key.Should().Be((string)delivered!, "the key is the delivered value's, whatever the hub stores");

        // The next spelling of the key is the same hub row; a satellite change on it is one new version.
        var second = await loader.LoadAsync(Batch("day 2", Day2, new Customer("c1", "Ann Lee")));
        second.InsertedByTable.GetValueOrDefault("hub_customer").Should().Be(0);
        second.InsertedByTable["sat_customer_details"].Should().Be(1);
    }
}

using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A non-historised (transactional) satellite: sales lines as immutable events on their link, inserted once; the same
/// event again is skipped, the same key with other attributes is an error naming the stored and the delivered row.
/// </summary>
public abstract class NonHistorizedScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record SaleLine(string CustomerId, string ProductId, int LineNo, int Quantity, decimal Amount);

    private DataVaultModel Model => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
        .Link("sale", l => l.Hub("customer").Hub("product").DependentChildKey("line_no", DataType.Int))
        .Satellite("sale_event", s => s.OnLink("sale").Attribute("quantity", DataType.Int).Attribute("amount", DataType.Decimal(12, 2)).NonHistorizedEvents())
        .Build(Fixture.Dialect);

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync()
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model, LoadOptions.Default with { EndDating = true });
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Batch(string name, DateTime day, params SaleLine[] lines) =>
        new LoadBatch(name, "pos") { LoadDate = day }.AddObjects("sales", lines);

    private async Task<long> EventsAsync(DbConnection connection, string? where = null) =>
        await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Fixture.Dialect.QuoteIdentifier("sat_sale_event")}{(where is null ? string.Empty : " WHERE " + where)}");

    [Fact]
    public async Task Events_are_inserted_once_and_delivered_again_they_are_skipped_not_versioned()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var first = await loader.LoadAsync(Batch("day 1", Day1, new SaleLine("C1", "P1", 1, 2, 10.00m), new SaleLine("C1", "P1", 2, 1, 5.00m), new SaleLine("C1", "P1", 1, 2, 10.00m)));
        first.InsertedByTable["sat_sale_event"].Should().Be(2, "the repeated line is one event");

        // The same events the next day, and a new one: only the new one is inserted.
        var second = await loader.LoadAsync(Batch("day 2", Day2, new SaleLine("C1", "P1", 1, 2, 10.00m), new SaleLine("C1", "P1", 2, 1, 5.00m), new SaleLine("C2", "P1", 1, 7, 70.00m)));
        second.InsertedByTable["sat_sale_event"].Should().Be(1);
        (await EventsAsync(connection)).Should().Be(3);
        (await EventsAsync(connection, $"{Fixture.Dialect.QuoteIdentifier("load_end_date")} IS NULL")).Should().Be(3, "events are never end-dated");
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
        Fixture.Dialect.SatelliteTable(loader.Model.Satellite("sale_event"), LoadOptions.Default.Ddl).PrimaryKey.Should().Equal(["link_sale_hk"], "one row per event");
    }

    [Fact]
    public async Task An_event_delivered_again_with_other_attributes_is_an_error_naming_the_stored_and_the_delivered_row()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Batch("day 1", Day1, new SaleLine("C1", "P1", 1, 2, 10.00m)));

        var changed = () => loader.LoadAsync(Batch("day 2", Day2, new SaleLine("C9", "P9", 1, 1, 1.00m), new SaleLine("C1", "P1", 1, 2, 12.00m)));
        var error = (await changed.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Contain("non-historised").And.Contain("loaded 2026-11-01 08:00:00").And.Contain("from pos").And.Contain("sales").And.Contain("row 2");
        (await EventsAsync(connection)).Should().Be(1, "the batch left nothing behind");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Fixture.Dialect.QuoteIdentifier("hub_customer")} WHERE {Fixture.Dialect.QuoteIdentifier("customer_id")} = 'C9'")).Should().Be(0);

        var twice = () => loader.LoadAsync(Batch("day 2", Day2, new SaleLine("C3", "P1", 1, 1, 1.00m), new SaleLine("C3", "P1", 1, 1, 2.00m)));
        (await twice.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("row 1").And.Contain("row 2");
    }
}

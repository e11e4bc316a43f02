using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// An extended tracking satellite on the customer hub: every load's hash diff of each customer in each standard
/// satellite, changed or not. A late load placed in order then restores the version it interrupts: the customer said
/// Ann on day 1 and again on day 3, a late day 2 says Bob — the history becomes Ann, Bob, Ann (without the record it
/// would end on Bob, which no source said last).
/// </summary>
public abstract class ExtendedTrackingScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime Day4 = new(2026, 11, 4, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record CustomerRow(string CustomerId, string Name, string City);

    private DataVaultModel Model(bool tracked) => new DataVaultModelBuilder()
        .Hub("customer", h =>
        {
            h.BusinessKey("customer_id", DataType.String(10));
            if (tracked)
            {
                h.ExtendedTracking();
            }
        })
        .Satellite("customer_name", s => s.OnHub("customer").Attribute("name", DataType.String(50)))
        .Satellite("customer_city", s => s.OnHub("customer").Attribute("city", DataType.String(50)))
        .Satellite("customer_seen", s => s.OnHub("customer").RecordTracking())
        .Build(Fixture.Dialect);

    private string Q(string name) => Fixture.Dialect.QuoteIdentifier(name);

    private static LoadOptions InOrder => LoadOptions.Default with { EndDating = true, LateData = LateDataHandling.InsertInOrder };

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync(bool tracked = true, LoadOptions? options = null)
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model(tracked), options ?? InOrder);
        await new VaultLoader(connection, Fixture.Dialect, Model(tracked: true), options ?? InOrder).DropVaultAsync();
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Batch(string name, DateTime day, params CustomerRow[] rows) =>
        new LoadBatch(name, "crm") { LoadDate = day }.AddObjects("customers", rows);

    /// <summary>A satellite's versions of C1: load date, load end date, value.</summary>
    private async Task<List<(DateTime LoadDate, DateTime? EndDate, string Value)>> VersionsAsync(DbConnection connection, string satellite, string column)
    {
        var rows = await connection.QueryAsync($"SELECT s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q(column)} FROM {Q(satellite)} s ORDER BY s.{Q("load_date")}");
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return (LoaderHarness.Timestamp(v[0])!.Value, LoaderHarness.Timestamp(v[1]), (string)v[2]!);
        })];
    }

    [Fact]
    public async Task Every_load_is_recorded_and_a_late_load_placed_in_order_restores_the_version_it_interrupts()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var first = await loader.LoadAsync(Batch("day 1", Day1, new CustomerRow("C1", "Ann", "Paris")));
        first.InsertedByTable["xts_customer"].Should().Be(2, "one row per tracked satellite (the record-tracking one is not tracked)");
        var third = await loader.LoadAsync(Batch("day 3", Day3, new CustomerRow("C1", "Ann", "Paris")));
        third.InsertedByTable["xts_customer"].Should().Be(2, "unchanged versions are recorded too");
        third.InsertedByTable.GetValueOrDefault("sat_customer_name").Should().Be(0);
        (await loader.LoadAsync(Batch("day 3", Day3, new CustomerRow("C1", "Ann", "Paris")))).RowsInserted.Should().Be(0, "a rerun records nothing");

        var late = await loader.LoadAsync(Batch("day 2", Day2, new CustomerRow("C1", "Bob", "Paris")));

        late.InsertedByTable["sat_customer_name"].Should().Be(2, "Bob on day 2, and Ann again on day 3, which the source said then");
        late.InsertedByTable.GetValueOrDefault("sat_customer_city").Should().Be(0, "Paris all along");
        (await VersionsAsync(connection, "sat_customer_name", "name")).Should().Equal((Day1, Day2, "Ann"), (Day2, Day3, "Bob"), (Day3, null, "Ann"));
        (await VersionsAsync(connection, "sat_customer_city", "city")).Should().Equal([(Day1, null, "Paris")]);
        var recorded = await connection.QueryAsync($"SELECT {Q("satellite_name")}, COUNT(*) AS n FROM {Q("xts_customer")} GROUP BY {Q("satellite_name")} ORDER BY {Q("satellite_name")}");
        recorded.Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).Select(v => ((string)v[0]!, Convert.ToInt64(v[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Should().Equal(("sat_customer_city", 3L), ("sat_customer_name", 3L));

        // A later load that changes nothing restores nothing more.
        (await loader.LoadAsync(Batch("day 4", Day4, new CustomerRow("C1", "Ann", "Paris")))).InsertedByTable.GetValueOrDefault("sat_customer_name").Should().Be(0);
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Without_the_record_the_late_version_ends_the_history_and_with_it_a_refused_late_load_is_seen_and_records_nothing()
    {
        var (connection, untracked) = await VaultAsync(tracked: false);
        await using var _ = connection;
        await untracked.LoadAsync(Batch("day 1", Day1, new CustomerRow("C1", "Ann", "Paris")));
        await untracked.LoadAsync(Batch("day 3", Day3, new CustomerRow("C1", "Ann", "Paris")));
        await untracked.LoadAsync(Batch("day 2", Day2, new CustomerRow("C1", "Bob", "Paris")));
        (await VersionsAsync(connection, "sat_customer_name", "name")).Select(v => v.Value).Should().Equal("Ann", "Bob");

        var (again, tracked) = await VaultAsync(tracked: true, LoadOptions.Default with { EndDating = true });
        await using var __ = again;
        await tracked.LoadAsync(Batch("day 1", Day1, new CustomerRow("C1", "Ann", "Paris")));
        await tracked.LoadAsync(Batch("day 3", Day3, new CustomerRow("C1", "Ann", "Paris")));
        var refused = () => tracked.LoadAsync(Batch("day 2", Day2, new CustomerRow("C1", "Bob", "Paris")));
        (await refused.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("sat_customer_name: late data").And.Contain("that xts_customer recorded");
        (await again.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("xts_customer")}")).Should().Be(4, "the failed batch recorded nothing");
        await tracked.DropVaultAsync();
    }
}

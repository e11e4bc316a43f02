using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Rehashing;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A reference table: currencies, identified by their code itself (no hash key) in the reference hub
/// <c>ref_currency</c>, described by a historised satellite keyed by the code, with a current view of the latest
/// version of every code. First load, rerun, change, change back, ordered versions in one batch, late data, a failed
/// batch, a migration that adds an attribute.
/// </summary>
public abstract class ReferenceTableScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime Day4 = new(2026, 11, 4, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record Currency(string? CurrencyCode, string Name, int Decimals);

    public sealed record CurrencyChange(int Seq, string CurrencyCode, string Name, int Decimals);

    private DataVaultModel Model(bool symbol = false) => new DataVaultModelBuilder()
        .ReferenceHub("currency", r => r.BusinessKey("currency_code", DataType.String(3)))
        .Satellite("currency_details", s =>
        {
            s.OnHub("currency").Attribute("name", DataType.String(50)).Attribute("decimals", DataType.Int);
            if (symbol)
            {
                s.Attribute("symbol", DataType.String(5));
            }
        })
        .Build(Fixture.Dialect);

    private string Q(string name) => Fixture.Dialect.QuoteIdentifier(name);

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync(LoadOptions? options = null)
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model(), options ?? LoadOptions.Default with { EndDating = true });
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Batch(string name, DateTime day, params Currency[] rows) =>
        new LoadBatch(name, "finance") { LoadDate = day }.AddObjects("currencies", rows);

    private static Currency[] Initial => [new("USD", "US Dollar", 2), new("EUR", "Euro", 2), new("JPY", "Yen", 0)];

    /// <summary>Every stored version: code, load date, load end date, name — in code and load-date order.</summary>
    private async Task<List<(string Code, DateTime LoadDate, DateTime? EndDate, string Name)>> VersionsAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync($"SELECT {Q("currency_code")}, {Q("load_date")}, {Q("load_end_date")}, {Q("name")} FROM {Q("sat_currency_details")} ORDER BY {Q("currency_code")}, {Q("load_date")}");
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return ((string)v[0]!, LoaderHarness.Timestamp(v[1])!.Value, LoaderHarness.Timestamp(v[2]), (string)v[3]!);
        })];
    }

    /// <summary>The current view: code and name, in code order.</summary>
    private async Task<List<(string Code, string Name)>> CurrentAsync(DbConnection connection, VaultLoader loader)
    {
        var view = Fixture.Dialect.CurrentViewName(loader.Model.Satellite("currency_details"));
        var rows = await connection.QueryAsync($"SELECT {Q("currency_code")}, {Q("name")} FROM {Q(view)} ORDER BY {Q("currency_code")}");
        return [.. rows.Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).Select(v => ((string)v[0]!, (string)v[1]!))];
    }

    [Fact]
    public async Task Codes_are_keys_without_hashes_each_change_and_change_back_is_a_version_and_the_current_view_shows_the_latest()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var first = await loader.LoadAsync(Batch("day 1", Day1, Initial));
        first.InsertedByTable["ref_currency"].Should().Be(3);
        first.InsertedByTable["sat_currency_details"].Should().Be(3);
        (await loader.LoadAsync(Batch("day 1", Day1, Initial))).RowsInserted.Should().Be(0, "a rerun adds nothing");
        (await loader.LoadAsync(Batch("day 2", Day2, new Currency("EUR", "Euro (EU)", 2), new Currency("USD", "US Dollar", 2)))).InsertedByTable["sat_currency_details"].Should().Be(1);
        (await loader.LoadAsync(Batch("day 3", Day3, new Currency("EUR", "Euro", 2)))).InsertedByTable["sat_currency_details"].Should().Be(1, "a change back is a version");

        var codes = await connection.QueryAsync<string>($"SELECT {Q("currency_code")} FROM {Q("ref_currency")} ORDER BY {Q("currency_code")}");
        codes.Should().Equal(["EUR", "JPY", "USD"], "the code is the key, and there is no ghost record");
        (await VersionsAsync(connection)).Should().Equal(
            ("EUR", Day1, Day2, "Euro"), ("EUR", Day2, Day3, "Euro (EU)"), ("EUR", Day3, null, "Euro"),
            ("JPY", Day1, null, "Yen"),
            ("USD", Day1, null, "US Dollar"));
        (await CurrentAsync(connection, loader)).Should().Equal(("EUR", "Euro"), ("JPY", "Yen"), ("USD", "US Dollar"));
        var history = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q(Fixture.Dialect.SatelliteViewName(loader.Model.Satellite("currency_details")))} WHERE {Q("is_current")} = 1");
        history.Should().Be(3);
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task Ordered_versions_in_one_batch_late_data_and_a_failed_batch()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        CurrencyChange[] changes = [new(2, "EUR", "Euro (EU)", 2), new(1, "EUR", "Euro", 2), new(3, "EUR", "Euro", 2)];
        (await loader.LoadAsync(new LoadBatch("cdc", "finance") { LoadDate = Day2 }.AddObjects("changes", changes, m => m.OrderBy("seq")))).InsertedByTable["sat_currency_details"].Should().Be(3);
        (await VersionsAsync(connection)).Select(v => (v.LoadDate, v.Name)).Should().Equal((Day2, "Euro"), (Day2.AddTicks(10), "Euro (EU)"), (Day2.AddTicks(20), "Euro"));

        var late = () => loader.LoadAsync(Batch("day 1", Day1, new Currency("EUR", "Old Euro", 2)));
        (await late.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("late data");
        var inOrder = new VaultLoader(connection, Fixture.Dialect, loader.Model, LoadOptions.Default with { EndDating = true, LateData = LateDataHandling.InsertInOrder });
        (await inOrder.LoadAsync(Batch("day 1", Day1, new Currency("EUR", "Old Euro", 2)))).InsertedByTable["sat_currency_details"].Should().Be(1);
        (await VersionsAsync(connection)).First().Should().Be(("EUR", Day1, Day2, "Old Euro"));

        // A code too long for its column fails the batch: nothing of it is written, the other code neither.
        var bad = () => loader.LoadAsync(Batch("day 4", Day4, new Currency("GBP", "Pound", 2), new Currency("EURO", "Euro", 2)));
        (await bad.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("currencies, row 2, column CurrencyCode");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("ref_currency")}")).Should().Be(1);

        // A row with attributes and no code is a bad row, never a version of nothing.
        var blank = () => loader.LoadAsync(Batch("day 4", Day4, new Currency(" ", "Nothing", 0)));
        (await blank.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("column CurrencyCode: ' ' leaves the key of ref_currency").And.Contain("without a code");
        (await VersionsAsync(connection)).Should().HaveCount(4);
    }

    [Fact]
    public async Task A_migration_adds_an_attribute_to_the_table_and_both_views_and_a_rehash_is_refused()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Batch("day 1", Day1, Initial));
        var later = new VaultLoader(connection, Fixture.Dialect, Model(symbol: true), LoadOptions.Default with { EndDating = true });
        (await later.DetectDriftAsync()).HasDrift.Should().BeTrue();
        await later.MigrateAsync();
        (await later.DetectDriftAsync()).HasDrift.Should().BeFalse("the table has the column and both views show it");
        var view = Fixture.Dialect.CurrentViewName(later.Model.Satellite("currency_details"));
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q(view)} WHERE {Q("symbol")} IS NULL")).Should().Be(3);

        var target = new DataVaultModelBuilder().UseHashingStandard(Core.Hashing.HashingStandards.AutomateDv)
            .ReferenceHub("currency", r => r.BusinessKey("currency_code", DataType.String(3)))
            .Satellite("currency_details", s => s.OnHub("currency").Attribute("name", DataType.String(50)).Attribute("decimals", DataType.Int).Attribute("symbol", DataType.String(5)))
            .Build(Fixture.Dialect);
        var rehash = () => later.RehashAsync(target);
        (await rehash.Should().ThrowAsync<DataVaultRehashException>()).Which.Message.Should().Contain("reference hub ref_currency");
        await later.DropVaultAsync();
    }
}

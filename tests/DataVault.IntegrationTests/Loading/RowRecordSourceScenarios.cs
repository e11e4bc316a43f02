using Dapper;
using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// The record source of each row from a column of the source (<see cref="SourceMapping.RecordSourceFrom"/>): a
/// multi-source extract says per row where it came from; an empty value falls back to the source's, a too long one is
/// a bad row named by line and column.
/// </summary>
public abstract class RowRecordSourceScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Each_row_carries_the_record_source_its_column_names_and_an_empty_one_the_sources()
    {
        await using var h = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await h.Loader().DropVaultAsync();
        await h.Loader().EnsureVaultAsync();
        var file = h.File("customers.csv", "customer_id,name,birth_date,credit_limit,origin\nC1,Ann,,1,crm\nC2,Bob,,2,\nC3,Cy,,3,webshop\n");

        await h.Loader().LoadAsync(new LoadBatch("mixed", "batch-default") { LoadDate = Day1 }.AddCsv(file, m => m.RecordSourceFrom("origin").WithRecordSource("extract")));

        var hubs = (await h.Connection.QueryAsync<(string Id, string Source)>($"SELECT {h.Q("customer_id")}, {h.Q("record_source")} FROM {h.Q("hub_customer")} WHERE {h.Q("customer_id")} IS NOT NULL ORDER BY 1")).ToList();
        hubs.Should().Equal(("C1", "crm"), ("C2", "extract"), ("C3", "webshop"));
        var sats = (await h.Connection.QueryAsync<string>($"SELECT {h.Q("record_source")} FROM {h.Q("sat_customer_details")} ORDER BY {h.Q("name")}")).ToList();
        sats.Should().Equal("crm", "extract", "webshop");
    }

    [Fact]
    public async Task A_record_source_too_long_is_a_bad_row_and_a_missing_column_is_refused_before_loading()
    {
        await using var h = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await h.Loader().DropVaultAsync();
        await h.Loader().EnsureVaultAsync();
        var tooLong = h.File("long.csv", $"customer_id,name,birth_date,credit_limit,origin\nC1,Ann,,1,crm\nC2,Bob,,2,{new string('x', 101)}\n");
        var load = () => h.Loader().LoadAsync(new LoadBatch("long", "test") { LoadDate = Day1 }.AddCsv(tooLong, m => m.RecordSourceFrom("origin")));
        var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().Contain("line 3").And.Contain("origin").And.Contain("at most 100");
        (await h.CountAsync("hub_customer", $"{h.Q("customer_id")} IS NOT NULL")).Should().Be(0);

        var missing = () => h.Loader().LoadAsync(new LoadBatch("missing", "test") { LoadDate = Day1 }.AddCsv(tooLong, m => m.RecordSourceFrom("system")));
        (await missing.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("record-source column 'system' is missing");
    }
}

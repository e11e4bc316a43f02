using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A link's declared policy for a row with an empty hub key (<see cref="NullHubKeyPolicy"/>): the zero key, no link row,
/// or a bad row named by its file, line and column.
/// </summary>
public abstract class NullHubKeyScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);

    private const string Sales = "customer_id,product_id,referred_by_customer_id,line_no,quantity,amount\nC1,P1,C2,1,2,10.00\nC4,P2,,1,3,7.50\n";

    protected TFixture Fixture { get; } = fixture;

    private DataVaultModel Model(NullHubKeyPolicy policy) => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
        .Link("sale", l => l.Hub("customer").Hub("product").Hub("customer", role: "referred_by").DependentChildKey("line_no", DataType.Int).OnNullHubKey(policy))
        .Satellite("sale_metrics", s => s.OnLink("sale").Attribute("quantity", DataType.Int).Attribute("amount", DataType.Decimal(12, 2)))
        .Build(Fixture.Dialect);

    private async Task<(DbConnection Connection, VaultLoader Loader, string File)> VaultAsync(NullHubKeyPolicy policy, BadRowHandling badRows = BadRowHandling.Reject)
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model(policy), LoadOptions.Default with { BadRows = badRows });
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        var file = Path.Combine(Path.GetTempPath(), $"dv-sales-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Sales);
        return (connection, loader, file);
    }

    private async Task<long> CountAsync(DbConnection connection, string table, string? where = null) =>
        await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Fixture.Dialect.QuoteIdentifier(table)}{(where is null ? string.Empty : " WHERE " + where)}");

    [Fact]
    public async Task By_default_an_empty_hub_key_is_the_zero_key_of_the_ghost_record()
    {
        var (connection, loader, file) = await VaultAsync(NullHubKeyPolicy.ZeroKey);
        await using var _ = connection;
        await loader.LoadAsync(new LoadBatch("sales", "test") { LoadDate = Day1 }.AddCsv(file));

        (await CountAsync(connection, "link_sale")).Should().Be(2);
        var zero = (string)Fixture.Dialect.ZeroKeyValue(loader.Model.HashingStandard, LoadOptions.Default.Ddl);
        (await CountAsync(connection, "link_sale", $"{Fixture.Dialect.QuoteIdentifier("referred_by_hub_customer_hk")} = '{zero}'")).Should().Be(1);
        (await CountAsync(connection, "sat_sale_metrics")).Should().Be(2);
        (await loader.LoadAsync(new LoadBatch("again", "test") { LoadDate = Day1.AddDays(1) }.AddCsv(file))).SkippedLinkRows.Should().BeEmpty("the zero key skips nothing");
    }

    [Fact]
    public async Task Skip_feeds_no_link_row_and_no_link_satellite_but_the_hubs_still_load()
    {
        var (connection, loader, file) = await VaultAsync(NullHubKeyPolicy.Skip);
        await using var _ = connection;
        var result = await loader.LoadAsync(new LoadBatch("sales", "test") { LoadDate = Day1 }.AddCsv(file));

        (await CountAsync(connection, "link_sale")).Should().Be(1, "the row without a referral feeds no link row");
        (await CountAsync(connection, "sat_sale_metrics")).Should().Be(1, "nor a version of the link's satellite");
        (await CountAsync(connection, "hub_customer", $"{Fixture.Dialect.QuoteIdentifier("customer_id")} = 'C4'")).Should().Be(1, "C4 is still a customer");
        result.RowsRejected.Should().Be(0);
        result.SkippedLinkRows.Should().Equal(new Dictionary<string, long> { ["link_sale"] = 1 }, "the row that fed no link row is reported");
    }

    [Fact]
    public async Task Reject_makes_the_row_bad_naming_file_line_and_column_and_quarantine_keeps_it_whole()
    {
        var (connection, loader, file) = await VaultAsync(NullHubKeyPolicy.Reject);
        await using (connection)
        {
            var load = () => loader.LoadAsync(new LoadBatch("sales", "test") { LoadDate = Day1 }.AddCsv(file));
            var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
            error.Message.Should().Contain("line 3").And.Contain("referred_by_customer_id").And.Contain("NullHubKeyPolicy.Reject");
            (await CountAsync(connection, "link_sale")).Should().Be(0, "the batch was rejected whole");
        }

        var (quarantined, loader2, file2) = await VaultAsync(NullHubKeyPolicy.Reject, BadRowHandling.Quarantine);
        await using var _ = quarantined;
        var result = await loader2.LoadAsync(new LoadBatch("sales", "test") { LoadDate = Day1 }.AddCsv(file2));
        result.RowsRejected.Should().Be(1);
        (await CountAsync(quarantined, "link_sale")).Should().Be(1);
        (await CountAsync(quarantined, "dv_rejected_rows", $"{Fixture.Dialect.QuoteIdentifier("column_name")} = 'referred_by_customer_id'")).Should().Be(1);
    }
}

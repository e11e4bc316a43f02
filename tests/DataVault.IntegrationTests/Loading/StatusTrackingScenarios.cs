using System.Data.Common;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A status-tracking satellite (delete detection): the products of a catalogue, fed by a full extract of the product
/// ids. A product absent from a later extract is deleted (<c>D</c>), one that comes back returns (<c>R</c>); a delta
/// never deletes anything; an extract that is empty, late, rerun with other keys or has rejected rows writes nothing.
/// </summary>
public abstract class StatusTrackingScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);
    private static readonly DateTime Day4 = new(2026, 11, 4, 8, 0, 0);
    private static readonly DateTime Day5 = new(2026, 11, 5, 8, 0, 0);
    private static readonly DateTime Day6 = new(2026, 11, 6, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    public sealed record CatalogueItem(string ProductId);

    public sealed record ProductRow(string ProductId, string Name);

    private DataVaultModel Model => new DataVaultModelBuilder()
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(10)))
        .Satellite("product_details", s => s.OnHub("product").Attribute("name", DataType.String(50)))
        .Satellite("product_status", s => s.OnHub("product").StatusTracking())
        .Build(Fixture.Dialect);

    private string Q(string name) => Fixture.Dialect.QuoteIdentifier(name);

    private async Task<(DbConnection Connection, VaultLoader Loader)> VaultAsync(LoadOptions? options = null)
    {
        var connection = await Fixture.OpenAsync();
        var loader = new VaultLoader(connection, Fixture.Dialect, Model, options ?? LoadOptions.Default with { EndDating = true });
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static LoadBatch Extract(string name, DateTime day, params string[] products) =>
        new LoadBatch(name, "erp") { LoadDate = day }.AddObjects("catalogue", products.Select(p => new CatalogueItem(p)), m => m.FullExtractFor("sat_product_status"));

    /// <summary>Every stored status: product, load date, load end date, status — in product and load-date order.</summary>
    private async Task<List<(string Product, DateTime LoadDate, DateTime? EndDate, string Status)>> StatusesAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync(
            $"SELECT h.{Q("product_id")}, s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q("status")} FROM {Q("sat_product_status")} s " +
            $"JOIN {Q("hub_product")} h ON h.{Q("hub_product_hk")} = s.{Q("hub_product_hk")} ORDER BY h.{Q("product_id")}, s.{Q("load_date")}");
        return [.. rows.Select(r =>
        {
            var v = ((IDictionary<string, object?>)r).Values.ToArray();
            return ((string)v[0]!, LoaderHarness.Timestamp(v[1])!.Value, LoaderHarness.Timestamp(v[2]), (string)v[3]!);
        })];
    }

    [Fact]
    public async Task A_product_absent_from_a_full_extract_is_deleted_and_one_that_comes_back_returns_while_a_delta_deletes_nothing()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        (await loader.LoadAsync(Extract("day 1", Day1, "P1", "P2", "P3"))).InsertedByTable["sat_product_status"].Should().Be(3);
        (await loader.LoadAsync(Extract("day 1", Day1, "P3", "P1", "P2", "P1"))).InsertedByTable.GetValueOrDefault("sat_product_status").Should().Be(0, "a rerun changes nothing");
        (await loader.LoadAsync(Extract("day 2", Day2, "P1", "P3"))).InsertedByTable["sat_product_status"].Should().Be(1, "P2 is gone");
        (await loader.LoadAsync(Extract("day 3", Day3, "P1", "P2", "P3"))).InsertedByTable["sat_product_status"].Should().Be(1, "P2 is back");
        (await loader.LoadAsync(Extract("day 4", Day4, "P1", "P2", "P3"))).InsertedByTable.GetValueOrDefault("sat_product_status").Should().Be(0, "nothing changed");
        (await loader.LoadAsync(Extract("day 5", Day5, "P1", "P2", "P4"))).InsertedByTable["sat_product_status"].Should().Be(2, "P3 is gone, P4 is new");

        // A delta of product details without P1, P2 and P4: it says nothing about what exists, so nothing is deleted.
        var delta = new LoadBatch("day 6", "erp") { LoadDate = Day6 }.AddObjects("products", [new ProductRow("P3", "Lamp")]);
        var deltaResult = await loader.LoadAsync(delta);
        deltaResult.InsertedByTable.GetValueOrDefault("sat_product_status").Should().Be(0);
        deltaResult.InsertedByTable["sat_product_details"].Should().Be(1);

        (await StatusesAsync(connection)).Should().Equal(
            ("P1", Day1, null, "I"),
            ("P2", Day1, Day2, "I"), ("P2", Day2, Day3, "D"), ("P2", Day3, null, "R"),
            ("P3", Day1, Day5, "I"), ("P3", Day5, null, "D"),
            ("P4", Day5, null, "I"));
        var current = await connection.QueryAsync<string>(
            $"SELECT h.{Q("product_id")} FROM {Q(Fixture.Dialect.SatelliteViewName(loader.Model.Satellite("product_status")))} v JOIN {Q("hub_product")} h ON h.{Q("hub_product_hk")} = v.{Q("hub_product_hk")} " +
            $"WHERE v.{Q("is_current")} = 1 AND v.{Q("status")} = 'D'");
        current.Should().Equal(["P3"], "the history view shows the discontinued products");
        (await loader.DetectDriftAsync()).HasDrift.Should().BeFalse();
    }

    [Fact]
    public async Task An_empty_extract_is_refused_unless_declared_allowed_and_then_deletes_every_tracked_key()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(Extract("day 1", Day1, "P1", "P2"));

        var empty = () => loader.LoadAsync(Extract("day 2", Day2));
        (await empty.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("no rows").And.Contain("allowEmpty");
        (await StatusesAsync(connection)).Should().HaveCount(2);

        var allowed = new LoadBatch("day 2", "erp") { LoadDate = Day2 }.AddObjects("catalogue", Array.Empty<CatalogueItem>(), m => m.FullExtractFor("sat_product_status", allowEmpty: true));
        (await loader.LoadAsync(allowed)).InsertedByTable["sat_product_status"].Should().Be(2);
        (await StatusesAsync(connection)).Where(s => s.EndDate is null).Select(s => s.Status).Should().Equal("D", "D");
    }

    [Fact]
    public async Task A_late_extract_a_rerun_with_other_keys_and_an_extract_with_a_rejected_row_write_nothing()
    {
        var (connection, loader) = await VaultAsync(LoadOptions.Default with { EndDating = true, BadRows = BadRowHandling.Quarantine });
        await using var _ = connection;
        await loader.LoadAsync(Extract("day 1", Day1, "P1", "P2"));
        await loader.LoadAsync(Extract("day 3", Day3, "P1"));

        var late = () => loader.LoadAsync(Extract("day 2", Day2, "P1", "P2", "P9"));
        (await late.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("late data").And.Contain("older than the latest stored extract (2026-11-03 08:00:00");

        var rewritten = () => loader.LoadAsync(Extract("day 3 again", Day3, "P1", "P2"));
        (await rewritten.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("another status than the one stored");

        // P-TOO-LONG-1 does not fit the key type: quarantined, it would be taken for a deletion of a product that exists.
        var rejected = () => loader.LoadAsync(Extract("day 4", Day4, "P1", "P-TOO-LONG-1"));
        (await rejected.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("catalogue: 1 row(s) of this full extract of sat_product_status were rejected");

        (await StatusesAsync(connection)).Should().HaveCount(3, "P1 and P2 on day 1, P2 deleted on day 3 — and nothing since");
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("hub_product")} WHERE {Q("product_id")} = 'P9'")).Should().Be(0);
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("hub_product")} WHERE {Q("product_id")} = 'P-TOO-LONG-1'")).Should().Be(0);

        // With late data inserted in order, a late extract's statuses are placed against the latest status before it.
        var inOrder = new VaultLoader(connection, Fixture.Dialect, loader.Model, LoadOptions.Default with { EndDating = true, LateData = LateDataHandling.InsertInOrder });
        (await inOrder.LoadAsync(Extract("day 2", Day2, "P1"))).InsertedByTable["sat_product_status"].Should().Be(1);
        (await StatusesAsync(connection)).Where(s => s.Product == "P2").Should().Equal(
            [("P2", Day1, Day2, "I"), ("P2", Day2, Day3, "D"), ("P2", Day3, null, "D")], "the late deletion ends the first status; the stored one is kept (insert-only)");

        var notStatus = () => loader.LoadAsync(new LoadBatch("day 4", "erp") { LoadDate = Day4 }.AddObjects("catalogue", [new CatalogueItem("P1")], m => m.FullExtractFor("sat_product_details")));
        (await notStatus.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("not a status-tracking or effectivity satellite").And.Contain("sat_product_status");
    }
}

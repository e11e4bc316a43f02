using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>Options of one batch over the loader's, and a record source per source, on a real SQLite file.</summary>
public sealed class BatchOptionsTests : IDisposable
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);
    private static readonly DateTime Day3 = new(2026, 11, 3, 8, 0, 0);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-batchopt-{Guid.NewGuid():N}.db");

    private static DataVaultModel Model() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)).Attribute("credit", DataType.Int))
        .Build();

    private async Task<(SqliteConnection Connection, VaultLoader Loader)> VaultAsync(LoadOptions options)
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        var loader = new VaultLoader(connection, SqlDialects.Sqlite, Model(), options);
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private static Customer[] Rows(params (string Id, string Name, string Credit)[] rows) => [.. rows.Select(r => new Customer(r.Id, r.Name, r.Credit))];

    [Fact]
    public async Task One_batch_quarantines_bad_rows_while_the_loaders_default_still_rejects_the_next()
    {
        var (connection, loader) = await VaultAsync(LoadOptions.Default);
        await using var _ = connection;

        var lenient = await loader.LoadAsync(new LoadBatch("lenient", "test") { LoadDate = Day1, Options = new BatchOptions { BadRows = BadRowHandling.Quarantine } }
            .AddObjects("customers", Rows(("C1", "Ann", "10"), ("C2", "Bob", "lots"))));
        lenient.RowsRejected.Should().Be(1);

        var strict = () => loader.LoadAsync(new LoadBatch("strict", "test") { LoadDate = Day2 }.AddObjects("customers", Rows(("C3", "Cy", "many"))));
        (await strict.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("is not an integer");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM hub_customer WHERE customer_id = 'C3'")).Should().Be(0);
    }

    [Fact]
    public async Task One_batch_end_dates_and_accepts_late_data_in_order_while_the_loader_does_neither()
    {
        var (connection, loader) = await VaultAsync(LoadOptions.Default);
        await using var _ = connection;
        await loader.LoadAsync(new LoadBatch("day 3", "test") { LoadDate = Day3 }.AddObjects("customers", Rows(("C1", "Ann v3", "10"))));

        var late = () => loader.LoadAsync(new LoadBatch("day 1, late", "test") { LoadDate = Day1 }.AddObjects("customers", Rows(("C1", "Ann v1", "10"))));
        await late.Should().ThrowAsync<DataVaultLoadException>("the loader rejects late data");

        await loader.LoadAsync(new LoadBatch("day 1, late, allowed", "test")
        {
            LoadDate = Day1,
            Options = new BatchOptions { LateData = LateDataHandling.InsertInOrder, EndDating = true },
        }.AddObjects("customers", Rows(("C1", "Ann v1", "10"))));

        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM sat_customer_details")).Should().Be(2);
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT load_end_date FROM sat_customer_details WHERE name = 'Ann v1'")).Should().StartWith("2026-11-03", "this batch end-dates the late version at its successor");
    }

    [Fact]
    public async Task Each_source_can_stamp_its_own_record_source_and_one_too_long_is_refused_before_anything_is_written()
    {
        var (connection, loader) = await VaultAsync(LoadOptions.Default);
        await using var _ = connection;

        await loader.LoadAsync(new LoadBatch("mixed", "batch.default") { LoadDate = Day1 }
            .AddObjects("crm customers", Rows(("C1", "Ann", "10")), m => m.WithRecordSource("crm"))
            .AddObjects("products", new[] { new Product("P1") }));

        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT record_source FROM hub_customer WHERE customer_id = 'C1'")).Should().Be("crm");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT record_source FROM sat_customer_details")).Should().Be("crm");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT record_source FROM hub_product WHERE product_id = 'P1'")).Should().Be("batch.default");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT record_source FROM etl_batch_log")).Should().Be("batch.default");

        var tooLong = () => loader.LoadAsync(new LoadBatch("long", "test") { LoadDate = Day2 }.AddObjects("c", Rows(("C9", "N", "1")), m => m.WithRecordSource(new string('x', 101))));
        (await tooLong.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("source c is 101 characters long").And.Contain("hold 100");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM etl_batch_log")).Should().Be(1, "the refused batch has no entry");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    public sealed record Customer(string CustomerId, string Name, string Credit);

    public sealed record Product(string ProductId);
}

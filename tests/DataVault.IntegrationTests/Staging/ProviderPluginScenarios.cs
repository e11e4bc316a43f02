using System.Data.Common;
using System.Globalization;
using DataVault.Core.DependencyInjection;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DataVault.IntegrationTests.Staging;

/// <summary>
/// A provider package plugged in the way the README shows — <c>services.AddDataVault(model, connectionFactory).Use…()</c>
/// and, without DI, <c>XProvider.Default.CreateLoader(connection, model)</c> — loads a real batch on its real engine,
/// and the loader stages that batch through the package's fast writer.
/// </summary>
public abstract class ProviderPluginScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The provider the package's <c>Use…()</c> registers.</summary>
    protected abstract DataVaultProvider Provider { get; }

    /// <summary>The writer type the provider's factory creates on the fixture's connections.</summary>
    protected abstract Type WriterType { get; }

    /// <summary>Calls the package's <c>Use…()</c> method.</summary>
    protected abstract DataVaultBuilder Use(DataVaultBuilder builder);

    /// <summary>Checks a writer the loader used (e.g. the method it chose), after the batch.</summary>
    protected virtual void Inspect(IStagingWriter writer)
    {
    }

    [Fact]
    public async Task Use_registers_the_dialect_and_the_fast_writer_and_a_batch_loads()
    {
        var model = Model("di");
        var services = new ServiceCollection();
        Use(services.AddDataVault(model, await ConnectionsAsync(2)));

        await using var container = services.BuildServiceProvider();
        var factory = container.GetRequiredService<VaultLoaderFactory>();
        container.GetRequiredService<SqlDialect>().Should().BeSameAs(Fixture.Dialect);
        factory.Dialect.Should().BeSameAs(Fixture.Dialect);
        factory.Options.StagingWriters.Should().Equal([Provider.StagingWriter!]);
        await factory.EnsureVaultAsync();
        var result = await factory.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain(model.Hub("customer_di").TableName, 3).And.Contain(model.Satellite("customer_di_details").TableName, 3);
        await ShouldHoldAsync(model, "di");
    }

    [Fact]
    public async Task The_provider_creates_a_loader_without_DI_in_one_call()
    {
        var model = Model("plain");
        await using var connection = await Fixture.OpenAsync();

        var loader = Provider.CreateLoader(connection, model, LoadOptions.Default with { EndDating = true });
        await loader.EnsureVaultAsync();
        var result = await loader.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain(model.Hub("customer_plain").TableName, 3).And.Contain(model.Satellite("customer_plain_details").TableName, 3);
        await ShouldHoldAsync(model, "plain");
    }

    [Fact]
    public async Task The_loader_stages_the_batch_through_the_providers_writer()
    {
        var model = Model("spy");
        var spy = new SpyFactory(Provider.StagingWriter ?? throw new InvalidOperationException("the provider has no writer"));
        var services = new ServiceCollection();
        services.AddDataVault(model, await ConnectionsAsync(2), dv => dv.UseProvider(new DataVaultProvider(Provider.Dialect, spy)));

        await using var container = services.BuildServiceProvider();
        var factory = container.GetRequiredService<VaultLoaderFactory>();
        await factory.EnsureVaultAsync();
        var result = await factory.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain(model.Hub("customer_spy").TableName, 3);
        spy.Writers.Should().ContainSingle("one writer serves the batch").Which.Should().BeOfType(WriterType);
        spy.RowsWritten.Should().BeGreaterThanOrEqualTo(6, "the three rows were staged for the hub and for the satellite through the provider's writer");
        Inspect(spy.Writers[0]);
    }

    /// <summary>A hub with a satellite of several types, named after the test so that the tests of a class share its database.</summary>
    protected static DataVaultModel Model(string name) => new DataVaultModelBuilder()
        .Hub($"customer_{name}", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite($"customer_{name}_details", s => s.OnHub($"customer_{name}")
            .Attribute("name", DataType.String(50))
            .Attribute("visits", DataType.Int)
            .Attribute("balance", DataType.Decimal(10, 2))
            .Attribute("since", DataType.Date))
        .Build();

    protected static LoadBatch Batch() => new LoadBatch("provider-plugin", "test") { LoadDate = new DateTime(2026, 1, 1) }
        .AddObjects("rows",
        [
            new { CustomerId = "C1", Name = "Ann", Visits = 3, Balance = 12.50m, Since = new DateOnly(2020, 1, 31) },
            new { CustomerId = "C2", Name = "Zoë", Visits = 0, Balance = -1.25m, Since = new DateOnly(1999, 12, 31) },
            new { CustomerId = "C3", Name = "Bob", Visits = 7, Balance = 0m, Since = new DateOnly(2026, 1, 1) },
        ]);

    /// <summary>
    /// A connection factory for the container that hands out connections the fixture opened (each engine's own settings
    /// applied); the loader factory opens one per call and disposes it.
    /// </summary>
    private async Task<Func<IServiceProvider, DbConnection>> ConnectionsAsync(int count)
    {
        var connections = new Queue<DbConnection>();
        for (var i = 0; i < count; i++)
        {
            connections.Enqueue(await Fixture.OpenAsync());
        }

        return _ => connections.Dequeue();
    }

    /// <summary>The vault holds the three customers, with their attributes, on a new connection.</summary>
    private async Task ShouldHoldAsync(DataVaultModel model, string name)
    {
        var dialect = Fixture.Dialect;
        var satellite = model.Satellite($"customer_{name}_details");
        await using var connection = await Fixture.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {dialect.QuoteIdentifier("name")}, {dialect.QuoteIdentifier("visits")}, {dialect.QuoteIdentifier("balance")} " +
            $"FROM {dialect.QuoteIdentifier(satellite.TableName)} ORDER BY {dialect.QuoteIdentifier("name")}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetString(0)} {Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)} {Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture):0.00}"));
        }

        rows.Should().Equal("Ann 3 12.50", "Bob 7 0.00", "Zoë 0 -1.25");
    }

    /// <summary>Wraps the provider's factory: keeps every writer it creates and counts the rows written through them.</summary>
    private sealed class SpyFactory(IStagingWriterFactory inner) : IStagingWriterFactory
    {
        private int _rows;

        public List<IStagingWriter> Writers { get; } = [];

        public int RowsWritten => _rows;

        public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
        {
            var writer = inner.TryCreate(connection, transaction, dialect);
            if (writer is null)
            {
                return null;
            }

            lock (Writers)
            {
                Writers.Add(writer);
            }

            return new CountingWriter(writer, this);
        }

        private sealed class CountingWriter(IStagingWriter inner, SpyFactory owner) : IStagingWriter
        {
            public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
            {
                await inner.WriteAsync(table, rows, cancellationToken);
                Interlocked.Add(ref owner._rows, rows.Count);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}

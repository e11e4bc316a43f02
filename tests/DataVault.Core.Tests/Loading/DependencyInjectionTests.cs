using DataVault.Core.DependencyInjection;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DataVault.Core.Tests.Loading;

public class DependencyInjectionTests
{
    private static DataVaultModel Model() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)))
        .Build();

    [Fact]
    public async Task AddDataVault_registers_a_loader_factory_that_loads_through_the_container_logger()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dv-di-{Guid.NewGuid():N}.db");
        var logs = new List<(int EventId, string Message)>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new ListLoggerProvider(logs)));
        services.AddDataVault(Model(), SqlDialects.Sqlite, _ => new SqliteConnection($"Data Source={path};Pooling=False"),
            dv => dv.UseLoadOptions(LoadOptions.Default with { EndDating = true }));

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<VaultLoaderFactory>();
        provider.GetRequiredService<SqlDialect>().Should().BeSameAs(SqlDialects.Sqlite);
        factory.Options.EndDating.Should().BeTrue();

        await factory.EnsureVaultAsync();
        var result = await factory.LoadAsync(new LoadBatch("di", "test") { LoadDate = new DateTime(2026, 1, 1) }
            .AddObjects("rows", [new { CustomerId = "C1", Name = "Ann" }, new { CustomerId = "C2", Name = "Bob" }]));

        result.InsertedByTable.Should().Contain("hub_customer", 2).And.Contain("sat_customer_details", 2);
        logs.Select(l => l.EventId).Should().Contain([4001, 4002, 4003, 4004, 4005]);
        logs.Should().NotContain(l => l.Message.Contains("Ann"), "data values are not logged unless LogValues is on");
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Fact]
    public void Invalid_options_are_refused_when_added()
    {
        var services = new ServiceCollection();
        var add = () => services.AddDataVault(Model(), SqlDialects.Sqlite, _ => new SqliteConnection(), dv => dv.UseLoadOptions(LoadOptions.Default with { ChunkSize = 0 }));
        add.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ChunkSize*");
        var badTable = () => new LoadOptions { BatchLogTable = "etl batch log" }.Validate();
        badTable.Should().Throw<ArgumentException>();
    }

    private sealed class ListLoggerProvider(List<(int, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<(int, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (logs)
                {
                    logs.Add((eventId.Id, formatter(state, exception)));
                }
            }
        }
    }
}

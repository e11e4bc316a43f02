using DataVault.Core.DependencyInjection;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using DataVault.DuckDb;
using DataVault.IntegrationTests.Engines;
using DataVault.MariaDb;
using DataVault.PostgreSql;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DataVault.IntegrationTests.Staging;

/// <summary><c>UsePostgreSql()</c> and <see cref="PostgreSqlProvider"/> on PostgreSQL: binary COPY.</summary>
public sealed class PostgreSqlProviderPluginTests(PostgreSqlFixture fixture) : ProviderPluginScenarios<PostgreSqlFixture>(fixture)
{
    protected override DataVaultProvider Provider => PostgreSqlProvider.Default;

    protected override Type WriterType => typeof(NpgsqlCopyStagingWriter);

    protected override DataVaultBuilder Use(DataVaultBuilder builder) => builder.UsePostgreSql();
}

/// <summary><c>UseDuckDb()</c> and <see cref="DuckDbProvider"/> on DuckDB: the appender.</summary>
public sealed class DuckDbProviderPluginTests(DuckDbFixture fixture) : ProviderPluginScenarios<DuckDbFixture>(fixture)
{
    protected override DataVaultProvider Provider => DuckDbProvider.Default;

    protected override Type WriterType => typeof(DuckDbAppenderStagingWriter);

    protected override DataVaultBuilder Use(DataVaultBuilder builder) => builder.UseDuckDb();
}

/// <summary>
/// <c>UseMariaDb()</c> and <see cref="MariaDbProvider"/> on MariaDB: the fixture does not allow LOAD DATA LOCAL, so the
/// writer inserts; <c>UseMySql()</c> is the same registration.
/// </summary>
public sealed class MariaDbProviderPluginTests(MariaDbFixture fixture) : ProviderPluginScenarios<MariaDbFixture>(fixture)
{
    protected override DataVaultProvider Provider => MariaDbProvider.Default;

    protected override Type WriterType => typeof(MariaDbStagingWriter);

    protected override DataVaultBuilder Use(DataVaultBuilder builder) => builder.UseMariaDb();

    protected override void Inspect(IStagingWriter writer) =>
        writer.Should().BeOfType<MariaDbStagingWriter>().Which.Method.Should().Be(MariaDbStagingMethod.Insert);

    [Fact]
    public void UseMySql_is_the_same_registration_as_UseMariaDb()
    {
        var services = new ServiceCollection();
        services.AddDataVault(Model("alias"), _ => throw new InvalidOperationException("no connection is opened")).UseMySql().UseMariaDb();

        using var container = services.BuildServiceProvider();
        var factory = container.GetRequiredService<VaultLoaderFactory>();
        factory.Dialect.Should().BeSameAs(SqlDialects.MariaDb).And.BeSameAs(SqlDialects.MySql);
        factory.Options.StagingWriters.Should().ContainSingle().Which.Should().BeOfType<MariaDbStagingWriterFactory>()
            .Which.Options.Should().Be(MariaDbStagingOptions.Default);
    }

    [Fact]
    public async Task UseMariaDb_with_staging_options_loads_with_them()
    {
        var options = new MariaDbStagingOptions { Method = MariaDbStagingMethod.Insert, MaxRowsPerInsert = 2 };
        var model = Model("options");
        var services = new ServiceCollection();
        var connections = new Queue<System.Data.Common.DbConnection>([await Fixture.OpenAsync(), await Fixture.OpenAsync()]);
        services.AddDataVault(model, _ => connections.Dequeue(), dv => dv.UseMariaDb(options).UseMariaDb(options with { }));

        await using var container = services.BuildServiceProvider();
        var factory = container.GetRequiredService<VaultLoaderFactory>();
        factory.Options.StagingWriters.Should().ContainSingle().Which.Should().BeOfType<MariaDbStagingWriterFactory>()
            .Which.Options.Should().Be(options);
        await factory.EnsureVaultAsync();
        var result = await factory.LoadAsync(Batch());

        result.InsertedByTable.Should().Contain(model.Hub("customer_options").TableName, 3);
    }

    [Fact]
    public void UseMariaDb_with_other_staging_options_after_the_defaults_is_an_error()
    {
        var builder = new ServiceCollection().AddDataVault(Model("conflict"), _ => throw new InvalidOperationException("no connection is opened")).UseMariaDb();

        var other = () => builder.UseMariaDb(new MariaDbStagingOptions { Method = MariaDbStagingMethod.BulkCopy });
        var postgres = () => builder.UsePostgreSql();

        other.Should().Throw<InvalidOperationException>().WithMessage("*already uses the MariaDB provider with other settings*");
        postgres.Should().Throw<InvalidOperationException>().WithMessage("*already uses the MariaDB provider*cannot also use PostgreSQL*");
    }
}

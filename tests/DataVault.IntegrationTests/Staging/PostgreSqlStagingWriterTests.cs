using DataVault.Core.Loading;
using DataVault.IntegrationTests.Engines;
using DataVault.PostgreSql;

namespace DataVault.IntegrationTests.Staging;

/// <summary>Npgsql binary COPY on PostgreSQL.</summary>
public sealed class PostgreSqlStagingWriterTests(PostgreSqlFixture fixture) : StagingWriterScenarios<PostgreSqlFixture>(fixture)
{
    protected override IStagingWriterFactory Factory { get; } = new NpgsqlCopyStagingWriterFactory();
}

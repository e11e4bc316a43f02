using DataVault.Core.Loading;
using DataVault.DuckDb;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;
using DataVault.MariaDb;
using DataVault.PostgreSql;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: each step one transaction, the swap too.</summary>
public sealed class SqliteRehashTests(SqliteFixture fixture) : RehashScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL with binary COPY into the key maps and scratch tables.</summary>
public sealed class PostgreSqlRehashTests(PostgreSqlFixture fixture) : RehashScenarios<PostgreSqlFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new NpgsqlCopyStagingWriterFactory()];
}

/// <summary>MariaDB: DDL commits on its own, so the swap records its start and a rerun goes on from the copies.</summary>
public sealed class MariaDbRehashTests(MariaDbFixture fixture) : RehashScenarios<MariaDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new MariaDbStagingWriterFactory()];
}

/// <summary>DuckDB with the appender.</summary>
public sealed class DuckDbRehashTests(DuckDbFixture fixture) : RehashScenarios<DuckDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new DuckDbAppenderStagingWriterFactory()];
}

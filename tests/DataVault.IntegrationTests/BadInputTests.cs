using DataVault.Core.Loading;
using DataVault.DuckDb;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;
using DataVault.MariaDb;
using DataVault.PostgreSql;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: bad input rows with the core's CommandStagingWriter.</summary>
public sealed class SqliteBadInputTests(SqliteFixture fixture) : BadInputScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL with the Npgsql binary COPY staging writer.</summary>
public sealed class PostgreSqlBadInputTests(PostgreSqlFixture fixture) : BadInputScenarios<PostgreSqlFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new NpgsqlCopyStagingWriterFactory()];
}

/// <summary>MariaDB with the MySqlConnector staging writer.</summary>
public sealed class MariaDbBadInputTests(MariaDbFixture fixture) : BadInputScenarios<MariaDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new MariaDbStagingWriterFactory()];
}

/// <summary>DuckDB with the appender staging writer.</summary>
public sealed class DuckDbBadInputTests(DuckDbFixture fixture) : BadInputScenarios<DuckDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new DuckDbAppenderStagingWriterFactory()];
}

using DataVault.Core.Loading;
using DataVault.DuckDb;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;
using DataVault.MariaDb;
using DataVault.PostgreSql;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: the core's CommandStagingWriter is its fast path.</summary>
public sealed class SqliteLoaderTests(SqliteFixture fixture) : LoaderScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL with the Npgsql binary COPY staging writer (DataVault.PostgreSql).</summary>
public sealed class PostgreSqlLoaderTests(PostgreSqlFixture fixture) : LoaderScenarios<PostgreSqlFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new NpgsqlCopyStagingWriterFactory()];
}

/// <summary>PostgreSQL with the generic CommandStagingWriter, the fallback for any provider.</summary>
public sealed class PostgreSqlGenericLoaderTests(PostgreSqlFixture fixture) : LoaderScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB with the MySqlConnector staging writer (DataVault.MariaDb).</summary>
public sealed class MariaDbLoaderTests(MariaDbFixture fixture) : LoaderScenarios<MariaDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new MariaDbStagingWriterFactory()];
}

/// <summary>DuckDB with the appender staging writer (DataVault.DuckDb).</summary>
public sealed class DuckDbLoaderTests(DuckDbFixture fixture) : LoaderScenarios<DuckDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new DuckDbAppenderStagingWriterFactory()];
}

/// <summary>SQLite: one file, two connections; the engine serialises writers (BEGIN IMMEDIATE), lookups run after it.</summary>
public sealed class SqliteConcurrentLoadTests(SqliteFixture fixture) : ConcurrentLoadScenarios<SqliteFixture>(fixture);

public sealed class PostgreSqlConcurrentLoadTests(PostgreSqlFixture fixture) : ConcurrentLoadScenarios<PostgreSqlFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new NpgsqlCopyStagingWriterFactory()];
}

public sealed class MariaDbConcurrentLoadTests(MariaDbFixture fixture) : ConcurrentLoadScenarios<MariaDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new MariaDbStagingWriterFactory()];
}

/// <summary>Odd CSV input on SQLite (the core's staging path).</summary>
public sealed class SqliteSourceInputTests(SqliteFixture fixture) : SourceInputScenarios<SqliteFixture>(fixture);

/// <summary>Odd CSV input on PostgreSQL (binary COPY would be the provider path; the CSV source is the same).</summary>
public sealed class PostgreSqlSourceInputTests(PostgreSqlFixture fixture) : SourceInputScenarios<PostgreSqlFixture>(fixture);

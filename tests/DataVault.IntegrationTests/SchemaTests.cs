using DataVault.Core.Loading;
using DataVault.DuckDb;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;
using DataVault.MariaDb;
using DataVault.PostgreSql;

namespace DataVault.IntegrationTests;

/// <summary>PostgreSQL: schemas of the database, binary COPY into the rehash's tables.</summary>
public sealed class PostgreSqlSchemaTests(PostgreSqlFixture fixture) : SchemaScenarios<PostgreSqlFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new NpgsqlCopyStagingWriterFactory()];
}

/// <summary>MariaDB: a schema is a database; the test user may create those named <c>dv_it_…</c>.</summary>
public sealed class MariaDbSchemaTests(MariaDbFixture fixture) : SchemaScenarios<MariaDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new MariaDbStagingWriterFactory()];

    protected override string SchemaPrefix => Fixture.DatabaseName;

    protected override string DropSchema(string schema) => $"DROP DATABASE IF EXISTS {Fixture.Dialect.QuoteIdentifier(schema)}";
}

/// <summary>DuckDB: schemas of the database file, the appender into the rehash's tables.</summary>
public sealed class DuckDbSchemaTests(DuckDbFixture fixture) : SchemaScenarios<DuckDbFixture>(fixture)
{
    protected override IReadOnlyList<IStagingWriterFactory> Writers => [new DuckDbAppenderStagingWriterFactory()];
}

using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteReferenceTableTests(SqliteFixture fixture) : ReferenceTableScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlReferenceTableTests(PostgreSqlFixture fixture) : ReferenceTableScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbReferenceTableTests(MariaDbFixture fixture) : ReferenceTableScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbReferenceTableTests(DuckDbFixture fixture) : ReferenceTableScenarios<DuckDbFixture>(fixture);

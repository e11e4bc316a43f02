using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteNullHubKeyTests(SqliteFixture fixture) : NullHubKeyScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlNullHubKeyTests(PostgreSqlFixture fixture) : NullHubKeyScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbNullHubKeyTests(MariaDbFixture fixture) : NullHubKeyScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbNullHubKeyTests(DuckDbFixture fixture) : NullHubKeyScenarios<DuckDbFixture>(fixture);

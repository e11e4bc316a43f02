using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteNonHistorizedTests(SqliteFixture fixture) : NonHistorizedScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlNonHistorizedTests(PostgreSqlFixture fixture) : NonHistorizedScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbNonHistorizedTests(MariaDbFixture fixture) : NonHistorizedScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbNonHistorizedTests(DuckDbFixture fixture) : NonHistorizedScenarios<DuckDbFixture>(fixture);

using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteStatusTrackingTests(SqliteFixture fixture) : StatusTrackingScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlStatusTrackingTests(PostgreSqlFixture fixture) : StatusTrackingScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbStatusTrackingTests(MariaDbFixture fixture) : StatusTrackingScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbStatusTrackingTests(DuckDbFixture fixture) : StatusTrackingScenarios<DuckDbFixture>(fixture);

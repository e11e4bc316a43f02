using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteExtendedTrackingTests(SqliteFixture fixture) : ExtendedTrackingScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlExtendedTrackingTests(PostgreSqlFixture fixture) : ExtendedTrackingScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbExtendedTrackingTests(MariaDbFixture fixture) : ExtendedTrackingScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbExtendedTrackingTests(DuckDbFixture fixture) : ExtendedTrackingScenarios<DuckDbFixture>(fixture);

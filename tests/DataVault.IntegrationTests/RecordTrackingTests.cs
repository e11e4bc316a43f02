using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteRecordTrackingTests(SqliteFixture fixture) : RecordTrackingScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlRecordTrackingTests(PostgreSqlFixture fixture) : RecordTrackingScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbRecordTrackingTests(MariaDbFixture fixture) : RecordTrackingScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbRecordTrackingTests(DuckDbFixture fixture) : RecordTrackingScenarios<DuckDbFixture>(fixture);

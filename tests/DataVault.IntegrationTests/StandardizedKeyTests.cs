using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteStandardizedKeyTests(SqliteFixture fixture) : StandardizedKeyScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlStandardizedKeyTests(PostgreSqlFixture fixture) : StandardizedKeyScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbStandardizedKeyTests(MariaDbFixture fixture) : StandardizedKeyScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbStandardizedKeyTests(DuckDbFixture fixture) : StandardizedKeyScenarios<DuckDbFixture>(fixture);

using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteMultiActiveTests(SqliteFixture fixture) : MultiActiveScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlMultiActiveTests(PostgreSqlFixture fixture) : MultiActiveScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbMultiActiveTests(MariaDbFixture fixture) : MultiActiveScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbMultiActiveTests(DuckDbFixture fixture) : MultiActiveScenarios<DuckDbFixture>(fixture);

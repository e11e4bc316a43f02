using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteEffectiveFromTests(SqliteFixture fixture) : EffectiveFromScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlEffectiveFromTests(PostgreSqlFixture fixture) : EffectiveFromScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbEffectiveFromTests(MariaDbFixture fixture) : EffectiveFromScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbEffectiveFromTests(DuckDbFixture fixture) : EffectiveFromScenarios<DuckDbFixture>(fixture);

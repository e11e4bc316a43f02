using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteEffectivityChangeTests(SqliteFixture fixture) : EffectivityChangeScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlEffectivityChangeTests(PostgreSqlFixture fixture) : EffectivityChangeScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbEffectivityChangeTests(MariaDbFixture fixture) : EffectivityChangeScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbEffectivityChangeTests(DuckDbFixture fixture) : EffectivityChangeScenarios<DuckDbFixture>(fixture);

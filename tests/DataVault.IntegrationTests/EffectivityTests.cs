using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteEffectivityTests(SqliteFixture fixture) : EffectivityScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlEffectivityTests(PostgreSqlFixture fixture) : EffectivityScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbEffectivityTests(MariaDbFixture fixture) : EffectivityScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbEffectivityTests(DuckDbFixture fixture) : EffectivityScenarios<DuckDbFixture>(fixture);

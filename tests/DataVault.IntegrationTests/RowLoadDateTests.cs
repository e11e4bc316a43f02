using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteRowLoadDateTests(SqliteFixture fixture) : RowLoadDateScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlRowLoadDateTests(PostgreSqlFixture fixture) : RowLoadDateScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbRowLoadDateTests(MariaDbFixture fixture) : RowLoadDateScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbRowLoadDateTests(DuckDbFixture fixture) : RowLoadDateScenarios<DuckDbFixture>(fixture);

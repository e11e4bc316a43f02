using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: the catalog is pragma_table_info.</summary>
public sealed class SqliteDriftTests(SqliteFixture fixture) : DriftScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL: information_schema.columns of current_schema().</summary>
public sealed class PostgreSqlDriftTests(PostgreSqlFixture fixture) : DriftScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB: information_schema.columns of DATABASE().</summary>
public sealed class MariaDbDriftTests(MariaDbFixture fixture) : DriftScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB: information_schema.columns of current_schema().</summary>
public sealed class DuckDbDriftTests(DuckDbFixture fixture) : DriftScenarios<DuckDbFixture>(fixture);

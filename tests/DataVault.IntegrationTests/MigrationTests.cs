using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: DDL in one transaction; ALTER TABLE ADD and DROP COLUMN (3.35+) with the view dropped first.</summary>
public sealed class SqliteMigrationTests(SqliteFixture fixture) : MigrationScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL: DDL in one transaction under the merge lock.</summary>
public sealed class PostgreSqlMigrationTests(PostgreSqlFixture fixture) : MigrationScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB: each DDL statement commits on its own; a rerun plans what is left.</summary>
public sealed class MariaDbMigrationTests(MariaDbFixture fixture) : MigrationScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB: DDL in one transaction.</summary>
public sealed class DuckDbMigrationTests(DuckDbFixture fixture) : MigrationScenarios<DuckDbFixture>(fixture);

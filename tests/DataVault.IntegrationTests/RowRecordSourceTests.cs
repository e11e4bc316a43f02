using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite.</summary>
public sealed class SqliteRowRecordSourceTests(SqliteFixture fixture) : RowRecordSourceScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlRowRecordSourceTests(PostgreSqlFixture fixture) : RowRecordSourceScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB.</summary>
public sealed class MariaDbRowRecordSourceTests(MariaDbFixture fixture) : RowRecordSourceScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB.</summary>
public sealed class DuckDbRowRecordSourceTests(DuckDbFixture fixture) : RowRecordSourceScenarios<DuckDbFixture>(fixture);

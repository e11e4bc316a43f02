using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Loading;

namespace DataVault.IntegrationTests;

/// <summary>SQLite: Microsoft.Data.Sqlite runs every statement of a command text.</summary>
public sealed class SqliteScriptTests(SqliteFixture fixture) : ScriptScenarios<SqliteFixture>(fixture);

/// <summary>PostgreSQL: the script as one simple-protocol text.</summary>
public sealed class PostgreSqlScriptTests(PostgreSqlFixture fixture) : ScriptScenarios<PostgreSqlFixture>(fixture);

/// <summary>MariaDB: the script as one multi-statement text.</summary>
public sealed class MariaDbScriptTests(MariaDbFixture fixture) : ScriptScenarios<MariaDbFixture>(fixture);

/// <summary>DuckDB: the script as one multi-statement text.</summary>
public sealed class DuckDbScriptTests(DuckDbFixture fixture) : ScriptScenarios<DuckDbFixture>(fixture);

using DataVault.IntegrationTests.Engines;
using Xunit.Abstractions;

namespace DataVault.IntegrationTests.BusinessVault;

public sealed class SqlitePitTests(SqliteFixture fixture, ITestOutputHelper output) : PitScenarios<SqliteFixture>(fixture, output);

public sealed class PostgreSqlPitTests(PostgreSqlFixture fixture, ITestOutputHelper output) : PitScenarios<PostgreSqlFixture>(fixture, output);

public sealed class MariaDbPitTests(MariaDbFixture fixture, ITestOutputHelper output) : PitScenarios<MariaDbFixture>(fixture, output);

public sealed class MariaDbAnsiModesPitTests(MariaDbAnsiModesFixture fixture, ITestOutputHelper output) : PitScenarios<MariaDbAnsiModesFixture>(fixture, output);

public sealed class DuckDbPitTests(DuckDbFixture fixture, ITestOutputHelper output) : PitScenarios<DuckDbFixture>(fixture, output);

using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class PostgreSqlHashParityTests(PostgreSqlFixture fixture) : HashParityScenarios<PostgreSqlFixture>(fixture);

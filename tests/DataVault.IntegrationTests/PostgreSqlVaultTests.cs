using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class PostgreSqlVaultTests(PostgreSqlFixture fixture) : VaultScenarios<PostgreSqlFixture>(fixture);

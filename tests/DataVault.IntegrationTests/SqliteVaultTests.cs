using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class SqliteVaultTests(SqliteFixture fixture) : VaultScenarios<SqliteFixture>(fixture);

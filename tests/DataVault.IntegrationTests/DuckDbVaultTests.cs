using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class DuckDbVaultTests(DuckDbFixture fixture) : VaultScenarios<DuckDbFixture>(fixture);

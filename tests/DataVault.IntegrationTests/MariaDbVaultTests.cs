using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class MariaDbVaultTests(MariaDbFixture fixture) : VaultScenarios<MariaDbFixture>(fixture);

public sealed class MariaDbAnsiModesVaultTests(MariaDbAnsiModesFixture fixture) : VaultScenarios<MariaDbAnsiModesFixture>(fixture);

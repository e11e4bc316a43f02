using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class MariaDbHashParityTests(MariaDbFixture fixture) : HashParityScenarios<MariaDbFixture>(fixture);

public sealed class MariaDbAnsiModesHashParityTests(MariaDbAnsiModesFixture fixture) : HashParityScenarios<MariaDbAnsiModesFixture>(fixture);

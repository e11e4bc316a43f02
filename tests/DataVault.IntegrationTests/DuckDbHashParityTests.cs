using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class DuckDbHashParityTests(DuckDbFixture fixture) : HashParityScenarios<DuckDbFixture>(fixture);

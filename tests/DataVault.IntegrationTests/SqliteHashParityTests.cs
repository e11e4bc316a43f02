using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

/// <summary>
/// SQLite computes every vector's hash exactly, without a documented deviation: decimals wider than 15 digits are TEXT
/// there (<c>SqliteTypeMap</c>), so even a 29-digit decimal is stored, and hashed in SQL, with every digit — it used to
/// become a REAL of 15 significant digits under NUMERIC affinity.
/// </summary>
public sealed class SqliteHashParityTests(SqliteFixture fixture) : HashParityScenarios<SqliteFixture>(fixture);

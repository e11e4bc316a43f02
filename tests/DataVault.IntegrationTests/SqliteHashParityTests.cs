using DataVault.Core.Hashing;
using DataVault.Core.Tests.Vectors;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests;

public sealed class SqliteHashParityTests(SqliteFixture fixture) : HashParityScenarios<SqliteFixture>(fixture)
{
    /// <summary>
    /// SQLite stores DECIMAL columns with NUMERIC affinity: a value that does not fit an 8-byte integer becomes an
    /// 8-byte REAL, exact to 15 significant digits only (docs/dialects.md, SQLite).
    /// </summary>
    protected override string? KnownDeviation(string standardId, HashVectorCase vector, HashAlgorithmKind algorithm) =>
        vector.Parts.Any(p => p.Type == HashVectorPart.TypeDecimal && p.Value is { } v && Math.Abs(decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) > long.MaxValue)
            ? "SQLite NUMERIC affinity keeps decimals beyond the 64-bit integer range as REAL (15 significant digits)"
            : null;
}

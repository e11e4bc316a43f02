using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Hashing;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Sqlite;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// The retail sample's vault — five hubs, four links, every satellite, two batches loaded by the sample's <c>load</c>
/// command — rehashed from the default standard to the AutomateDV preset: no row lost or gained, no drift under the
/// target model, and every stored key and diff what SQLite itself computes under the target standard (the library's
/// in-database hashing, <see cref="SqlDialect.SelectHashes"/>), so the rehash is checked by another implementation.
/// </summary>
public sealed class RehashRetailVaultTests(RetailTestData data) : IClassFixture<RetailTestData>, IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"dv-retail-rehash-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_retail_vault_rehashed_to_AutomateDV_keeps_every_row_and_holds_the_keys_and_diffs_SQLite_computes()
    {
        for (var batch = 0; batch < 2; batch++)
        {
            var load = await Cli.RunAsync("load", "--from", data.Folders[batch], "--load-date", RetailTestData.LoadDates[batch], "--db", _db);
            load.Code.Should().Be(0, load.Output);
        }

        await using var connection = new SqliteConnection($"Data Source={_db};Pooling=False");
        await connection.OpenAsync();
        SqliteHashFunctions.Register(connection);
        var dialect = SqlDialects.Sqlite;
        var session = new VaultSession(connection, dialect);
        var options = global::Retail.Loading.RetailVault.OptionsFor(TimeProvider.System);
        var source = new VaultLoader(session, global::Retail.RetailModel.Model, options);
        var target = global::Retail.RetailModel.Create().UseHashingStandard(HashingStandards.AutomateDv).Build(dialect);
        var tables = target.Hubs.Select(h => h.TableName).Concat(target.Links.Select(l => l.TableName)).Concat(target.Satellites.Select(s => s.TableName)).ToList();
        var before = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            before[table] = await CountAsync(session, table);
        }

        var result = await source.RehashAsync(target);

        result.StepsRun.Should().HaveCount(result.Plan.Steps.Count);
        var after = new VaultLoader(session, target, options);
        (await after.DetectDriftAsync()).HasDrift.Should().BeFalse();
        foreach (var table in tables)
        {
            (await CountAsync(session, table)).Should().Be(before[table], $"{table} keeps every row");
        }

        foreach (var hub in target.Hubs)
        {
            await ShouldHoldWhatSqliteComputesAsync(session, hub.TableName, hub.HashKeyColumn, hub.HashingStandard, HashPurpose.Key, hub.BusinessKeys, $"{dialect.QuoteIdentifier(hub.BusinessKeys[0].Name)} IS NOT NULL");
        }

        foreach (var satellite in target.Satellites)
        {
            await ShouldHoldWhatSqliteComputesAsync(session, satellite.TableName, satellite.HashDiffColumn, satellite.HashingStandard, HashPurpose.Diff, satellite.HashDiffParts, null);
        }
    }

    /// <summary>Every row's stored hash equals the in-database hash of its columns, matched by rowid.</summary>
    private static async Task ShouldHoldWhatSqliteComputesAsync(VaultSession session, string table, string hashColumn, HashingStandard standard, HashPurpose purpose, IReadOnlyList<ColumnDefinition> columns, string? where)
    {
        var dialect = session.Dialect;
        var stored = (await session.QueryAsync(SqlStatement.Of($"SELECT rowid, {dialect.QuoteIdentifier(hashColumn)} FROM {dialect.QuoteIdentifier(table)}{(where is null ? string.Empty : " WHERE " + where)}"))).Rows
            .ToDictionary(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => Text(r[1]));
        var computed = (await session.QueryAsync(dialect.SelectHashes(table, "rowid", standard, purpose, columns))).Rows
            .ToDictionary(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => Text(r[1]));
        stored.Should().NotBeEmpty($"{table} has rows");
        foreach (var (row, hash) in stored)
        {
            computed[row].Should().Be(hash, $"{table} row {row}: the rehashed {hashColumn} is what SQLite computes under {standard.Id}");
        }
    }

    private static string Text(object? value) => value switch
    {
        byte[] bytes => Convert.ToHexStringLower(bytes),
        null or DBNull => "NULL",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static async Task<long> CountAsync(VaultSession session, string table) =>
        Convert.ToInt64(await session.ScalarAsync(SqlStatement.Of($"SELECT COUNT(*) FROM {session.Dialect.QuoteIdentifier(table)}")), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }
}

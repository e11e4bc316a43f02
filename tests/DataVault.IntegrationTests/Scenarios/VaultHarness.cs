using System.Data.Common;
using Dapper;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.IntegrationTests.Scenarios;

/// <summary>Drives one model on one engine: creates the vault, stages rows hashed by the C# engine, runs the load statements.</summary>
public sealed class VaultHarness(DbConnection connection, SqlDialect dialect, DataVaultModel model)
{
    public DbConnection Connection { get; } = connection;

    public SqlDialect Dialect { get; } = dialect;

    public DataVaultModel Model { get; } = model;

    public async Task ExecuteAsync(SqlStatement statement, DbTransaction? transaction = null) =>
        await Connection.ExecuteAsync(new CommandDefinition(statement.Text, Parameters(statement), transaction));

    public async Task ExecuteAsync(IEnumerable<SqlStatement> statements, DbTransaction? transaction = null)
    {
        foreach (var statement in statements)
        {
            await ExecuteAsync(statement, transaction);
        }
    }

    public Task CreateVaultAsync() => ExecuteAsync(Dialect.CreateVault(Model));

    public async Task<int> CountAsync(string table) =>
        await Connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {Dialect.QuoteIdentifier(table)}");

    public async Task StageAsync(TableDefinition target, StagingTable staging, IEnumerable<object?[]> rows)
    {
        var definition = Dialect.StagingTableFor(target, staging, Model.Naming.LoadEndDate);
        await ExecuteAsync(Dialect.CreateStaging(definition, staging));
        var columns = definition.Columns.Select(c => c.Name).ToArray();
        var insert = Dialect.InsertValues(staging.Name, columns);
        foreach (var row in rows)
        {
            await Db.ExecuteAsync(Connection, insert, row);
        }
    }

    /// <summary>Stages hub keys (hashed in C#) and loads the hub.</summary>
    public async Task LoadHubAsync(Hub hub, DateTime loadDate, string recordSource, params object?[][] keys)
    {
        var staging = StagingTable.For(hub.TableName);
        await StageAsync(Dialect.HubTable(hub, DdlOptions.Default), staging,
            keys.Select(k => (object?[])[ModelHashing.HashKey(hub, k), .. k, loadDate, recordSource]));
        await ExecuteAsync(Dialect.LoadHub(hub, staging));
    }

    /// <summary>Stages satellite rows of one parent key each (hashed in C#) and loads them, after their parent hub keys.</summary>
    public async Task LoadSatelliteAsync(Satellite satellite, string recordSource, params (object?[] ParentKey, DateTime LoadDate, object?[] Attributes)[] rows)
    {
        if (satellite.Parent is Hub parent)
        {
            await LoadHubAsync(parent, rows.Min(r => r.LoadDate), recordSource, [.. rows.Select(r => r.ParentKey)]);
        }

        var staging = StagingTable.For(satellite.TableName);
        await StageAsync(Dialect.SatelliteTable(satellite, DdlOptions.Default), staging,
            rows.Select(r => (object?[])[ModelHashing.HashKey(satellite.Parent, r.ParentKey), r.LoadDate, ModelHashing.HashDiff(satellite, r.Attributes), recordSource, .. r.Attributes]));
        await ExecuteAsync(Dialect.LoadSatellite(satellite, staging));
    }

    private static DynamicParameters Parameters(SqlStatement statement)
    {
        var parameters = new DynamicParameters();
        foreach (var p in statement.Parameters)
        {
            parameters.Add(p.Name, p.Value);
        }

        return parameters;
    }
}

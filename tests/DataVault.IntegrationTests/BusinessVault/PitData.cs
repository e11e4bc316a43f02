using System.Data.Common;
using System.Globalization;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests.BusinessVault;

/// <summary>The PIT test vault, its loads (values bound as the dialect stores them) and reading rows back portably.</summary>
public static class PitData
{
    /// <summary>A customer hub with two satellites and a PIT over both (its default: every satellite of the hub).</summary>
    public static DataVaultModel Model(IModelTarget target) => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer")
            .Attribute("name", DataType.String(100))
            .Attribute("segment", DataType.String(20)))
        .Satellite("customer_contact", s => s.OnHub("customer")
            .Attribute("email", DataType.String(100)))
        .PointInTime("customer", p => p.OnHub("customer"))
        .Build(target);

    /// <summary>
    /// Stages and loads satellite rows (and their hub keys, each with its earliest load date) through the library's
    /// load statements, every value converted by <see cref="SqlDialect.ToDbValue"/> as the loader does — on SQLite the
    /// load dates are then <c>yyyy-MM-dd HH:mm:ss.ffffff</c> text.
    /// </summary>
    public static async Task LoadAsync(VaultHarness harness, Satellite satellite, params (string Key, DateTime LoadDate, object?[] Attributes)[] rows)
    {
        var dialect = harness.Dialect;
        var hub = (Hub)satellite.Parent;
        var hubStaging = StagingTable.For(hub.TableName);
        await harness.StageAsync(dialect.HubTable(hub, DdlOptions.Default), hubStaging, rows.GroupBy(r => r.Key).Select(g =>
            (object?[])[ModelHashing.HashKey(hub, [g.Key]), g.Key, dialect.ToDbValue(g.Min(r => r.LoadDate), DataType.Timestamp), "crm"]));
        await harness.ExecuteAsync(dialect.LoadHub(hub, hubStaging));

        var staging = StagingTable.For(satellite.TableName);
        await harness.StageAsync(dialect.SatelliteTable(satellite, DdlOptions.Default), staging, rows.Select(r =>
            (object?[])[
                ModelHashing.HashKey(hub, [r.Key]),
                dialect.ToDbValue(r.LoadDate, DataType.Timestamp),
                ModelHashing.HashDiff(satellite, r.Attributes),
                "crm",
                .. r.Attributes.Select((value, i) => dialect.ToDbValue(value, satellite.Attributes[i].Type)),
            ]));
        await harness.ExecuteAsync(dialect.LoadSatellite(satellite, staging));
    }

    /// <summary>The hash key of a customer.</summary>
    public static string Key(DataVaultModel model, string customerId) => (string)ModelHashing.HashKey(model.Hub("customer"), [customerId])!;

    /// <summary>Runs a query with its parameters through plain ADO.NET and returns every row by column name.</summary>
    public static async Task<List<Dictionary<string, object?>>> QueryAsync(DbConnection connection, SqlStatement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = statement.Text;
        foreach (var value in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = value.Name;
            parameter.Value = value.Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The PIT's rows, as (hash key, snapshot date, load date per satellite), ordered.</summary>
    public static async Task<List<PitRow>> PitRowsAsync(VaultHarness harness, PointInTime pit)
    {
        var d = harness.Dialect;
        var sql = $"SELECT {d.QuoteIdentifier(pit.HashKeyColumn)}, {d.QuoteIdentifier(pit.SnapshotDateColumn)}, " +
                  $"{string.Join(", ", pit.Satellites.Select(s => d.QuoteIdentifier(s.LoadDateColumn)))} FROM {d.QuoteIdentifier(pit.TableName)}";
        var rows = await QueryAsync(harness.Connection, SqlStatement.Of(sql));
        return
        [
            .. rows.Select(r => new PitRow(
                    (string)r[pit.HashKeyColumn]!,
                    ToDate(r[pit.SnapshotDateColumn]!),
                    [.. pit.Satellites.Select(s => ToTimestamp(r[s.LoadDateColumn]))]))
                .OrderBy(r => r.Date).ThenBy(r => r.Key, StringComparer.Ordinal),
        ];
    }

    public static DateOnly ToDate(object value) => value switch
    {
        DateOnly date => date,
        DateTime timestamp => DateOnly.FromDateTime(timestamp),
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Not a date: {value} ({value.GetType()})"),
    };

    public static DateTime? ToTimestamp(object? value) => value switch
    {
        null => null,
        DateTime timestamp => timestamp,
        string text => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Not a timestamp: {value} ({value.GetType()})"),
    };
}

/// <summary>One PIT row: hash key, snapshot date and the load date of each satellite's version (NULL: none yet).</summary>
public sealed record PitRow(string Key, DateOnly Date, IReadOnlyList<DateTime?> LoadDates)
{
    public bool Equals(PitRow? other) => other is not null && Key == other.Key && Date == other.Date && LoadDates.SequenceEqual(other.LoadDates);

    public override int GetHashCode() => HashCode.Combine(Key, Date);

    public override string ToString() => $"{Key[..8]} {Date:yyyy-MM-dd} [{string.Join(", ", LoadDates.Select(d => d?.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) ?? "NULL"))}]";
}

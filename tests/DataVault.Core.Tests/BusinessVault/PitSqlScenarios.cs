using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Tests.BusinessVault;

/// <summary>
/// The business-vault SQL every dialect writes, scenario by scenario, for the golden files in
/// <c>Sql/Golden/&lt;dialect&gt;/business_vault/</c> (a folder of their own, so the vault conformance suite's stale-file
/// check does not see them).
/// </summary>
public static class PitSqlScenarios
{
    public const string PitTables = "pit_tables";
    public const string PitTablesBinaryKeys = "pit_tables_binary_keys";
    public const string DropVault = "drop_vault_with_pits";
    public const string BuildPit = "build_pit";
    public const string BuildPitBinaryKeys = "build_pit_binary_keys";
    public const string SatelliteAsOf = "satellite_as_of";
    public const string PitAsOf = "pit_as_of";

    public static readonly DateOnly From = new(2026, 11, 1);
    public static readonly DateOnly To = new(2026, 11, 7);

    public static IReadOnlyList<string> All { get; } = [PitTables, PitTablesBinaryKeys, DropVault, BuildPit, BuildPitBinaryKeys, SatelliteAsOf, PitAsOf];

    /// <summary>The dialects and their golden folders.</summary>
    public static IReadOnlyList<(string Folder, SqlDialect Dialect)> Dialects { get; } =
    [
        ("sqlite", SqlDialects.Sqlite), ("postgres", SqlDialects.PostgreSql), ("mariadb", SqlDialects.MariaDb), ("duckdb", SqlDialects.DuckDb), ("sqlserver", SqlDialects.SqlServer),
    ];

    /// <summary>The golden folder of a dialect's business-vault scenarios.</summary>
    public static string GoldenFolder(string dialectFolder) => dialectFolder + "/business_vault";

    /// <summary>
    /// The seed's customer PIT over its two satellites (both with a <c>city</c>, so the as-of query must tell them
    /// apart), a PIT over every satellite of the product hub, and a link between them.
    /// </summary>
    public static DataVaultModel Model(SqlDialect dialect, HashingStandard? standard = null) => new DataVaultModelBuilder()
        .UseHashingStandard(standard ?? HashingStandards.Default)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(50)))
        .Link("sale", l => l.Hub("customer").Hub("product"))
        .Satellite("customer_details", s => s.OnHub("customer")
            .Attribute("first_name", DataType.String(100))
            .Attribute("birth_date", DataType.Date)
            .Attribute("city", DataType.String(100)))
        .Satellite("customer_contact", s => s.OnHub("customer")
            .Attribute("email", DataType.String(255))
            .Attribute("city", DataType.String(100)))
        .Satellite("product_details", s => s.OnHub("product")
            .Attribute("product_name", DataType.String(255)))
        .PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_contact"))
        .PointInTime("product", p => p.OnHub("product"))
        .Build(dialect);

    public static IReadOnlyList<SqlStatement> Statements(SqlDialect dialect, string scenario)
    {
        var model = Model(dialect);
        var binary = Model(dialect, HashingStandards.AutomateDv);
        return scenario switch
        {
            PitTables => [.. model.PointInTimes.SelectMany(p => dialect.CreateTable(dialect.PitTable(p, DdlOptions.Default), DdlOptions.Default))],
            PitTablesBinaryKeys => dialect.CreateTable(dialect.PitTable(binary.PointInTime("customer"), DdlOptions.Default), DdlOptions.Default),
            DropVault => dialect.DropVault(model),
            BuildPit => dialect.BuildPit(model.PointInTime("customer"), From, To),
            BuildPitBinaryKeys => dialect.BuildPit(binary.PointInTime("product"), From, From),
            SatelliteAsOf => [dialect.SelectSatelliteAsOf(model.Satellite("customer_details"), new DateTime(2026, 11, 2, 0, 0, 0))],
            PitAsOf => [dialect.SelectPitAsOf(model.PointInTime("customer"), new DateOnly(2026, 11, 5))],
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
        };
    }

    /// <summary>The table and column names of the model and the names the writers add, each of which must appear only quoted.</summary>
    public static IReadOnlySet<string> IdentifierNames(SqlDialect dialect)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "dv_snapshots", "dv_snapshot_end", "customer_details_city", "customer_contact_city" };
        var model = Model(dialect);
        var tables = model.Hubs.Select(h => dialect.HubTable(h, DdlOptions.Default))
            .Concat(model.Links.Select(l => dialect.LinkTable(l, DdlOptions.Default)))
            .Concat(model.Satellites.Select(s => dialect.SatelliteTable(s, DdlOptions.Default)))
            .Concat(model.PointInTimes.Select(p => dialect.PitTable(p, DdlOptions.Default)));
        foreach (var table in tables)
        {
            names.Add(table.Name);
            names.UnionWith(table.Columns.Select(c => c.Name));
            names.UnionWith(table.Indexes.Select(i => i.Name));
        }

        names.UnionWith(model.Satellites.Select(dialect.SatelliteViewName));
        return names;
    }
}

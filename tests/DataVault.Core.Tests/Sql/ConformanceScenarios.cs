using System.Globalization;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// The SQL every dialect must write, scenario by scenario: the statements of each scenario, and the names of the
/// tables and columns they mention (which must appear quoted). Shared by the golden-file conformance tests and the
/// T-SQL parse test.
/// </summary>
public static class ConformanceScenarios
{
    public const string CreateVault = "create_vault";
    public const string CreateVaultBinaryKeys = "create_vault_binary_keys";
    public const string StagingTables = "staging_tables";
    public const string LoadHub = "load_hub";
    public const string LoadLink = "load_link";
    public const string LoadSatellite = "load_satellite";
    public const string SatelliteConflicts = "satellite_conflicts";
    public const string EndDating = "end_dating";
    public const string SatelliteView = "satellite_view";
    public const string GhostRecord = "ghost_record";
    public const string DropVault = "drop_vault";
    public const string KeyHash = "key_hash";
    public const string DiffHash = "diff_hash";
    public const string AutomateDvBinaryKey = "automatedv_binary_key";
    public const string DataVault4DbtKey = "datavault4dbt_key";
    public const string ListColumns = "list_columns";
    public const string Rehash = "rehash";
    public const string CreateVaultInSchemas = "create_vault_schemas";
    public const string ListIndexes = "list_indexes";
    public const string ListForeignKeys = "list_foreign_keys";
    public const string LoadNonHistorizedSatellite = "load_satellite_nonhistorized";
    public const string LoadMultiActiveSatellite = "load_satellite_multiactive";
    public const string LoadStatusTrackingSatellite = "load_satellite_status_tracking";
    public const string LoadEffectivitySatellite = "load_satellite_effectivity";
    public const string LoadRecordTrackingSatellite = "load_satellite_record_tracking";
    public const string ReferenceTable = "reference_table";
    public const string ExtendedTracking = "extended_tracking";
    public const string LoadEffectivityChanges = "load_satellite_effectivity_changes";

    /// <summary>The table the hash scenarios read from.</summary>
    public const string HashInputTable = "stg_hash_input";

    /// <summary>Every scenario, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CreateVault, CreateVaultBinaryKeys, StagingTables, LoadHub, LoadLink, LoadSatellite, SatelliteConflicts, EndDating,
        SatelliteView, GhostRecord, DropVault, KeyHash, DiffHash, AutomateDvBinaryKey, DataVault4DbtKey, ListColumns, Rehash, CreateVaultInSchemas, ListIndexes, ListForeignKeys, LoadNonHistorizedSatellite,
        LoadMultiActiveSatellite, LoadStatusTrackingSatellite, LoadEffectivitySatellite, LoadRecordTrackingSatellite, ReferenceTable, ExtendedTracking, LoadEffectivityChanges,
    ];

    /// <summary>The conformance model with its layers in schemas and a PIT over the customer hub (engines with schemas only).</summary>
    public static DataVaultModel SchemaModel(SqlDialect dialect) => Builder(null)
        .UseSchemas("raw_vault", "business_vault")
        .PointInTime("customer", p => p.OnHub("customer"))
        .Build(dialect);

    /// <summary>A column of every portable type, for the key hash: the canonical text of each type is exercised.</summary>
    public static IReadOnlyList<ColumnDefinition> EveryTypeColumns { get; } =
    [
        new("customer_id", DataType.String(20)),
        new("note_text", DataType.Text),
        new("small_number", DataType.Int),
        new("big_number", DataType.BigInt),
        new("price", DataType.Decimal(12, 2)),
        new("birth_date", DataType.Date),
        new("start_time", DataType.Time),
        new("changed_at", DataType.Timestamp),
        new("is_active", DataType.Boolean),
        new("external_ref", DataType.Guid),
        new("payload", DataType.Binary(16)),
    ];

    /// <summary>The attributes of the diff scenario.</summary>
    public static IReadOnlyList<ColumnDefinition> DiffColumns { get; } =
    [
        new("name", DataType.String(100)),
        new("birth_date", DataType.Date),
        new("credit_limit", DataType.Decimal(10, 2)),
    ];

    /// <summary>Two string business keys, for the preset standards.</summary>
    public static IReadOnlyList<ColumnDefinition> TwoKeyColumns { get; } =
    [
        new("customer_id", DataType.String(20)),
        new("country_code", DataType.String(2)),
    ];

    /// <summary>Names the generated SQL uses as column aliases; they must be quoted like any identifier.</summary>
    public static IReadOnlyList<string> SystemNames { get; } =
        ["dv_row", "dv_version", "dv_previous_diff", "dv_next", "staged_diff", "stored_diff", "is_current", "dv_hash", .. Enumerable.Range(0, 12).Select(i => "dv_p" + i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>
    /// The conformance model: two hubs, a link over both with the customer hub a second time in the role
    /// <c>referred_by</c> and a dependent child key, a satellite on a hub and one on the link. Built for
    /// <paramref name="dialect"/>, so its identifier limit is checked.
    /// </summary>
    public static DataVaultModel Model(SqlDialect dialect, HashingStandard? standard = null) => Builder(standard).Build(dialect);

    /// <summary>The conformance model whose link satellite <c>sale_metrics</c> is non-historised: one immutable row per sale.</summary>
    public static DataVaultModel NonHistorizedModel(SqlDialect dialect) => Builder(null, nonHistorizedSales: true).Build(dialect);

    /// <summary>
    /// The conformance model with a multi-active satellite of customers' phones (told apart by <c>phone_type</c>) and a
    /// PIT over the customer hub, which covers it.
    /// </summary>
    public static DataVaultModel MultiActiveModel(SqlDialect dialect) => Builder(null)
        .Satellite("customer_phones", s => s.OnHub("customer").MultiActiveKey("phone_type", DataType.String(10)).Attribute("phone_number", DataType.String(30)))
        .PointInTime("customer", p => p.OnHub("customer"))
        .Build(dialect);

    /// <summary>The conformance model with a status-tracking satellite on the product hub (delete detection from full extracts).</summary>
    public static DataVaultModel StatusTrackingModel(SqlDialect dialect) => Builder(null)
        .Satellite("product_status", s => s.OnHub("product").StatusTracking())
        .Build(dialect);

    /// <summary>The conformance model with a record-tracking satellite on the customer hub (the loads at which each customer appeared).</summary>
    public static DataVaultModel RecordTrackingModel(SqlDialect dialect) => Builder(null)
        .Satellite("customer_seen", s => s.OnHub("customer").RecordTracking())
        .Build(dialect);

    /// <summary>The conformance model with an extended tracking satellite on the customer hub (tracking its details).</summary>
    public static DataVaultModel ExtendedTrackingModel(SqlDialect dialect) => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)).ExtendedTracking())
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(100)))
        .Build(dialect);

    /// <summary>The conformance model with a reference hub of currencies (the code is the key) and its satellite.</summary>
    public static DataVaultModel ReferenceModel(SqlDialect dialect) => Builder(null)
        .ReferenceHub("currency", r => r.BusinessKey("currency_code", DataType.String(3)))
        .Satellite("currency_details", s => s.OnHub("currency").Attribute("name", DataType.String(50)).Attribute("decimals", DataType.Int))
        .Build(dialect);

    /// <summary>The conformance model with an effectivity satellite on the sale link, driven by the product.</summary>
    public static DataVaultModel EffectivityModel(SqlDialect dialect) => Builder(null)
        .Satellite("sale_effectivity", s => s.OnLink("sale").Effectivity(drivingKey: "product"))
        .Build(dialect);

    private static DataVaultModelBuilder Builder(HashingStandard? standard, bool nonHistorizedSales = false) => new DataVaultModelBuilder()
        .UseHashingStandard(standard ?? HashingStandards.Default)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_code", DataType.String(30)).BusinessKey("product_variant", DataType.Int))
        .Link("sale", l => l.Hub("customer").Hub("product").Hub("customer", role: "referred_by").DependentChildKey("line_no", DataType.Int))
        .Satellite("customer_details", s => s.OnHub("customer")
            .Attribute("name", DataType.String(100))
            .Attribute("birth_date", DataType.Date)
            .Attribute("credit_limit", DataType.Decimal(10, 2)))
        .Satellite("sale_metrics", s => s.OnLink("sale")
            .Attribute("quantity", DataType.Int)
            .Attribute("amount", DataType.Decimal(12, 2))
            .Attribute("sold_at", DataType.Timestamp)
            .NonHistorizedEvents(nonHistorizedSales));

    /// <summary>The statements of <paramref name="scenario"/> written by <paramref name="dialect"/>.</summary>
    public static IReadOnlyList<SqlStatement> Statements(SqlDialect dialect, string scenario)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var model = Model(dialect);
        var customerDetails = model.Satellite("customer_details");
        var stagingOf = (string table) => StagingTable.For(table);
        return scenario switch
        {
            CreateVault => dialect.CreateVault(model),
            CreateVaultBinaryKeys => dialect.CreateVault(Model(dialect, HashingStandards.AutomateDv)),
            StagingTables =>
            [
                .. dialect.CreateStaging(dialect.StagingTableFor(dialect.HubTable(model.Hub("customer"), DdlOptions.Default), stagingOf("hub_customer"), model.Naming.LoadEndDate), stagingOf("hub_customer")),
                .. dialect.CreateStaging(dialect.StagingTableFor(dialect.LinkTable(model.Link("sale"), DdlOptions.Default), stagingOf("link_sale"), model.Naming.LoadEndDate), stagingOf("link_sale")),
                .. dialect.CreateStaging(dialect.StagingTableFor(dialect.SatelliteTable(customerDetails, DdlOptions.Default), stagingOf(customerDetails.TableName), model.Naming.LoadEndDate), stagingOf(customerDetails.TableName)),
            ],
            LoadHub => [dialect.LoadHub(model.Hub("customer"), stagingOf("hub_customer")), dialect.LoadHub(model.Hub("product"), stagingOf("hub_product"))],
            LoadLink => [dialect.LoadLink(model.Link("sale"), stagingOf("link_sale"))],
            LoadSatellite => [dialect.LoadSatellite(customerDetails, stagingOf(customerDetails.TableName)), dialect.LoadSatellite(model.Satellite("sale_metrics"), stagingOf("sat_sale_metrics"))],
            SatelliteConflicts => [dialect.SelectSatelliteConflicts(customerDetails, stagingOf(customerDetails.TableName))],
            EndDating => [dialect.EndDateSatellite(customerDetails, stagingOf(customerDetails.TableName))],
            SatelliteView => [dialect.CreateSatelliteView(model.Satellite("sale_metrics"))],
            GhostRecord => [dialect.InsertGhostRecord(model.Hub("customer")), dialect.InsertGhostRecord(Model(dialect, HashingStandards.AutomateDv).Hub("customer"))],
            DropVault => dialect.DropVault(model),
            KeyHash => [dialect.SelectHashes(HashInputTable, "id", HashingStandards.Default, HashPurpose.Key, EveryTypeColumns)],
            DiffHash => [dialect.SelectHashes(HashInputTable, "id", HashingStandards.Default, HashPurpose.Diff, DiffColumns)],
            AutomateDvBinaryKey => [dialect.SelectHashes(HashInputTable, "id", HashingStandards.AutomateDv, HashPurpose.Key, TwoKeyColumns)],
            ListColumns => [dialect.ListColumns("sat_customer_details")],
            Rehash => RehashStatements(dialect, model),
            CreateVaultInSchemas => SchemaStatements(dialect),
            ListForeignKeys => dialect.SupportsSchemas ? [dialect.ListForeignKeys("link_sale"), dialect.ListForeignKeys("link_sale", "raw_vault")] : [dialect.ListForeignKeys("link_sale")],
            LoadNonHistorizedSatellite => NonHistorizedModel(dialect).Satellite("sale_metrics") is var events
                ? [dialect.LoadSatellite(events, stagingOf("sat_sale_metrics")), dialect.SelectNonHistorizedConflicts(events, stagingOf("sat_sale_metrics"), "dv_source_row"), .. dialect.CreateTable(dialect.SatelliteTable(events, DdlOptions.Default), DdlOptions.Default)]
                : [],
            LoadMultiActiveSatellite => MultiActiveStatements(dialect),
            LoadEffectivitySatellite => EffectivityModel(dialect).Satellite("sale_effectivity") is var effectivity
                ?
                [
                    .. dialect.CreateTable(dialect.SatelliteTable(effectivity, DdlOptions.Default), DdlOptions.Default),
                    dialect.SelectDrivingKeyConflicts(effectivity, stagingOf(effectivity.TableName), "dv_source_row"),
                    dialect.LoadStatusTrackingSatellite(effectivity, stagingOf(effectivity.TableName), new DateTime(2026, 11, 2, 8, 0, 0), "marketing"),
                ]
                : [],
            LoadStatusTrackingSatellite => StatusTrackingModel(dialect).Satellite("product_status") is var status
                ?
                [
                    .. dialect.CreateTable(dialect.SatelliteTable(status, DdlOptions.Default), DdlOptions.Default),
                    dialect.SelectLateStatusTrackingRows(status, stagingOf(status.TableName), new DateTime(2026, 11, 2, 8, 0, 0), "erp"),
                    dialect.SelectStatusTrackingConflicts(status, stagingOf(status.TableName), new DateTime(2026, 11, 2, 8, 0, 0), "erp"),
                    dialect.LoadStatusTrackingSatellite(status, stagingOf(status.TableName), new DateTime(2026, 11, 2, 8, 0, 0), "erp"),
                    dialect.EndDateKeysLoadedAt(status, new DateTime(2026, 11, 2, 8, 0, 0)),
                ]
                : [],
            LoadEffectivityChanges => EffectivityModel(dialect).Satellite("sale_effectivity") is var changed
                ?
                [
                    dialect.SelectEffectivityChangeConflicts(changed, stagingOf(changed.TableName), "dv_source_row"),
                    dialect.SelectLateEffectivityChanges(changed, stagingOf(changed.TableName)),
                    dialect.LoadEffectivityChanges(changed, stagingOf(changed.TableName)),
                    dialect.EndDateKeysLoadedAtStagedDates(changed, stagingOf(changed.TableName)),
                ]
                : [],
            ExtendedTracking => ExtendedTrackingModel(dialect) is var tracked && tracked.Hub("customer").ExtendedTracking is { } xts
                ?
                [
                    .. dialect.CreateTable(dialect.ExtendedTrackingTable(xts, DdlOptions.Default), DdlOptions.Default),
                    dialect.TrackSatelliteVersions(xts, tracked.Satellite("customer_details"), stagingOf("sat_customer_details"), "dv_source_row"),
                    dialect.SelectLateTrackedRows(xts, tracked.Satellite("customer_details"), stagingOf("sat_customer_details")),
                    dialect.RestoreInterruptedVersions(xts, tracked.Satellite("customer_details"), stagingOf("sat_customer_details")),
                ]
                : [],
            ReferenceTable => ReferenceModel(dialect) is var reference && reference.Satellite("currency_details") is var currency
                ?
                [
                    .. dialect.CreateTable(dialect.HubTable(reference.Hub("currency"), DdlOptions.Default), DdlOptions.Default),
                    .. dialect.CreateTable(dialect.SatelliteTable(currency, DdlOptions.Default), DdlOptions.Default),
                    dialect.CreateSatelliteView(currency),
                    dialect.CreateCurrentView(currency),
                    dialect.LoadHub(reference.Hub("currency"), stagingOf("ref_currency")),
                    dialect.LoadSatellite(currency, stagingOf(currency.TableName)),
                ]
                : [],
            LoadRecordTrackingSatellite => RecordTrackingModel(dialect).Satellite("customer_seen") is var seen
                ?
                [
                    .. dialect.CreateTable(dialect.SatelliteTable(seen, DdlOptions.Default), DdlOptions.Default),
                    dialect.LoadRecordTrackingSatellite(seen, stagingOf(seen.TableName), "dv_source_row"),
                    dialect.EndDateSatellite(seen, stagingOf(seen.TableName)),
                ]
                : [],
            ListIndexes => dialect.SupportsSchemas ? [dialect.ListIndexes("hub_customer"), dialect.ListIndexes("hub_customer", "raw_vault")] : [dialect.ListIndexes("hub_customer")],
            DataVault4DbtKey => [dialect.SelectHashes(HashInputTable, "id", HashingStandards.DataVault4Dbt, HashPurpose.Key, TwoKeyColumns)],
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
        };
    }

    /// <summary>
    /// The statements of a rehash to binary keys: the first and a later page of a hub, a link (with its hubs' business
    /// keys) and a satellite (keyset on key and load date), the merged-keys check, the set-based copy of the link
    /// through three key maps and the swap's fill from a scratch table.
    /// </summary>
    private static IReadOnlyList<SqlStatement> RehashStatements(SqlDialect dialect, DataVaultModel model)
    {
        var target = Model(dialect, HashingStandards.AutomateDv);
        var sql = new Core.Rehashing.RehashSql(dialect, new Core.Rehashing.RehashNames(dialect, model));
        var lastKey = new string('a', 32);
        var customerDetails = target.Satellite("customer_details");
        var link = target.Link("sale");
        var linkTable = dialect.LinkTable(link, DdlOptions.Default);
        return
        [
            sql.HubPage(model.Hub("customer"), null, 10000),
            sql.HubPage(model.Hub("product"), lastKey, 10000),
            sql.LinkPage(model.Link("sale"), lastKey, 10000),
            sql.SatellitePage(model.Satellite("customer_details"), dialect.SatelliteTable(customerDetails, DdlOptions.Default), lastKey, [new DateTime(2026, 11, 1, 8, 0, 0)], 10000),
            sql.MergedKeys("dv_keymap_hub_customer"),
            sql.Copy("link_sale", linkTable, [(link.HashKeyColumn, link.TableName), .. link.Hubs.Select(r => (r.HashKeyColumn, r.Hub.TableName))]),
            sql.FillFromScratch(linkTable),
        ];
    }

    /// <summary>
    /// A multi-active satellite: its table (the multi-active key in the primary key) and history view, its load, the
    /// checks before it (stored, late and staged conflicts, all per set), end dating by set, and a PIT build over it.
    /// </summary>
    private static IReadOnlyList<SqlStatement> MultiActiveStatements(SqlDialect dialect)
    {
        var model = MultiActiveModel(dialect);
        var phones = model.Satellite("customer_phones");
        var staging = StagingTable.For(phones.TableName);
        return
        [
            .. dialect.CreateTable(dialect.SatelliteTable(phones, DdlOptions.Default), DdlOptions.Default),
            dialect.CreateSatelliteView(phones),
            dialect.LoadSatellite(phones, staging),
            dialect.SelectSatelliteConflicts(phones, staging),
            dialect.SelectLateSatelliteRows(phones, staging),
            dialect.SelectStagedConflicts(phones, staging, "dv_source_row"),
            dialect.EndDateSatellite(phones, staging),
            .. dialect.BuildPit(model.PointInTime("customer"), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3)),
        ];
    }

    /// <summary>
    /// A vault in schemas: the schemas created, every table, view, index and foreign key qualified, a load and a PIT
    /// build addressing the qualified tables, the catalog read in the schema, the vault dropped.
    /// </summary>
    private static IReadOnlyList<SqlStatement> SchemaStatements(SqlDialect dialect)
    {
        var model = SchemaModel(dialect);
        return
        [
            .. dialect.CreateVault(model),
            dialect.LoadHub(model.Hub("customer"), StagingTable.For("hub_customer")),
            dialect.LoadSatellite(model.Satellite("customer_details"), StagingTable.For("sat_customer_details")),
            .. dialect.BuildPit(model.PointInTime("customer"), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3)),
            dialect.ListColumns("hub_customer", "raw_vault"),
            .. dialect.DropVault(model),
        ];
    }

    /// <summary>The table, view and column names of the model and the hash scenarios, each of which must appear only quoted.</summary>
    public static IReadOnlySet<string> IdentifierNames(SqlDialect dialect)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var standard in new[] { HashingStandards.Default, HashingStandards.AutomateDv })
        {
            var model = Model(dialect, standard);
            var tables = model.Hubs.Select(h => dialect.HubTable(h, DdlOptions.Default))
                .Concat(model.Links.Select(l => dialect.LinkTable(l, DdlOptions.Default)))
                .Concat(model.Satellites.Select(s => dialect.SatelliteTable(s, DdlOptions.Default)));
            foreach (var table in tables)
            {
                names.Add(table.Name);
                names.Add(StagingTable.For(table.Name).Name);
                names.UnionWith(table.Columns.Select(c => c.Name));
            }

            names.UnionWith(model.Satellites.Select(dialect.SatelliteViewName));
        }

        var effectivityTable = dialect.SatelliteTable(EffectivityModel(dialect).Satellite("sale_effectivity"), DdlOptions.Default);
        names.UnionWith([effectivityTable.Name, StagingTable.For(effectivityTable.Name).Name, .. effectivityTable.Columns.Select(c => c.Name)]);
        var status = dialect.SatelliteTable(StatusTrackingModel(dialect).Satellite("product_status"), DdlOptions.Default);
        names.UnionWith([status.Name, StagingTable.For(status.Name).Name, .. status.Columns.Select(c => c.Name)]);
        var xtsTable = dialect.ExtendedTrackingTable(ExtendedTrackingModel(dialect).ExtendedTrackings[0], DdlOptions.Default);
        names.UnionWith([xtsTable.Name, .. xtsTable.Columns.Select(c => c.Name)]);
        var referenceModel = ReferenceModel(dialect);
        var referenceHub = dialect.HubTable(referenceModel.Hub("currency"), DdlOptions.Default);
        var referenceSatellite = dialect.SatelliteTable(referenceModel.Satellite("currency_details"), DdlOptions.Default);
        names.UnionWith([referenceHub.Name, StagingTable.For(referenceHub.Name).Name, .. referenceHub.Columns.Select(c => c.Name), referenceSatellite.Name, StagingTable.For(referenceSatellite.Name).Name, .. referenceSatellite.Columns.Select(c => c.Name),
            dialect.SatelliteViewName(referenceModel.Satellite("currency_details")), dialect.CurrentViewName(referenceModel.Satellite("currency_details"))]);
        var seen = dialect.SatelliteTable(RecordTrackingModel(dialect).Satellite("customer_seen"), DdlOptions.Default);
        names.UnionWith([seen.Name, StagingTable.For(seen.Name).Name, .. seen.Columns.Select(c => c.Name)]);
        var phones = dialect.SatelliteTable(MultiActiveModel(dialect).Satellite("customer_phones"), DdlOptions.Default);
        names.UnionWith([phones.Name, StagingTable.For(phones.Name).Name, dialect.SatelliteViewName(MultiActiveModel(dialect).Satellite("customer_phones")), .. phones.Columns.Select(c => c.Name)]);
        if (dialect.SupportsSchemas)
        {
            var pit = dialect.PitTable(SchemaModel(dialect).PointInTime("customer"), DdlOptions.Default);
            names.UnionWith(["raw_vault", "business_vault", pit.Name, .. pit.Columns.Select(c => c.Name)]);
        }

        names.UnionWith(["dv_keymap_hub_customer", "dv_keymap_hub_product", "dv_keymap_link_sale", "dv_rehash_link_sale", Core.Rehashing.RehashSql.OldKey, Core.Rehashing.RehashSql.NewKey]);
        names.Add(HashInputTable);
        names.Add("id");
        names.UnionWith(EveryTypeColumns.Concat(DiffColumns).Concat(TwoKeyColumns).Select(c => c.Name));
        names.UnionWith(SystemNames);
        return names;
    }

    /// <summary>The text of a scenario's golden file: each statement ended by <c>;</c>, its parameters as comments, LF line endings.</summary>
    public static string Render(SqlDialect dialect, IReadOnlyList<SqlStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(statements);
        var text = new StringBuilder();
        text.Append("-- ").Append(dialect.Name).Append(", generated by DataVault.Core; regenerate with DV_UPDATE_GOLDEN=1").Append('\n');
        foreach (var statement in statements)
        {
            text.Append('\n');
            foreach (var parameter in statement.Parameters)
            {
                text.Append("-- ").Append(dialect.ParameterPlaceholder(parameter.Name)).Append(" = ").Append(Describe(parameter.Value)).Append('\n');
            }

            text.Append(Normalize(statement.Text)).Append(";\n");
        }

        return text.ToString();
    }

    /// <summary>LF line endings.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Describe(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "' (string)",
        byte[] bytes => "0x" + Convert.ToHexString(bytes) + " (bytes)",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + " (DateTime)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
        _ => value.ToString() + " (" + value.GetType().Name + ")",
    };
}

using System.Data.Common;
using System.Globalization;
using Dapper;
using DataVault.Core.BusinessVault;
using DataVault.Core.Drift;
using DataVault.Core.Execution;
using DataVault.Core.Hashing;
using DataVault.Core.Loading;
using DataVault.Core.Migrations;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// A vault in database schemas — the raw vault in one, the business vault (PITs) in another, the loader's tables in a
/// third: created, loaded, built, compared with the catalog, migrated and rehashed there, while tables of the same
/// names in the connection's default schema are neither read nor changed.
/// </summary>
public abstract class SchemaScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private static readonly DateTime Day2 = new(2026, 11, 2, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    /// <summary>Staging writer factories to use (the provider fast path in engine subclasses that have one).</summary>
    protected virtual IReadOnlyList<IStagingWriterFactory> Writers => [];

    /// <summary>What the test's schema names start with (MariaDB: the names the test user may create databases under).</summary>
    protected virtual string SchemaPrefix => "dvs";

    /// <summary>Drops a schema and everything in it.</summary>
    protected virtual string DropSchema(string schema) => $"DROP SCHEMA IF EXISTS {Fixture.Dialect.QuoteIdentifier(schema)} CASCADE";

    private string Raw => SchemaPrefix + "_raw";

    private string Business => SchemaPrefix + "_bv";

    private string Meta => SchemaPrefix + "_meta";

    private SqlDialect Dialect => Fixture.Dialect;

    private DataVaultModel Model(string? attribute = null, HashingStandard? standard = null) =>
        TestModels.Retail(Dialect, standard, extraCustomerAttribute: attribute, customerPit: true, schemas: (Raw, Business));

    private VaultLoader Loader(DbConnection connection, DataVaultModel model) =>
        new(connection, Dialect, model, LoadOptions.Default with { LoaderSchema = Meta, StagingWriters = Writers });

    private static LoadBatch Batch(string name, DateTime loadDate, params LoaderScenarios<TFixture>.CustomerRow[] customers) =>
        new LoadBatch(name, "test") { LoadDate = loadDate }.AddObjects("customers", customers);

    /// <summary>A fresh start: the test's schemas dropped, and a decoy <c>hub_customer</c> with another shape in the default schema.</summary>
    private async Task<DbConnection> FreshAsync()
    {
        var connection = await Fixture.OpenAsync();
        foreach (var schema in new[] { Business, Raw, Meta }) // the PIT's foreign key refers to the raw vault
        {
            await connection.ExecuteAsync(DropSchema(schema));
        }

        await new VaultSession(connection, Dialect).ExecuteAllAsync(new[] { Dialect.DropTable("hub_customer"), Dialect.DropTable("etl_batch_log") }
            .Concat(Dialect.CreateTable(TableDefinition.Plain("hub_customer", [new("decoy", Dialect.Types.For(DataType.Int), false)]), DdlOptions.Default)));
        return connection;
    }

    private async Task<long> CountAsync(DbConnection connection, string? schema, string table, string? where = null) =>
        Convert.ToInt64(await connection.ExecuteScalarAsync($"SELECT COUNT(*) FROM {Dialect.QuoteTable(schema, table)}{(where is null ? string.Empty : " WHERE " + where)}"), CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_vault_in_schemas_is_created_loaded_and_built_there_and_the_default_schema_is_untouched()
    {
        await using var connection = await FreshAsync();
        var loader = Loader(connection, Model());

        await loader.EnsureVaultAsync();
        await loader.LoadAsync(Batch("day 1", Day1, new("C1", "Ann", null, 10m), new("C2", "Bob", null, 20m)));
        var second = await loader.LoadAsync(Batch("day 2", Day2, new("C1", "Ann Lee", null, 10m), new("C2", "Bob", null, 20m)));
        var pit = loader.Model.PointInTime("customer");
        await new PitRefresher(loader.Session).RefreshAsync(pit, DateOnly.FromDateTime(Day1), DateOnly.FromDateTime(Day2));

        second.RowsInserted.Should().Be(1, "only C1 changed");
        (await CountAsync(connection, Raw, "hub_customer")).Should().Be(3, "two customers and the ghost record, in the raw vault's schema");
        (await CountAsync(connection, Raw, "sat_customer_details")).Should().Be(3);
        (await CountAsync(connection, Business, pit.TableName)).Should().Be(4, "two customers on two snapshot days, in the business vault's schema");
        (await CountAsync(connection, Meta, "etl_batch_log", $"{Dialect.QuoteIdentifier("status")} = 'succeeded'")).Should().Be(2, "the batch log is in the loader's schema");
        var view = Dialect.SatelliteViewName(loader.Model.Satellite("customer_details"));
        (await CountAsync(connection, Raw, view, $"{Dialect.QuoteIdentifier("is_current")} = 1")).Should().Be(2, "the satellite's view is beside its table");

        // The default schema's hub_customer is another table: not read, not changed.
        (await CountAsync(connection, null, "hub_customer")).Should().Be(0);
        var decoy = await new VaultSession(connection, Dialect).QueryAsync(Dialect.ListColumns("hub_customer"));
        decoy.Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)).Should().Equal("decoy");

        var drift = await loader.DetectDriftAsync();
        drift.HasDrift.Should().BeFalse(drift.ToString());
        drift.MissingTables.Should().BeEmpty("every table is found in its schema");
        (await loader.LoadAsync(Batch("day 2 again", Day2, new("C1", "Ann Lee", null, 10m), new("C2", "Bob", null, 20m)))).RowsInserted.Should().Be(0);
    }

    [Fact]
    public async Task A_vault_in_schemas_is_migrated_and_rehashed_in_its_schemas()
    {
        await using var connection = await FreshAsync();
        var loader = Loader(connection, Model());
        await loader.EnsureVaultAsync();
        await loader.LoadAsync(Batch("day 1", Day1, new("C1", "Ann", null, 10m), new("C2", "Bob", null, 20m)));

        // A new attribute: added in place in the raw vault's schema, the view there created again.
        var later = Loader(connection, Model("loyalty_tier"));
        var plan = await later.MigrateAsync();
        plan.Steps.Select(s => s.Kind).Should().Equal(MigrationStepKind.DropView, MigrationStepKind.AddColumn, MigrationStepKind.CreateView);
        (await later.DetectDriftAsync()).HasDrift.Should().BeFalse();
        var columns = await new VaultSession(connection, Dialect).QueryAsync(Dialect.ListColumns("sat_customer_details", Raw));
        columns.Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)).Should().Contain("loyalty_tier");

        // Rehashed to binary keys: key maps beside the vault, the rehash log beside the batch log.
        var target = Model("loyalty_tier", HashingStandards.AutomateDv);
        var result = await later.RehashAsync(target);
        result.StepsRun.Should().HaveCount(result.Plan.Steps.Count);
        (await Loader(connection, target).DetectDriftAsync()).HasDrift.Should().BeFalse("the tables in the schemas are the target model's");
        (await CountAsync(connection, Raw, "dv_keymap_hub_customer")).Should().Be(3);
        var logged = await connection.QueryAsync<string>($"SELECT {Dialect.QuoteIdentifier("step")} FROM {Dialect.QuoteTable(Meta, result.Plan.LogTable)}");
        logged.Should().Contain(result.Plan.Steps.Select(s => s.Id), "every step is recorded in the loader's schema");
        (await CountAsync(connection, Raw, "sat_customer_details")).Should().Be(2);
        (await CountAsync(connection, null, "hub_customer")).Should().Be(0, "the default schema's table of the same name is untouched");

        await Loader(connection, target).DropVaultAsync();
        (await Loader(connection, target).DetectDriftAsync()).MissingTables.Should().HaveCount(8, "dropped in their schemas, the loader's tables too");
    }
}

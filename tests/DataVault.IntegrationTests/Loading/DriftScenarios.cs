using Dapper;
using DataVault.Core.Drift;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Drift: the model and the live database disagree about a table that exists. <see cref="VaultLoader.DetectDriftAsync"/>
/// reads the engine's catalog and lists every difference; <see cref="VaultLoader.EnsureVaultAsync"/> refuses a drifted
/// database before it creates anything.
/// </summary>
public abstract class DriftScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    private static readonly string[] VaultTables = ["hub_customer", "hub_product", "link_sale", "sat_customer_details", "sat_sale_metrics"];

    /// <summary>The loader's own tables, checked after the model's.</summary>
    private static readonly string[] LoaderTables = ["etl_batch_log", "dv_rejected_rows"];

    protected TFixture Fixture { get; } = fixture;

    private async Task<LoaderHarness> NewVaultAsync()
    {
        var harness = new LoaderHarness(await Fixture.OpenAsync(), Fixture.Dialect);
        await harness.Loader().DropVaultAsync();
        await harness.Loader().EnsureVaultAsync();
        return harness;
    }

    /// <summary>
    /// An empty database with the model's tables as someone else created them: every table of <paramref name="loader"/>'s
    /// model passed through <paramref name="change"/> (null leaves it out); no views, no batch log.
    /// </summary>
    private static async Task<LoaderHarness> TablesAsync(LoaderHarness h, VaultLoader loader, Func<TableDefinition, TableDefinition?> change)
    {
        await h.Loader().DropVaultAsync();
        var ddl = LoadOptions.Default.Ddl;
        var model = loader.Model;
        var tables = model.Hubs.Select(x => h.Dialect.HubTable(x, ddl))
            .Concat(model.Links.Select(x => h.Dialect.LinkTable(x, ddl)))
            .Concat(model.Satellites.Select(x => h.Dialect.SatelliteTable(x, ddl)));
        foreach (var table in tables.Select(change).OfType<TableDefinition>())
        {
            foreach (var statement in h.Dialect.CreateTable(table, ddl))
            {
                await h.Connection.ExecuteAsync(statement.Text);
            }
        }

        return h;
    }

    /// <summary>A loader for a later version of the model: customer_details gained <c>loyalty_tier</c>.</summary>
    private static VaultLoader LaterModelLoader(LoaderHarness h) =>
        new(h.Connection, h.Dialect, TestModels.Retail(h.Dialect, extraCustomerAttribute: "loyalty_tier"), LoadOptions.Default);

    [Fact]
    public async Task A_vault_the_loader_created_matches_its_model_and_an_empty_database_only_lacks_tables()
    {
        await using var h = await NewVaultAsync();
        var report = await h.Loader().DetectDriftAsync();
        report.HasDrift.Should().BeFalse(report.ToString());
        report.CheckedTables.Should().Equal([.. VaultTables, .. LoaderTables]);
        report.MissingTables.Should().BeEmpty();
        report.ToString().Should().Be("No drift: 7 of 7 table(s) exist and match the model.");

        await h.Loader().DropVaultAsync();
        var empty = await h.Loader().DetectDriftAsync();
        empty.HasDrift.Should().BeFalse("a table still to be created is not drift");
        empty.MissingTables.Should().Equal([.. VaultTables, .. LoaderTables]);
    }

    [Fact]
    public async Task A_model_with_a_new_attribute_is_refused_by_ensure_before_anything_is_created()
    {
        await using var h = await NewVaultAsync();
        var later = LaterModelLoader(h);
        await TablesAsync(h, h.Loader(), t => t.Name == "sat_sale_metrics" ? null : t);

        var report = await later.DetectDriftAsync();
        report.Differences.Should().ContainSingle().Which.Should().Be(
            new DriftDifference("sat_customer_details", "loyalty_tier", DriftKind.MissingColumn, $"{Fixture.Dialect.Types.For(Core.Modeling.DataType.String(30)).Text} NULL", null));
        report.MissingTables.Should().Equal(["sat_sale_metrics", .. LoaderTables], "the loader creates its own tables too");

        var ensure = () => later.EnsureVaultAsync();
        var thrown = (await ensure.Should().ThrowAsync<DataVaultDriftException>()).Which;
        thrown.Report.Differences.Should().Equal(report.Differences);
        thrown.Message.Should().Contain("table sat_customer_details: column loyalty_tier is missing");

        var after = await later.DetectDriftAsync();
        after.MissingTables.Should().Equal(["sat_sale_metrics", .. LoaderTables], "the refused ensure created nothing");
        after.Differences.Should().Equal(report.Differences, "the refused ensure changed nothing");
    }

    [Fact]
    public async Task A_column_the_model_no_longer_declares_and_a_column_dropped_in_the_database_are_both_reported()
    {
        // The tables of the later model, and someone dropped birth_date in the database.
        await using var h = await NewVaultAsync();
        await TablesAsync(h, LaterModelLoader(h), t => t with { Columns = [.. t.Columns.Where(c => c.Name != "birth_date")] });

        var report = await h.Loader().DetectDriftAsync();
        report.Differences.Select(d => (d.Table, d.Column, d.Kind)).Should().BeEquivalentTo(
        [
            ("sat_customer_details", "birth_date", DriftKind.MissingColumn),
            ("sat_customer_details", "loyalty_tier", DriftKind.UnexpectedColumn),
        ]);
        report.Differences.Single(d => d.Kind == DriftKind.UnexpectedColumn).Actual.Should().Be("NULL");
        report.ToString().Should().Contain("table sat_customer_details: column loyalty_tier is not in the model");
        await h.Invoking(x => x.Loader().EnsureVaultAsync()).Should().ThrowAsync<DataVaultDriftException>();
    }

    /// <summary>A vault with a column of every portable type (and the long and wide variants some engines map differently).</summary>
    private static Core.Modeling.DataVaultModel EveryType(Core.Sql.SqlDialect dialect, Core.Hashing.HashingStandard standard) => new Core.Modeling.DataVaultModelBuilder()
        .UseHashingStandard(standard)
        .Hub("typed", h => h.BusinessKey("typed_id", Core.Modeling.DataType.String(20)))
        .Satellite("typed_values", s => s.OnHub("typed")
            .Attribute("a_string", Core.Modeling.DataType.String(40))
            .Attribute("a_long_string", Core.Modeling.DataType.String(20_000))
            .Attribute("a_text", Core.Modeling.DataType.Text)
            .Attribute("an_int", Core.Modeling.DataType.Int)
            .Attribute("a_bigint", Core.Modeling.DataType.BigInt)
            .Attribute("a_decimal", Core.Modeling.DataType.Decimal(12, 2))
            .Attribute("a_wide_decimal", Core.Modeling.DataType.Decimal(30, 6))
            .Attribute("a_date", Core.Modeling.DataType.Date)
            .Attribute("a_time", Core.Modeling.DataType.Time)
            .Attribute("a_timestamp", Core.Modeling.DataType.Timestamp)
            .Attribute("a_boolean", Core.Modeling.DataType.Boolean)
            .Attribute("a_guid", Core.Modeling.DataType.Guid)
            .Attribute("a_binary", Core.Modeling.DataType.Binary(16))
            .Attribute("a_blob", Core.Modeling.DataType.Binary()))
        .Build(dialect);

    [Theory]
    [InlineData("dv2-default-v1")]
    [InlineData("automatedv-0.11-v1")]
    public async Task Every_type_the_dialect_writes_reads_back_from_the_catalog_as_the_same_type(string standardId)
    {
        await using var connection = await Fixture.OpenAsync();
        var standard = new[] { Core.Hashing.HashingStandards.Default, Core.Hashing.HashingStandards.AutomateDv }.Single(s => s.Id == standardId);
        var loader = new VaultLoader(connection, Fixture.Dialect, EveryType(Fixture.Dialect, standard), LoadOptions.Default);
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();

        var report = await loader.DetectDriftAsync();
        report.Differences.Should().BeEmpty(report.ToString());
        await loader.DropVaultAsync();
    }

    [Fact]
    public async Task A_column_of_another_type_is_reported_and_a_migration_refuses_to_change_it()
    {
        await using var h = await NewVaultAsync();
        await TablesAsync(h, h.Loader(), t => t.Name != "sat_customer_details" ? t : t with
        {
            Columns = [.. t.Columns.Select(c => c.Name == "credit_limit" ? c with { Type = h.Dialect.Types.For(Core.Modeling.DataType.Decimal(8, 2)) } : c)],
        });

        var report = await h.Loader().DetectDriftAsync();
        var difference = report.Differences.Should().ContainSingle().Which;
        difference.Should().Match<DriftDifference>(d => d.Column == "credit_limit" && d.Kind == DriftKind.TypeDiffers && d.Expected == h.Dialect.Types.For(Core.Modeling.DataType.Decimal(10, 2)).Text);
        difference.Actual.Should().Contain("8,2");
        (await h.Loader().PlanMigrationAsync()).Refusals.Should().ContainSingle().Which.Reason.Should().Contain("does not change a column's type");
    }

    [Fact]
    public async Task A_primary_key_with_other_columns_is_reported_and_a_migration_refuses_to_change_it()
    {
        await using var h = await NewVaultAsync();
        var expected = h.Dialect.SatelliteTable(h.Model.Satellites.Single(s => s.TableName == "sat_sale_metrics"), LoadOptions.Default.Ddl).PrimaryKey;
        expected.Should().HaveCount(2, "the premise: a satellite's key is its parent's hash key and the load date");

        // Created by hand with the parent's hash key alone as its key: one version per key at most.
        await TablesAsync(h, h.Loader(), t => t.Name != "sat_sale_metrics" ? t : t with { PrimaryKey = [t.PrimaryKey[0]] });

        var report = await h.Loader().DetectDriftAsync();
        report.Differences.Should().ContainSingle().Which.Should().Be(
            new DriftDifference("sat_sale_metrics", "PRIMARY KEY", DriftKind.PrimaryKeyDiffers, $"({string.Join(", ", expected)})", $"({expected[0]})"));
        report.Differences[0].ToString().Should().Be($"table sat_sale_metrics: the primary key is ({expected[0]}) in the database, ({string.Join(", ", expected)}) in the model");
        (await h.Loader().PlanMigrationAsync()).Refusals.Should().ContainSingle().Which.Reason.Should().Contain("primary key");
    }

    [Fact]
    public async Task A_column_that_is_not_null_on_one_side_only_is_reported()
    {
        await using var h = await NewVaultAsync();
        var ddl = LoadOptions.Default.Ddl;
        var model = h.Dialect.SatelliteTable(h.Model.Satellites.Single(s => s.TableName == "sat_sale_metrics"), ddl);
        model.Column("quantity").NotNull.Should().BeFalse("the premise: attributes are nullable");
        model.Column("record_source").NotNull.Should().BeTrue("the premise: metadata is required");

        // The table as someone else created it: quantity required, record_source optional.
        await TablesAsync(h, h.Loader(), t => t.Name != "sat_sale_metrics" ? t : t with
        {
            Columns = [.. t.Columns.Select(c => c.Name is "quantity" or "record_source" ? c with { NotNull = !c.NotNull } : c)],
        });

        var report = await h.Loader().DetectDriftAsync();
        report.Differences.Should().BeEquivalentTo(
        [
            new DriftDifference("sat_sale_metrics", "quantity", DriftKind.NullabilityDiffers, "NULL", "NOT NULL"),
            new DriftDifference("sat_sale_metrics", "record_source", DriftKind.NullabilityDiffers, "NOT NULL", "NULL"),
        ]);
        report.Differences.Single(d => d.Column == "quantity").ToString().Should().Be("table sat_sale_metrics: column quantity is NOT NULL in the database, NULL in the model");
    }

    [Fact]
    public async Task The_loaders_own_tables_are_compared_too_an_old_batch_log_is_brought_up_to_date_and_a_reshaped_quarantine_refused()
    {
        await using var h = await NewVaultAsync();
        var dialect = Fixture.Dialect;
        var session = new Core.Execution.VaultSession(h.Connection, dialect);

        // A batch log of an earlier version: without session_id. Drift says so; a migration adds it; ensure would too.
        await h.Connection.ExecuteAsync($"ALTER TABLE {h.Q("etl_batch_log")} DROP COLUMN {h.Q("session_id")}");
        var old = await h.Loader().DetectDriftAsync();
        old.Differences.Should().ContainSingle().Which.Should().Match<DriftDifference>(d => d.Table == "etl_batch_log" && d.Column == "session_id" && d.Kind == DriftKind.MissingColumn);
        var plan = await h.Loader().MigrateAsync();
        plan.Steps.Should().ContainSingle().Which.Description.Should().StartWith("add column session_id").And.Contain("loader's table etl_batch_log");
        (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();

        // A quarantine table someone created with another shape: ensure and migrate refuse it, naming the table.
        await session.ExecuteAllAsync([dialect.DropTable("dv_rejected_rows"), .. dialect.CreateTable(TableDefinition.Plain("dv_rejected_rows", [new("note", dialect.Types.For(Core.Modeling.DataType.Text), false)]), DdlOptions.Default)]);
        var ensure = () => h.Loader().EnsureVaultAsync();
        (await ensure.Should().ThrowAsync<DataVaultDriftException>()).Which.Report.Differences.Should().OnlyContain(d => d.Table == "dv_rejected_rows")
            .And.Contain(d => d.Column == "note" && d.Kind == DriftKind.UnexpectedColumn)
            .And.Contain(d => d.Column == "raw_row" && d.Kind == DriftKind.MissingColumn);
        var migrate = () => h.Loader().MigrateAsync();
        (await migrate.Should().ThrowAsync<Core.Migrations.DataVaultMigrationException>()).Which.Message.Should().Contain("the loader's own table");
    }

    /// <summary>Drops an index of the vault (MariaDB names the table too).</summary>
    private string DropIndex(string index, string table) => Fixture.Dialect is Core.Sql.Dialects.MariaDbDialect
        ? $"DROP INDEX {Fixture.Dialect.QuoteIdentifier(index)} ON {Fixture.Dialect.QuoteIdentifier(table)}"
        : $"DROP INDEX {Fixture.Dialect.QuoteIdentifier(index)}";

    [Fact]
    public async Task A_missing_index_is_drift_that_ensure_and_a_migration_create_again_and_one_over_other_columns_is_refused()
    {
        await using var h = await NewVaultAsync();
        var dialect = Fixture.Dialect;
        if (!dialect.Capabilities.SecondaryIndexes)
        {
            // DuckDB: the vault declares no secondary index there, so there is none to miss.
            (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();
            dialect.HubTable(h.Model.Hub("customer"), DdlOptions.Default).Indexes.Should().NotBeEmpty("the definition has it; the dialect does not create it");
            return;
        }

        const string index = "ix_hub_customer_bk";
        await h.Connection.ExecuteAsync(DropIndex(index, "hub_customer"));
        var report = await h.Loader().DetectDriftAsync();
        report.Differences.Should().ContainSingle().Which.Should().Be(new DriftDifference("hub_customer", index, DriftKind.MissingIndex, "(customer_id)", null));
        report.ToString().Should().Contain("table hub_customer: index ix_hub_customer_bk (customer_id) is missing");
        var plan = await h.Loader().PlanMigrationAsync();
        plan.CanApply.Should().BeTrue();
        plan.Steps.Should().ContainSingle().Which.Kind.Should().Be(Core.Migrations.MigrationStepKind.CreateIndex);

        // EnsureVaultAsync creates what is missing, an index too (it holds no data).
        await h.Loader().EnsureVaultAsync();
        (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();

        // And a migration does.
        await h.Connection.ExecuteAsync(DropIndex(index, "hub_customer"));
        (await h.Loader().MigrateAsync()).Steps.Select(s => s.Kind).Should().Equal(Core.Migrations.MigrationStepKind.CreateIndex);
        (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();

        // The same name over another column: refused by both, nothing changed.
        await h.Connection.ExecuteAsync(DropIndex(index, "hub_customer"));
        await h.Connection.ExecuteAsync($"CREATE INDEX {h.Q(index)} ON {h.Q("hub_customer")} ({h.Q("record_source")})");
        var ensure = () => h.Loader().EnsureVaultAsync();
        (await ensure.Should().ThrowAsync<DataVaultDriftException>()).Which.Report.Differences.Should().ContainSingle()
            .Which.Should().Be(new DriftDifference("hub_customer", index, DriftKind.IndexDiffers, "(customer_id)", "(record_source)"));
        var migrate = () => h.Loader().MigrateAsync();
        (await migrate.Should().ThrowAsync<Core.Migrations.DataVaultMigrationException>()).Which.Message.Should().Contain("does not change an index");
    }

    [Fact]
    public async Task A_missing_foreign_key_is_drift_that_ensure_and_a_migration_refuse()
    {
        await using var h = await NewVaultAsync();
        await TablesAsync(h, h.Loader(), t => t.Name == "link_sale" ? t with { ForeignKeys = [] } : t);

        var report = await h.Loader().DetectDriftAsync();
        report.Differences.Should().BeEquivalentTo(
        [
            new DriftDifference("link_sale", "hub_customer_hk", DriftKind.MissingForeignKey, "hub_customer(hub_customer_hk)", null),
            new DriftDifference("link_sale", "hub_product_hk", DriftKind.MissingForeignKey, "hub_product(hub_product_hk)", null),
            new DriftDifference("link_sale", "referred_by_hub_customer_hk", DriftKind.MissingForeignKey, "hub_customer(hub_customer_hk)", null),
        ]);
        report.ToString().Should().Contain("table link_sale: the foreign key hub_product_hk -> hub_product(hub_product_hk) is missing");

        var ensure = () => h.Loader().EnsureVaultAsync();
        (await ensure.Should().ThrowAsync<DataVaultDriftException>()).Which.Report.Differences.Should().HaveCount(3);
        var migrate = () => h.Loader().MigrateAsync();
        (await migrate.Should().ThrowAsync<Core.Migrations.DataVaultMigrationException>()).Which.Message.Should().Contain("ADD FOREIGN KEY");

        // Without foreign keys in the options, the same tables are no drift.
        var without = new VaultLoader(h.Connection, Fixture.Dialect, h.Model, LoadOptions.Default with { Ddl = LoadOptions.Default.Ddl with { ForeignKeys = false } });
        await h.Loader().DropVaultAsync();
        await without.EnsureVaultAsync();
        (await without.DetectDriftAsync()).HasDrift.Should().BeFalse();
        (await h.Loader().DetectDriftAsync()).Differences.Should().OnlyContain(d => d.Kind == DriftKind.MissingForeignKey).And.HaveCount(5, "three from the link, one from each satellite");
    }

    [Fact]
    public async Task A_satellite_view_of_other_columns_is_drift_that_ensure_and_a_migration_create_again()
    {
        await using var h = await NewVaultAsync();
        var satellite = h.Model.Satellite("customer_details");
        var view = Fixture.Dialect.SatelliteViewName(satellite);
        async Task StaleViewAsync()
        {
            // The view as an earlier version (or a hand) made it: two columns only.
            await h.Connection.ExecuteAsync($"DROP VIEW {h.Q(view)}");
            await h.Connection.ExecuteAsync($"CREATE VIEW {h.Q(view)} AS SELECT {h.Q("hub_customer_hk")}, {h.Q("load_date")} FROM {h.Q("sat_customer_details")}");
        }

        await StaleViewAsync();
        var report = await h.Loader().DetectDriftAsync();
        report.Differences.Should().ContainSingle().Which.Should().Match<DriftDifference>(d =>
            d.Table == view && d.Kind == DriftKind.ViewDiffers && d.Actual == "(hub_customer_hk, load_date)" && d.Expected!.EndsWith("credit_limit, load_end_date, is_current)", StringComparison.Ordinal));
        (await h.Loader().PlanMigrationAsync()).Steps.Select(s => s.Kind).Should().Equal(Core.Migrations.MigrationStepKind.DropView, Core.Migrations.MigrationStepKind.CreateView);

        // EnsureVaultAsync creates the view again (a view holds no data), on SQLite too, where views are never replaced.
        await h.Loader().EnsureVaultAsync();
        (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();

        await StaleViewAsync();
        await h.Loader().MigrateAsync();
        (await h.Loader().DetectDriftAsync()).HasDrift.Should().BeFalse();
        (await h.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {h.Q(view)} WHERE {h.Q("is_current")} = 1")).Should().Be(0, "the vault is empty, and the view has is_current again");
    }
}

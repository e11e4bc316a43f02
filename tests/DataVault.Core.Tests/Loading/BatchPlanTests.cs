using DataVault.Core.Loading;
using DataVault.Core.Loading.Planning;
using DataVault.Core.Loading.Stages;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The batch plan is pure: these tests build it from the model, the options and the sources' column names, without a database.</summary>
public class BatchPlanTests
{
    private static readonly DateTime LoadDate = new(2026, 3, 1, 8, 0, 0);

    private static readonly DataVaultModel Model = new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
        .Link("sale", l => l.Hub("customer").Hub("product").DependentChildKey("line_no", DataType.Int))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)).Attribute("birth_date", DataType.Date))
        .Satellite("sale_metrics", s => s.OnLink("sale").Attribute("quantity", DataType.Int))
        .Build();

    [Fact]
    public void A_plan_stages_every_table_whose_columns_a_source_has_and_merges_hubs_then_links_then_satellites()
    {
        var batch = new LoadBatch("b1", "crm").AddCsv("sales.csv").AddCsv("customers.csv");

        var plan = BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, batch, LoadDate,
            [["customer_id", "product_id", "line_no", "quantity"], ["customer_id", "name", "birth_date"]]);

        plan.Sources.Select(s => s.Source.Name).Should().Equal("sales.csv", "customers.csv");
        plan.Sources[0].Tables.Should().BeEquivalentTo("hub_customer", "hub_product", "link_sale", "sat_sale_metrics");
        plan.Sources[1].Tables.Should().BeEquivalentTo("hub_customer", "sat_customer_details");
        plan.Stages.All.Should().HaveCount(5, "one stage per vault table, however many sources feed it");
        plan.Stages.InMergeOrder.Select(s => s.Table).Should().Equal("hub_customer", "hub_product", "link_sale", "sat_sale_metrics", "sat_customer_details");
        plan.Stages.InMergeOrder.Select(s => s.GetType()).Should().Equal(typeof(HubStage), typeof(HubStage), typeof(LinkStage), typeof(SatelliteStage), typeof(SatelliteStage));
        plan.Stages.All.Should().OnlyContain(s => s.Staging.Name == "stg_" + s.Table && s.Staging.Temporary, "SQLite stages into temporary tables");
        plan.State.LoadDate.Should().Be(LoadDate);
        plan.State.RecordSource.Should().Be("crm");
    }

    [Fact]
    public void Each_stage_writes_its_own_load_statement()
    {
        var plan = BatchPlan.Create(Model, SqlDialects.PostgreSql, LoadOptions.Default, new LoadBatch("b1", "crm").AddCsv("sales.csv"), LoadDate,
            [["customer_id", "product_id", "line_no", "quantity"]]);
        var dialect = SqlDialects.PostgreSql;

        foreach (var stage in plan.Stages.All)
        {
            var expected = stage switch
            {
                HubStage hub => dialect.LoadHub(hub.Hub, stage.Staging),
                LinkStage link => dialect.LoadLink(link.Link, stage.Staging),
                SatelliteStage satellite => dialect.LoadSatellite(satellite.Satellite, stage.Staging),
                _ => throw new InvalidOperationException(stage.GetType().Name),
            };
            stage.Load(dialect, plan.State).Text.Should().Be(expected.Text, stage.Table);
        }

        var metrics = plan.Stages.Satellites.Single();
        metrics.EndDate(dialect).Text.Should().Be(dialect.EndDateSatellite(metrics.Satellite, metrics.Staging).Text);
    }

    [Fact]
    public void A_staged_satellite_row_has_its_columns_at_the_named_ordinals()
    {
        var satellite = Model.Satellite("customer_details");
        var plan = BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, new LoadBatch("b1", "crm").AddCsv("customers.csv"), LoadDate,
            [["customer_id", "name", "birth_date"]]);

        var columns = plan.Stages.Satellites.Single().Schema.Columns.Select(c => c.Name).ToArray();

        columns[SatelliteRow.ParentHashKey].Should().Be(satellite.ParentHashKeyColumn);
        columns[SatelliteRow.LoadDate].Should().Be(Model.Naming.LoadDate);
        columns[SatelliteRow.HashDiff].Should().Be(satellite.HashDiffColumn);
        columns[SatelliteRow.RecordSource].Should().Be(Model.Naming.RecordSource);
        columns[SatelliteRow.FirstAttribute..^1].Should().Equal("name", "birth_date");
        columns[^1].Should().Be(TargetStage.SourceRowColumn);
        SatelliteRow.Create("k", LoadDate, "d", "crm", ["Ann", null], 7).Should().Equal("k", LoadDate, "d", "crm", "Ann", null, 7L);
    }

    [Fact]
    public async Task Ordered_versions_of_a_key_are_numbered_a_microsecond_apart_in_order()
    {
        var batch = new LoadBatch("b1", "crm").AddObjects(
            "rows",
            [
                new { CustomerId = "C1", Name = "Anne", BirthDate = "1990-01-01", Version = 2 },
                new { CustomerId = "C2", Name = "Bob", BirthDate = "1991-01-01", Version = 1 },
                new { CustomerId = "C1", Name = "Ann", BirthDate = "1990-01-01", Version = 1 },
            ],
            m => m.OrderBy("Version").Only("sat_customer_details"));
        var plan = await StageAsync(batch);
        var stage = plan.Stages.Satellites.Single();

        var rows = stage.TakeOrderedVersions(plan.State).ToList();

        rows.Select(r => ((string)r[SatelliteRow.FirstAttribute]!, (DateTime)r[SatelliteRow.LoadDate]!)).Should().BeEquivalentTo(
            [("Ann", LoadDate), ("Anne", LoadDate.AddTicks(10)), ("Bob", LoadDate)]);
        rows.Select(r => (string)r[SatelliteRow.FirstAttribute]!).Should().ContainInConsecutiveOrder("Ann", "Anne");
        stage.OrderedRows.Should().BeEmpty("the held rows were handed over");
    }

    [Fact]
    public async Task Two_different_versions_with_the_same_order_value_are_a_conflict_that_names_both_rows()
    {
        var batch = new LoadBatch("b1", "crm").AddObjects(
            "rows",
            [new { CustomerId = "C1", Name = "Ann", BirthDate = "1990-01-01", Version = 1 }, new { CustomerId = "C1", Name = "Anne", BirthDate = "1990-01-01", Version = 1 }],
            m => m.OrderBy("Version").Only("sat_customer_details"));
        var plan = await StageAsync(batch);

        var take = () => plan.Stages.Satellites.Single().TakeOrderedVersions(plan.State).ToList();

        take.Should().Throw<DataVaultLoadException>().WithMessage(LoadMessages.InBatchConflict("sat_customer_details", string.Empty, "rows, row 1", "rows, row 2"))
            .Which.Message.Should().StartWith("sat_customer_details: one key has two different rows in this batch and no order column: rows, row 1 and rows, row 2.");
    }

    [Fact]
    public void A_source_that_does_not_fit_fails_with_the_loaders_message()
    {
        var batch = new LoadBatch("b1", "crm").AddCsv("dup.csv");
        var duplicate = () => BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, batch, LoadDate, [["customer_id", "Name", "name"]]);
        duplicate.Should().Throw<DataVaultLoadException>()
            .WithMessage("dup.csv: the column 'name' appears twice (columns 2 and 3); headers must be unique.")
            .Which.Message.Should().Be(LoadMessages.DuplicateColumn("dup.csv", "name", 2, 3));

        var nothing = () => BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, batch, LoadDate, [["colour"]]);
        nothing.Should().Throw<DataVaultLoadException>().Which.Message.Should().Be(LoadMessages.FeedsNoTable("dup.csv", ["colour"]));

        var only = new LoadBatch("b1", "crm").AddCsv("m.csv", m => m.Only("sat_customer_details"));
        var missing = () => BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, only, LoadDate, [["customer_id"]]);
        missing.Should().Throw<DataVaultLoadException>()
            .WithMessage("m.csv: the column(s) name, birth_date required by sat_customer_details are missing (columns present: customer_id).")
            .Which.Column.Should().Be("name");
    }

    [Fact]
    public void A_plan_takes_one_column_list_per_source()
    {
        var batch = new LoadBatch("b1", "crm").AddCsv("a.csv");
        var plan = BatchPlan.Start(Model, SqlDialects.Sqlite, LoadOptions.Default, batch, LoadDate);
        plan.Add(["customer_id"]);

        plan.Invoking(p => p.Add(["customer_id"])).Should().Throw<InvalidOperationException>();
        var tooMany = () => BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, batch, LoadDate, [["customer_id"], ["product_id"]]);
        tooMany.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Plans an in-memory source and stages its rows (parse, hash, hold) — still without a database.</summary>
    private static async Task<BatchPlan> StageAsync(LoadBatch batch)
    {
        var reader = await batch.Sources[0].OpenAsync(CancellationToken.None);
        await using var _ = reader;
        var plan = BatchPlan.Create(Model, SqlDialects.Sqlite, LoadOptions.Default, batch, LoadDate, [reader.Columns]);
        var full = new List<TargetStage>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            plan.Sources[0].Parse(reader, emptyStringIsNull: true).Should().BeNull();
            plan.Sources[0].Stage(plan.State, reader.Location, full);
        }

        return plan;
    }
}

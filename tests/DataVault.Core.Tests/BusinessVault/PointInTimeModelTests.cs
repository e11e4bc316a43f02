using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Tests.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.BusinessVault;

/// <summary>Declaring point-in-time tables: the built <see cref="PointInTime"/>, its names, and every validation problem.</summary>
public class PointInTimeModelTests
{
    private static DataVaultModelBuilder Vault() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(50)))
        .Hub("store", h => h.BusinessKey("store_id", DataType.String(50)))
        .Link("sale", l => l.Hub("customer").Hub("product"))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("first_name", DataType.String(100)))
        .Satellite("customer_contact", s => s.OnHub("customer").Attribute("email", DataType.String(255)))
        .Satellite("product_details", s => s.OnHub("product").Attribute("product_name", DataType.String(255)))
        .Satellite("sale_metrics", s => s.OnLink("sale").Attribute("quantity", DataType.Int));

    [Fact]
    public void The_seed_PIT_is_the_hub_key_the_snapshot_date_and_one_load_date_per_satellite()
    {
        var model = Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_contact")).Build();

        var pit = model.PointInTime("customer");
        pit.Name.Should().Be("customer");
        pit.TableName.Should().Be("pit_customer");
        pit.Path.Should().Be("pit:customer");
        pit.Hub.Should().BeSameAs(model.Hub("customer"));
        pit.HashKeyColumn.Should().Be("hub_customer_hk");
        pit.SnapshotDateColumn.Should().Be("snapshot_date");
        pit.Satellites.Select(s => (s.Satellite.Name, s.LoadDateColumn)).Should().Equal(
            ("customer_details", "sat_customer_details_load_date"),
            ("customer_contact", "sat_customer_contact_load_date"));
        pit.Satellites[0].Satellite.Should().BeSameAs(model.Satellite("customer_details"));
        model.PointInTimes.Should().ContainSingle().Which.Should().BeSameAs(pit);
    }

    [Fact]
    public void Without_a_satellite_list_a_PIT_covers_every_satellite_of_its_hub_in_declared_order()
    {
        var model = Vault().PointInTime("customer", p => p.OnHub("customer")).Build();

        model.PointInTime("customer").Satellites.Select(s => s.Satellite.Name).Should().Equal("customer_details", "customer_contact");
    }

    [Fact]
    public void Listed_satellites_keep_the_listed_order()
    {
        var model = Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_contact").Satellites("customer_details")).Build();

        model.PointInTime("customer").Satellites.Select(s => s.LoadDateColumn).Should().Equal("sat_customer_contact_load_date", "sat_customer_details_load_date");
    }

    [Fact]
    public void Naming_conventions_and_ToTable_name_the_table_and_columns()
    {
        var model = Vault()
            .UseNamingConventions(NamingConventions.Default with { PitTable = "pit_{name}_daily", SnapshotDate = "as_of_date", PitLoadDate = "{table}_ldts" })
            .PointInTime("customer", p => p.OnHub("customer"))
            .PointInTime("product", p => p.OnHub("product").ToTable("product_snapshots"))
            .Build();

        var customer = model.PointInTime("customer");
        customer.TableName.Should().Be("pit_customer_daily");
        customer.SnapshotDateColumn.Should().Be("as_of_date");
        customer.Satellites[0].LoadDateColumn.Should().Be("sat_customer_details_ldts");
        model.PointInTime("product").TableName.Should().Be("product_snapshots");
        NamingConventions.Default.PitTableName("customer").Should().Be("pit_customer");
        NamingConventions.Default.PitLoadDateName("sat_x").Should().Be("sat_x_load_date");
    }

    [Fact]
    public void A_model_without_PITs_has_an_empty_list_and_looking_one_up_lists_the_declared()
    {
        var model = Vault().PointInTime("customer", p => p.OnHub("customer")).Build();

        Vault().Build().PointInTimes.Should().BeEmpty();
        FluentActions.Invoking(() => model.PointInTime("nobody")).Should().Throw<KeyNotFoundException>()
            .WithMessage("*point-in-time table 'nobody'*Declared: customer*");
    }

    [Fact]
    public void The_built_PIT_does_not_change_with_the_builder()
    {
        var builder = Vault().PointInTime("customer", p => p.OnHub("customer"));
        var model = builder.Build();
        builder.PointInTime("product", p => p.OnHub("product"));

        model.PointInTimes.Should().ContainSingle();
        model.PointInTimes.Should().NotBeAssignableTo<List<PointInTime>>();
        model.PointInTime("customer").Satellites.Should().NotBeAssignableTo<List<PointInTimeSatellite>>();
    }

    public static TheoryData<string, string, string> Problems() => new()
    {
        { "no hub", DiagnosticCodes.PitWithoutHub, "pit:customer" },
        { "two hubs", DiagnosticCodes.PitWithoutHub, "pit:customer" },
        { "unknown hub", DiagnosticCodes.UnknownPitHub, "pit:customer/hub:client" },
        { "unknown satellite", DiagnosticCodes.UnknownPitSatellite, "pit:customer/sat:customer_address" },
        { "satellite of another hub", DiagnosticCodes.PitSatelliteNotOnHub, "pit:customer/sat:product_details" },
        { "satellite of a link", DiagnosticCodes.PitSatelliteNotOnHub, "pit:customer/sat:sale_metrics" },
        { "hub without satellites", DiagnosticCodes.PitWithoutSatellites, "pit:store" },
        { "satellite listed twice", DiagnosticCodes.DuplicateColumn, "pit:customer/sat:customer_details" },
        { "duplicate PIT", DiagnosticCodes.DuplicateEntityName, "pit:customer" },
        { "table clash", DiagnosticCodes.DuplicateTableName, "pit:customer" },
        { "unsafe name", DiagnosticCodes.UnsafeIdentifier, "pit:Customer" },
        { "unsafe table", DiagnosticCodes.UnsafeIdentifier, "pit:customer/table" },
        { "unsafe snapshot column", DiagnosticCodes.UnsafeIdentifier, "naming/snapshot_date" },
        { "column clash", DiagnosticCodes.DuplicateColumn, "pit:customer/snapshot_date" },
        { "reserved column", DiagnosticCodes.SystemColumnClash, "pit:customer/dv_sat_customer_details" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_PIT_problem_is_reported_once_with_its_code_and_path(string problem, string code, string path)
    {
        var builder = problem switch
        {
            "no hub" => Vault().PointInTime("customer", p => p.Satellites("customer_details")),
            "two hubs" => Vault().PointInTime("customer", p => p.OnHub("customer").OnHub("product")),
            "unknown hub" => Vault().PointInTime("customer", p => p.OnHub("client")),
            "unknown satellite" => Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_address")),
            "satellite of another hub" => Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "product_details")),
            "satellite of a link" => Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("sale_metrics")),
            "hub without satellites" => Vault().PointInTime("store", p => p.OnHub("store")),
            "satellite listed twice" => Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_details")),
            "duplicate PIT" => Vault().PointInTime("customer", p => p.OnHub("customer")).PointInTime("customer", p => p.OnHub("customer")),
            "table clash" => Vault().PointInTime("customer", p => p.OnHub("customer").ToTable("hub_product")),
            "unsafe name" => Vault().PointInTime("Customer", p => p.OnHub("customer")),
            "unsafe table" => Vault().PointInTime("customer", p => p.OnHub("customer").ToTable("pit-customer")),
            "unsafe snapshot column" => Vault().UseNamingConventions(NamingConventions.Default with { SnapshotDate = "Snapshot Date" }).PointInTime("customer", p => p.OnHub("customer")),
            "column clash" => Vault().UseNamingConventions(NamingConventions.Default with { PitLoadDate = "snapshot_date" }).PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details")),
            "reserved column" => Vault().UseNamingConventions(NamingConventions.Default with { PitLoadDate = "dv_{table}" }).PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details")),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var problems = builder.Validate();

        problems.Select(p => (p.Code, p.Path)).Should().Equal([(code, path)], $"'{problem}' is one problem");
        problems[0].Message.Should().NotBeNullOrWhiteSpace();
        problems[0].Fix.Should().NotBeNullOrWhiteSpace();
        FluentActions.Invoking(() => builder.Build()).Should().Throw<DataVaultModelException>().Which.Diagnostics.Should().HaveCount(1);
    }

    [Fact]
    public void Messages_name_the_culprits_and_the_fix_lists_the_candidates()
    {
        var unknownHub = Vault().PointInTime("customer", p => p.OnHub("client")).Validate().Single();
        unknownHub.Message.Should().Contain("'client'");
        unknownHub.Fix.Should().Contain("customer, product, store");

        var wrongParent = Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("product_details")).Validate().Single();
        wrongParent.Message.Should().Contain("'product_details'").And.Contain("hub 'product'");
        wrongParent.Fix.Should().Contain("customer_details, customer_contact");

        var unknownSatellite = Vault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_address")).Validate().Single();
        unknownSatellite.Fix.Should().Contain("customer_details, customer_contact");
    }

    [Fact]
    public void A_problem_of_the_hub_or_satellite_itself_is_not_reported_again_by_the_PIT()
    {
        var builder = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
            .Hub("Client", h => h.BusinessKey("client_id", DataType.String(50)))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("load_date", DataType.Timestamp))
            .PointInTime("client", p => p.OnHub("Client"))
            .PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details"));

        builder.Validate().Select(p => (p.Code, p.Path)).Should().BeEquivalentTo(
            [(DiagnosticCodes.UnsafeIdentifier, "hub:Client"), (DiagnosticCodes.SystemColumnClash, "sat:customer_details/load_date")]);
    }

    [Fact]
    public void A_load_date_column_longer_than_the_target_allows_is_reported_for_that_target()
    {
        var satellite = "customer_" + new string('x', 40); // sat_<name>_load_date = 63 bytes
        var builder = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
            .Satellite(satellite, s => s.OnHub("customer").Attribute("first_name", DataType.String(100)))
            .Satellite(satellite + "y", s => s.OnHub("customer").Attribute("first_name", DataType.String(100)))
            .PointInTime("customer", p => p.OnHub("customer"));

        builder.Validate(SqlDialects.PostgreSql).Select(p => (p.Code, p.Path)).Should().Equal((DiagnosticCodes.IdentifierTooLong, $"pit:customer/sat:{satellite}y/load_date"));
        builder.Validate(SqlDialects.SqlServer).Should().BeEmpty();
    }

    [Fact]
    public void The_diagram_shows_a_PIT_with_its_keys_and_its_hub()
    {
        var model = Vault().PointInTime("customer", p => p.OnHub("customer")).Build();

        var text = model.ToMermaid().ReplaceLineEndings("\n");
        text.Should().Contain("""
                "pit_customer" {
                    hash hub_customer_hk PK, FK "hub hash key"
                    date snapshot_date PK
                    timestamp sat_customer_details_load_date "sat_customer_details"
                    timestamp sat_customer_contact_load_date "sat_customer_contact"
                }
                "hub_customer" ||--o{ "pit_customer" : "snapshots"
            """.ReplaceLineEndings("\n"));
        MermaidErGrammar.Parse(text).Entities.Should().ContainKey("pit_customer");
    }
}

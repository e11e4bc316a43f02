using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.CustomDialect;

/// <summary>A dialect derived outside the library writes its own quoting, placeholders and types, and refuses what its engine lacks.</summary>
public class AcmeSqlDialectTests
{
    private static readonly AcmeSqlDialect Acme = new();

    private static DataVaultModel Model(HashingStandard? standard = null) => new DataVaultModelBuilder()
        .UseHashingStandard(standard ?? HashingStandards.Default)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
        .Link("sale", l => l.Hub("customer").Hub("product").DependentChildKey("line_no", DataType.Int))
        .Satellite("customer_details", s => s.OnHub("customer")
            .Attribute("name", DataType.String(100))
            .Attribute("registered_at", DataType.Timestamp)
            .Attribute("credit_limit", DataType.Decimal(10, 2)))
        .Build(Acme);

    [Fact]
    public void Ddl_quotes_with_backticks_and_maps_timestamps_to_datetime6()
    {
        var statements = Acme.CreateVault(Model());
        var ddl = string.Join("\n", statements.Select(s => s.Text));

        statements.Should().NotBeEmpty().And.OnlyContain(s => s.Parameters.Count == 0);
        ddl.Should().Contain("CREATE TABLE IF NOT EXISTS `hub_customer` (");
        ddl.Should().Contain("`hub_customer_hk` CHAR(32) NOT NULL");
        ddl.Should().Contain("`customer_id` VARCHAR(20) NULL");
        ddl.Should().Contain("`load_date` DATETIME(6) NOT NULL");
        ddl.Should().Contain("`load_end_date` DATETIME(6) NULL");
        ddl.Should().Contain("`registered_at` DATETIME(6) NULL");
        ddl.Should().Contain("`credit_limit` DECIMAL(10,2) NULL");
        ddl.Should().Contain("PRIMARY KEY (`link_sale_hk`)");
        ddl.Should().Contain("FOREIGN KEY (`hub_customer_hk`) REFERENCES `hub_customer` (`hub_customer_hk`)");
        ddl.Should().Contain("CREATE OR REPLACE VIEW `v_sat_customer_details_history`");
        ddl.Should().NotContain("\"").And.NotContain("TIMESTAMP(6)");
    }

    [Fact]
    public void Load_sql_uses_backticks_and_colon_parameters()
    {
        var model = Model();
        var hub = model.Hub("customer");

        var loadHub = Acme.LoadHub(hub, StagingTable.For(hub.TableName)).Text;
        loadHub.Should().StartWith("INSERT INTO `hub_customer` (`hub_customer_hk`, `customer_id`, `load_date`, `record_source`)");
        loadHub.Should().Contain("FROM `stg_hub_customer` st").And.Contain("ON CONFLICT (`hub_customer_hk`) DO NOTHING").And.NotContain("\"");

        var loadSatellite = Acme.LoadSatellite(model.Satellite("customer_details"), StagingTable.For("sat_customer_details")).Text;
        loadSatellite.Should().StartWith("INSERT INTO `sat_customer_details`").And.Contain("LAG(st.`hash_diff`)").And.NotContain("\"");

        var ghost = Acme.InsertGhostRecord(hub);
        ghost.Text.Should().Contain("SELECT :dv_zero_key, :dv_load_date, :dv_record_source").And.Contain("WHERE t.`hub_customer_hk` = :dv_zero_key").And.NotContain("@");
        ghost.Parameters.Select(p => p.Name).Should().Equal("dv_zero_key", "dv_load_date", "dv_record_source");
        ghost.Parameters[0].Value.Should().Be(new string('0', 32));
        ghost.ParameterDictionary()["dv_record_source"].Should().Be(SqlDialect.GhostRecordSource);

        Acme.InsertValues("stg_hub_customer", ["hub_customer_hk", "customer_id"])
            .Should().Be("INSERT INTO `stg_hub_customer` (`hub_customer_hk`, `customer_id`) VALUES (:p0, :p1)");
    }

    [Fact]
    public void In_database_hashing_uses_its_own_primitives()
    {
        var satellite = Model().Satellite("customer_details");

        var sql = Acme.SelectHashes(satellite.TableName, "id", satellite.HashingStandard, HashPurpose.Diff, satellite.HashDiffParts).Text;

        sql.Should().Contain("LOWER(MD5_HEX(").And.Contain("FORMAT_DECIMAL(t.`credit_limit`, 2)").And.Contain("FORMAT_TIMESTAMP(t.`registered_at`");
        sql.Should().Contain("SELECT q.`id`, ").And.Contain("AS `dv_hash`");
    }

    [Fact]
    public void Unsupported_features_are_refused_naming_AcmeSQL()
    {
        var sha = HashingStandards.Default with { Id = "sha-v1", Algorithm = HashAlgorithmKind.Sha256 };
        ColumnDefinition[] text = [new("name", DataType.Text)];

        var sha256 = () => Acme.SelectHashes("t", "id", sha, HashPurpose.Key, text);
        sha256.Should().Throw<UnsupportedSqlFeatureException>()
            .Where(e => e.Dialect == "AcmeSQL" && e.Feature == "in-database Sha256 hashing")
            .WithMessage("AcmeSQL does not support in-database Sha256 hashing: *");

        var binaryKeys = () => Acme.SelectHashes("t", "id", HashingStandards.AutomateDv, HashPurpose.Key, text);
        binaryKeys.Should().Throw<UnsupportedSqlFeatureException>().Where(e => e.Dialect == "AcmeSQL" && e.Feature == "binary hash keys");

        var binaryValue = () => Acme.Primitives.CanonicalText("x", DataType.Binary());
        binaryValue.Should().Throw<UnsupportedSqlFeatureException>().WithMessage("AcmeSQL does not support canonical text of binary*");
    }

    [Fact]
    public void Identifiers_are_validated_before_they_are_quoted()
    {
        Acme.Invoking(a => a.QuoteIdentifier("drop table;--")).Should().Throw<ArgumentException>();
        Acme.Invoking(a => a.QuoteIdentifier("a`b")).Should().Throw<ArgumentException>();
        Acme.Invoking(a => a.ParameterPlaceholder("p 1")).Should().Throw<ArgumentException>();
        Acme.QuoteIdentifier("hub_customer").Should().Be("`hub_customer`");
    }

    [Fact]
    public void The_model_is_validated_with_the_dialects_identifier_limit()
    {
        var name = new string('c', 58); // hub_<58>_hk is 65 bytes: over AcmeSQL's 64
        var builder = new DataVaultModelBuilder().Hub(name, h => h.BusinessKey("id", DataType.Int));

        builder.Validate(Acme).Should().ContainSingle().Which.Message.Should().Contain("AcmeSQL allows 64");
        builder.Validate(SqlDialects.SqlServer).Should().BeEmpty();
    }
}

using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// The roles a dialect is assembled from: the type map is a table with length bounds, kept typed until rendering; the
/// zero key follows the hash column's type; the quoter is data; a role serves one dialect; the few engine differences
/// that are data (capabilities) shape the shared writers' statements.
/// </summary>
public class DialectRoleTests
{
    [Theory]
    [InlineData("mariadb", 16_383, "VARCHAR(16383)")]
    [InlineData("mariadb", 16_384, "MEDIUMTEXT")]
    [InlineData("sqlserver", 4_000, "NVARCHAR(4000)")]
    [InlineData("sqlserver", 4_001, "NVARCHAR(MAX)")]
    [InlineData("postgres", 65_535, "VARCHAR(65535)")]
    public void A_string_takes_the_first_row_whose_bound_it_fits_and_else_the_unbounded_row(string dialect, int length, string expected)
    {
        var type = SqlDialects.All[dialect].Types.For(DataType.String(length));

        type.Text.Should().Be(expected);
        type.Type.Should().Be(DataType.String(length), "the SQL type keeps the portable type it was rendered from");
    }

    [Fact]
    public void Binary_without_a_length_skips_every_bounded_row()
    {
        var map = SqlDialects.MariaDb.Types;

        map.For(DataType.Binary(16)).Text.Should().Be("VARBINARY(16)");
        map.For(DataType.Binary(20_000)).Text.Should().Be("MEDIUMBLOB");
        map.For(DataType.Binary()).Text.Should().Be("LONGBLOB");
        SqlDialects.SqlServer.Types.For(DataType.Binary()).Text.Should().Be("VARBINARY(MAX)");
    }

    [Theory]
    [InlineData(100, 1, null)]
    [InlineData(1000, 1, 768)]
    [InlineData(500, 2, 384)]
    [InlineData(300, 2, null)]
    public void MariaDb_indexes_long_text_by_a_prefix_shared_by_the_index_columns(int length, int columns, int? prefix)
    {
        var map = SqlDialects.MariaDb.Types;

        map.IndexPrefixLength(map.For(DataType.String(length)), columns).Should().Be(prefix);
        map.IndexPrefixLength(map.For(DataType.Text), columns).Should().NotBeNull("TEXT columns are always indexed by a prefix");
        map.IndexPrefixLength(map.For(DataType.Guid), columns).Should().BeNull();
        SqlDialects.PostgreSql.Types.IndexPrefixLength(SqlDialects.PostgreSql.Types.For(DataType.String(length)), columns).Should().BeNull();
    }

    [Fact]
    public void A_long_business_key_is_indexed_by_a_prefix_in_the_MariaDb_ddl()
    {
        var model = new DataVaultModelBuilder().Hub("document", h => h.BusinessKey("path", DataType.String(2000))).Build(SqlDialects.MariaDb);

        SqlDialects.MariaDb.CreateVault(model)[0].Text.Should().Contain("INDEX `ix_hub_document_bk` (`path`(768))");
        SqlDialects.PostgreSql.CreateVault(model).Select(s => s.Text).Should().Contain("CREATE INDEX IF NOT EXISTS \"ix_hub_document_bk\" ON \"hub_document\" (\"path\")");
    }

    [Theory]
    [InlineData("postgres", false, typeof(byte[]))]
    [InlineData("postgres", true, typeof(Guid))]
    [InlineData("duckdb", true, typeof(Guid))]
    [InlineData("mariadb", true, typeof(byte[]))]
    [InlineData("sqlite", true, typeof(byte[]))]
    public void The_zero_key_of_a_binary_key_follows_the_hash_columns_type(string dialect, bool nativeUuid, Type expected)
    {
        var options = DdlOptions.Default with { NativeUuidForBinaryKeys = nativeUuid };
        var types = SqlDialects.All[dialect].Types;

        types.ZeroKey(HashingStandards.AutomateDv, options).Should().BeOfType(expected);
        types.HashColumn(HashingStandards.AutomateDv, options).Type.Kind.Should().Be(expected == typeof(Guid) ? DataTypeKind.Guid : DataTypeKind.Binary);
        types.ZeroKey(HashingStandards.Default, options).Should().Be(new string('0', 32));
    }

    [Fact]
    public void A_role_serves_one_dialect()
    {
        var quoter = new SqlQuoter();
        _ = new OneRoleDialect(quoter);

        var second = () => new OneRoleDialect(quoter);

        second.Should().Throw<InvalidOperationException>().WithMessage("*already part of the dialect*");
        var detached = () => new SqlQuoter().StringLiteral("a\nb");
        detached.Should().Throw<InvalidOperationException>().WithMessage("*not part of a dialect*");
    }

    [Fact]
    public void A_placeholder_prefix_other_than_at_colon_or_dollar_is_refused()
    {
        var act = () => new SqlQuoter { PlaceholderPrefix = "?" };

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Sql_server_finds_an_untrimmed_empty_text_by_its_length_and_a_trimmed_one_with_nullif()
    {
        var untrimmed = HashingStandards.Default with { Id = "untrimmed-v1", Trim = TrimRule.None };

        SqlDialects.SqlServer.StandardizedPart(untrimmed, HashPurpose.Key, "x", DataType.Text).Should().StartWith("UPPER(REPLACE(REPLACE(REPLACE(CASE WHEN DATALENGTH(CAST(x AS NVARCHAR(MAX))");
        SqlDialects.SqlServer.StandardizedPart(HashingStandards.Default, HashPurpose.Key, "x", DataType.Text).Should().Contain("NULLIF(TRIM(").And.NotContain("DATALENGTH");
        SqlDialects.PostgreSql.StandardizedPart(untrimmed, HashPurpose.Key, "x", DataType.Text).Should().Contain("NULLIF(CAST(x AS TEXT), '')");
    }

    [Theory]
    [InlineData("postgres", "ON CONFLICT (\"hub_customer_hk\") DO NOTHING")]
    [InlineData("sqlite", "ON CONFLICT (\"hub_customer_hk\") DO NOTHING")]
    [InlineData("mariadb", "ON DUPLICATE KEY UPDATE `hub_customer`.`hub_customer_hk` = `hub_customer`.`hub_customer_hk`")]
    [InlineData("sqlserver", "[hub_customer] t WITH (UPDLOCK, HOLDLOCK) WHERE")]
    public void Hub_loads_and_ghost_records_insert_new_keys_the_one_way_the_engine_has(string dialect, string expected)
    {
        var sql = SqlDialects.All[dialect];
        var hub = ConformanceScenarios.Model(sql).Hub("customer");

        sql.LoadHub(hub, StagingTable.For(hub.TableName)).Text.Should().Contain(expected);
        sql.InsertGhostRecord(hub).Text.Should().Contain(expected);
    }

    private sealed class OneRoleDialect(SqlQuoter quoter) : SqlDialect("OneRole", quoter, new SqlTypeMap(), new PlainPrimitives(), new DialectCapabilities())
    {
        private sealed class PlainPrimitives : SqlPrimitives
        {
            public override string CanonicalText(string expression, DataType type) => expression;

            public override string HashHex(HashAlgorithmKind algorithm, string input) => $"MD5({input})";

            public override string HexToBinary(string hex) => hex;
        }
    }
}

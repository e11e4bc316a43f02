using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>SQLite has no schemas: a model or options that declare one are refused before anything is written.</summary>
public class SchemaRefusalTests
{
    private static DataVaultModel Model(string? rawVault) => new DataVaultModelBuilder()
        .UseSchemas(rawVault)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Build(); // no target: the model itself is valid

    [Fact]
    public void A_loader_on_SQLite_refuses_a_model_in_a_schema_and_a_loader_schema()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");

        var inSchema = () => new VaultLoader(connection, SqlDialects.Sqlite, Model("raw_vault"));
        inSchema.Should().Throw<ArgumentException>().WithMessage("*SQLite has no database schemas*raw_vault*");
        var loaderSchema = () => new VaultLoader(connection, SqlDialects.Sqlite, Model(null), LoadOptions.Default with { LoaderSchema = "dv_meta" });
        loaderSchema.Should().Throw<ArgumentException>().WithMessage("*dv_meta*");
        var script = () => VaultLoader.CreateVaultScript(SqlDialects.Sqlite, Model("raw_vault"));
        script.Should().Throw<ArgumentException>();
        connection.State.Should().Be(System.Data.ConnectionState.Closed, "nothing was opened, let alone written");
    }

    [Fact]
    public void A_loader_schema_is_a_plain_identifier()
    {
        var dotted = () => new VaultLoader(new SqliteConnection("Data Source=:memory:"), SqlDialects.PostgreSql, Model(null), LoadOptions.Default with { LoaderSchema = "dv.meta" });
        dotted.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_script_for_an_engine_with_schemas_creates_them_first_and_qualifies_every_table()
    {
        var script = VaultLoader.CreateVaultScript(SqlDialects.PostgreSql, Model("raw_vault"), LoadOptions.Default with { LoaderSchema = "dv_meta" });

        var statements = script.Statements.ToList();
        statements.Take(2).Should().BeEquivalentTo(["CREATE SCHEMA IF NOT EXISTS \"dv_meta\"", "CREATE SCHEMA IF NOT EXISTS \"raw_vault\""]);
        statements.Where(s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal)).Should().OnlyContain(s => s.Contains("\"raw_vault\".") || s.Contains("\"dv_meta\"."));
        script.ToString().Should().Contain("\"dv_meta\".\"etl_batch_log\"").And.Contain("\"dv_meta\".\"dv_rejected_rows\"").And.Contain("INSERT INTO \"raw_vault\".\"hub_customer\"");
    }
}

using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Sql;

/// <summary>The literals a script writes for each engine (the integration tests run the scripts on the four runnable engines).</summary>
public class ScriptLiteralTests
{
    private static readonly DateTime Ghost = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("sqlite", "X'00FF'", "TIMESTAMP '1900-01-01 00:00:00.000000'", "TRUE")]
    [InlineData("postgres", "decode('00FF', 'hex')", "TIMESTAMP '1900-01-01 00:00:00.000000'", "TRUE")]
    [InlineData("mariadb", "X'00FF'", "TIMESTAMP '1900-01-01 00:00:00.000000'", "TRUE")]
    [InlineData("duckdb", "from_hex('00FF')", "TIMESTAMP '1900-01-01 00:00:00.000000'", "TRUE")]
    [InlineData("sqlserver", "0x00FF", "CAST(N'1900-01-01T00:00:00.000000' AS DATETIME2(6))", "1")]
    public void Each_dialect_writes_bytes_timestamps_and_booleans_its_engine_reads(string dialect, string bytes, string timestamp, string boolean)
    {
        var sql = SqlDialects.All[dialect];
        sql.Literal(new byte[] { 0, 255 }).Should().Be(bytes);
        sql.Literal(Ghost).Should().Be(timestamp);
        sql.Literal(true).Should().Be(boolean);
        sql.Literal(null).Should().Be("NULL");
        sql.Literal(12.50m).Should().Be("12.50");
        sql.Literal("O'Brien").Should().EndWith("'O''Brien'");
    }

    [Fact]
    public void A_placeholder_that_prefixes_another_is_not_replaced_inside_it()
    {
        var script = SqlDialects.PostgreSql.Script([new SqlStatement("SELECT @dv_p1, @dv_p10", [new("dv_p1", 1L), new("dv_p10", 10L)])]);
        script.Statements.Should().Equal("SELECT 1, 10");
        script.ToString().Should().EndWith("SELECT 1, 10;\n");
    }

    [Fact]
    public void A_value_without_a_literal_form_is_refused()
    {
        SqlDialects.Sqlite.Invoking(d => d.Literal(new object())).Should().Throw<NotSupportedException>().WithMessage("*no literal form*");
    }
}

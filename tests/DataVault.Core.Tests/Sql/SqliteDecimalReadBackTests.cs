using System.Globalization;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// Decimals on real SQLite: NUMERIC affinity stores <c>420.00</c> as the INTEGER 420 and <c>89.90</c> as the REAL 89.9,
/// and keeps a value of more than 15 significant digits as TEXT; <see cref="SqlTypeMap.ReadDecimal"/> and
/// <see cref="SqlTypeMap.ReadDecimalText"/> give back the exact value with the declared scale.
/// </summary>
public sealed class SqliteDecimalReadBackTests : IDisposable
{
    private static readonly DataType Money = DataType.Decimal(10, 2);
    private static readonly DataType Wide = DataType.Decimal(38, 10);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqlTypeMap _types = SqlDialects.Sqlite.Types;

    public SqliteDecimalReadBackTests()
    {
        _connection.Open();
        Execute($"CREATE TABLE t (id INTEGER PRIMARY KEY, money {SqlDialects.Sqlite.TypeName(Money)}, wide {SqlDialects.Sqlite.TypeName(Wide)})");
    }

    [Theory]
    [InlineData("420.00", "integer")]
    [InlineData("89.90", "real")]
    [InlineData("0.10", "real")]
    [InlineData("-0.01", "real")]
    [InlineData("99999999.99", "real")]
    [InlineData("-99999999.99", "real")]
    [InlineData("0.00", "integer")]
    [InlineData("12.34", "real")]
    public void A_money_value_comes_back_with_its_declared_scale(string text, string storageClass)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Insert(1, "money", value);

        // What SQLite made of it: the scale is gone from the stored value.
        Scalar("SELECT typeof(money) FROM t WHERE id = 1").Should().Be(storageClass);
        var raw = Scalar("SELECT money FROM t WHERE id = 1");
        raw.Should().NotBeOfType<decimal>();

        var read = _types.ReadDecimal(raw, Money);
        read.Should().Be(value);
        read!.Value.Scale.Should().Be(2);
        read.Value.ToString(CultureInfo.InvariantCulture).Should().Be(text);
        _types.ReadDecimalText(raw, Money).Should().Be(text);
    }

    [Fact]
    public void Without_the_read_back_rule_sqlite_loses_the_scale()
    {
        Insert(1, "money", 420.00m);
        Insert(2, "money", 89.90m);
        Convert.ToString(Scalar("SELECT money FROM t WHERE id = 1"), CultureInfo.InvariantCulture).Should().Be("420");
        Convert.ToString(Scalar("SELECT money FROM t WHERE id = 2"), CultureInfo.InvariantCulture).Should().Be("89.9");
    }

    [Fact]
    public void More_than_15_significant_digits_stay_text_and_come_back_exactly()
    {
        // 30 digits: beyond a double (SQLite keeps the TEXT) and beyond System.Decimal (28 digits).
        const string thirty = "12345678901234567890.1234567890";
        Insert(1, "wide", thirty);
        Scalar("SELECT typeof(wide) FROM t WHERE id = 1").Should().Be("text");
        var raw = Scalar("SELECT wide FROM t WHERE id = 1");
        _types.ReadDecimalText(raw, Wide).Should().Be(thirty);
        var asDecimal = () => _types.ReadDecimal(raw, Wide);
        asDecimal.Should().Throw<OverflowException>().WithMessage("*ReadDecimalText*");

        // 16 digits fit a decimal: kept as TEXT, read back exactly, also with fewer decimals than the scale.
        Insert(2, "wide", 123456.7890123456m);
        Scalar("SELECT typeof(wide) FROM t WHERE id = 2").Should().Be("text");
        _types.ReadDecimal(Scalar("SELECT wide FROM t WHERE id = 2"), Wide)!.Value.ToString(CultureInfo.InvariantCulture).Should().Be("123456.7890123456");
        Insert(3, "wide", 12345678901234567.5m);
        _types.ReadDecimalText(Scalar("SELECT wide FROM t WHERE id = 3"), Wide).Should().Be("12345678901234567.5000000000");
    }

    [Fact]
    public void Null_reads_as_null()
    {
        Insert(1, "money", null);
        var raw = Scalar("SELECT money FROM t WHERE id = 1");
        raw.Should().Be(DBNull.Value);
        _types.ReadDecimal(raw, Money).Should().BeNull();
        _types.ReadDecimalText(null, Money).Should().BeNull();
    }

    [Theory]
    [InlineData(420L, "420.00")]
    [InlineData(89.9d, "89.90")]
    [InlineData(1e-2d, "0.01")]
    [InlineData("1.5E+2", "150.00")]
    [InlineData("  7.1  ", "7.10")]
    [InlineData("-0", "0.00")]
    [InlineData("89.900", "89.90")]
    public void Every_form_a_provider_returns_is_read(object raw, string expected)
    {
        _types.ReadDecimalText(raw, Money).Should().Be(expected);
        _types.ReadDecimal(raw, Money)!.Value.ToString(CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Fact]
    public void Nothing_is_rounded_or_cut()
    {
        var tooPrecise = () => _types.ReadDecimal(89.905d, Money);
        tooPrecise.Should().Throw<InvalidCastException>().WithMessage("*more than 2 decimal places*");
        var tooLarge = () => _types.ReadDecimal("123456789.00", Money);
        tooLarge.Should().Throw<OverflowException>().WithMessage("*more than 8 integer digits*");
        var notANumber = () => _types.ReadDecimal("abc", Money);
        notANumber.Should().Throw<InvalidCastException>();
        var notADecimalType = () => _types.ReadDecimal(1m, DataType.Int);
        notADecimalType.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Engines_that_keep_the_scale_are_unchanged()
    {
        SqlDialects.PostgreSql.Types.ReadDecimal(420.00m, Money)!.Value.ToString(CultureInfo.InvariantCulture).Should().Be("420.00");
        SqlDialects.MariaDb.Types.ReadDecimal(420m, Money)!.Value.ToString(CultureInfo.InvariantCulture).Should().Be("420.00");
    }

    public void Dispose() => _connection.Dispose();

    private void Insert(int id, string column, object? value)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO t (id, {column}) VALUES (@id, @value)";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@value", SqlDialects.Sqlite.ToDbValue(value, column == "money" ? Money : Wide));
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

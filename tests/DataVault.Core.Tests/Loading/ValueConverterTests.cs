using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

public class ValueConverterTests
{
    public static TheoryData<string, DataType, object> GoodText => new()
    {
        { "42", DataType.Int, 42 },
        { " -7 ", DataType.Int, -7 },
        { "9000000000", DataType.BigInt, 9_000_000_000L },
        { "12.5", DataType.Decimal(10, 2), 12.5m },
        { "1e2", DataType.Decimal(10, 2), 100m },
        { "12.500", DataType.Decimal(10, 2), 12.5m },
        { "2026-02-28", DataType.Date, new DateOnly(2026, 2, 28) },
        { "08:15", DataType.Time, new TimeOnly(8, 15) },
        { "08:15:30.1234567", DataType.Time, new TimeOnly(8, 15, 30).Add(TimeSpan.FromTicks(1_234_560)) },
        { "2026-11-29T10:00:00+02:00", DataType.Timestamp, new DateTime(2026, 11, 29, 8, 0, 0) },
        { "2026-11-29 10:00:00.1234567", DataType.Timestamp, new DateTime(2026, 11, 29, 10, 0, 0).AddTicks(1_234_560) },
        { "08:15:30.5", DataType.Time, new TimeOnly(8, 15, 30, 500) },
        { "2024-02-29", DataType.Date, new DateOnly(2024, 2, 29) },
        { "yes", DataType.Boolean, true },
        { "0", DataType.Boolean, false },
        { "0x0A0b", DataType.Binary(2), new byte[] { 10, 11 } },
    };

    [Theory]
    [MemberData(nameof(GoodText))]
    public void Text_is_parsed_with_the_invariant_culture_into_the_model_type(string text, DataType type, object expected)
    {
        ValueConverter.TryConvert(text, type, out var value).Should().BeNull();
        value.Should().BeEquivalentTo(expected);
        value!.GetType().Should().Be(expected.GetType());
    }

    [Theory]
    [InlineData("abc", "Int", "is not an integer")]
    [InlineData("3000000000", "Int", "is outside the range of INT")]
    [InlineData("1,5", "Decimal", "is not a decimal number")]
    [InlineData("1.555", "Decimal", "has more than 2 decimal places (decimal(5,2))")]
    [InlineData("1000", "Decimal", "does not fit decimal(5,2)")]
    [InlineData("29/11/2026", "Date", "is not a date (expected yyyy-MM-dd)")]
    [InlineData("2026-02-30", "Date", "is not a date (expected yyyy-MM-dd)")]
    [InlineData("25:00", "Time", "is not a time (expected HH:mm:ss[.ffffff])")]
    [InlineData("24:00:00", "Time", "is not a time (expected HH:mm:ss[.ffffff])")]
    [InlineData("2025-02-29", "Date", "is not a date (expected yyyy-MM-dd)")]
    [InlineData("maybe", "Boolean", "is not a boolean (true/false, 1/0, yes/no)")]
    [InlineData("toolong", "String", "is 7 characters long; the column holds at most 5")]
    [InlineData("1\0", "Int", "contains a NUL character (U+0000)")]
    [InlineData("1\0abc", "Int", "contains a NUL character (U+0000)")]
    [InlineData("1.50\0", "Decimal", "contains a NUL character (U+0000)")]
    [InlineData("2026-01-01\0", "Date", "contains a NUL character (U+0000)")]
    public void Bad_text_gets_a_reason(string text, string kind, string reason)
    {
        var type = kind switch
        {
            "Int" => DataType.Int,
            "Decimal" => DataType.Decimal(5, 2),
            "Date" => DataType.Date,
            "Time" => DataType.Time,
            "Boolean" => DataType.Boolean,
            _ => DataType.String(5),
        };
        ValueConverter.TryConvert(text, type, out _).Should().Be(reason);
    }

    [Fact]
    public void Typed_values_are_converted_and_checked()
    {
        ValueConverter.TryConvert(5L, DataType.Int, out var i).Should().BeNull();
        i.Should().Be(5);
        ValueConverter.TryConvert(long.MaxValue, DataType.Int, out _).Should().Be("is outside the range of INT");
        ValueConverter.TryConvert(new DateTime(2026, 1, 1), DataType.Date, out var d).Should().BeNull();
        d.Should().Be(new DateOnly(2026, 1, 1));
        ValueConverter.TryConvert(new DateTime(2026, 1, 1, 5, 0, 0), DataType.Date, out _).Should().Be("has a time of day; the column is a DATE");
        ValueConverter.TryConvert(new DateTimeOffset(2026, 1, 1, 5, 0, 0, TimeSpan.FromHours(1)), DataType.Timestamp, out var t).Should().BeNull();
        t.Should().Be(new DateTime(2026, 1, 1, 4, 0, 0));
        ((DateTime)t!).Kind.Should().Be(DateTimeKind.Unspecified);
        ValueConverter.TryConvert(1.25, DataType.Decimal(5, 2), out var m).Should().BeNull();
        m.Should().Be(1.25m);
        ValueConverter.TryConvert(new object(), DataType.Int, out _).Should().Be("is a Object, which cannot be stored as int");
        ValueConverter.TryConvert(null, DataType.Int, out var n).Should().BeNull();
        n.Should().BeNull();
    }
}

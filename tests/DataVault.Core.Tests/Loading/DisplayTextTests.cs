using DataVault.Core.Loading;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>Values from the data are shown escaped in messages: no terminal escape, NUL or bidi override gets through.</summary>
public class DisplayTextTests
{
    public static TheoryData<string, string> Escapes() => new()
    {
        { "plain text, ünïcödé, 日本, 😀", "plain text, ünïcödé, 日本, 😀" },
        { "\u001b[31mred\u001b[0m", "\\u001b[31mred\\u001b[0m" },
        { "a\0b", "a\\u0000b" },
        { "tab\tline\nreturn\r", "tab\\u0009line\\u000areturn\\u000d" },
        { "del\u007f c1\u0085\u009b", "del\\u007f c1\\u0085\\u009b" },
        { "line\u2028para\u2029", "line\\u2028para\\u2029" },
        { "\u202eevil\u202c \u2066iso\u2069 \u200e\u200f\u061c", "\\u202eevil\\u202c \\u2066iso\\u2069 \\u200e\\u200f\\u061c" },
        { "back\\slash stays", "back\\slash stays" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Unprintable_characters_are_escaped_and_the_rest_is_kept(string text, string shown) =>
        DisplayText.Of(text).Should().Be(shown);

    [Fact]
    public void Lone_surrogates_are_escaped_and_pairs_are_kept()
    {
        // Not theory data: the test runner's serialisation would replace the lone surrogates.
        DisplayText.Of("lone \ud800 surrogate \udc00 pair \ud83d\ude00").Should().Be("lone \\ud800 surrogate \\udc00 pair \ud83d\ude00");
    }

    [Fact]
    public void Text_without_unprintable_characters_is_the_same_instance()
    {
        var text = "customer C1";
        DisplayText.Of(text).Should().BeSameAs(text);
        DisplayText.OfNullable(null).Should().BeNull();
    }

    public static TheoryData<string, string> Messages() => new()
    {
        { LoadMessages.RowProblem("name", "\u001b[31m\0", "is too long"), "'\\u001b[31m\\u0000' is too long" },
        { LoadMessages.RowProblem("name", new string('x', 76) + new string('\u001b', 5), "is too long"), "'" + new string('x', 76) + "\\u001b...' is too long" },
        { LoadMessages.Value("a\u202eb"), "a\\u202eb" },
        { LoadMessages.BadRow("c.csv, line 2", "na\u001bme", "'x' is bad"), "c.csv, line 2, column na\\u001bme: 'x' is bad" },
        { LoadMessages.KeyValues([("customer_id", "C\u00002")]), " (customer_id = 'C\\u00002')" },
        { LoadMessages.StoredConflict("sat_c", "k\u001b", "d"), "sat_c: the batch's row for key k\\u001b at load date d differs from the row already stored with the same key and load date. A rerun must carry the same data; load changed data with a new load timestamp." },
        { LoadMessages.MalformedRecord("a.csv", 3, "bad \u001b[2J"), "a.csv, line 3: bad \\u001b[2J" },
        { LoadMessages.DuplicateColumn("d.csv", "x\u0007", 1, 2), "d.csv: the column 'x\\u0007' appears twice (columns 1 and 2); headers must be unique." },
        { LoadMessages.MissingColumns("m.csv", ["name"], "sat_c", ["id\u001b"]), "m.csv: the column(s) name required by sat_c are missing (columns present: id\\u001b)." },
        { LoadMessages.DerivedFailed("no \0"), "could not be computed: no \\u0000" },
        { LoadMessages.BatchFailed("b1", "value '\u001b' rejected"), "Batch 'b1' failed and was rolled back: value '\\u001b' rejected" },
        { LoadMessages.Location("a\u001b.csv", "line", 3), "a\\u001b.csv, line 3" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Messages_show_data_values_escaped(string message, string expected)
    {
        message.Should().Be(expected);
        message.Should().NotContainAny("\u001b", "\0");
    }
}

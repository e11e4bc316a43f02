using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The behaviour of <see cref="DataVaultHasher.Default"/> (standard <c>dv2-default-v1</c>). Each expected value is
/// computed here as <c>MD5(UTF-8(s))</c> of a literal <c>s</c>: the standardised input the rules prescribe, so each
/// test states exactly which bytes are hashed.
/// </summary>
public class DefaultStandardTests
{
    private static readonly DataVaultHasher Hasher = DataVaultHasher.Default;

    [Fact]
    public void Default_hasher_uses_the_dv2_default_v1_standard()
    {
        Hasher.Standard.Should().Be(HashingStandards.Default);
        Hasher.Standard.Id.Should().Be("dv2-default-v1");
        HashingStandards.Get("dv2-default-v1").Should().BeSameAs(HashingStandards.Default);
    }

    // ---- Trimming: U+0020 only ----

    [Theory]
    [InlineData("CUST0001", "CUST0001")]
    [InlineData(" cust0001 ", "CUST0001")]
    [InlineData("     cust0001", "CUST0001")]
    [InlineData("cust0001     ", "CUST0001")]
    [InlineData("  cust 0001  ", "CUST 0001")] // inner spaces stay
    public void Key_trims_leading_and_trailing_spaces(string value, string expectedInput) =>
        Key(value).Should().Be(Md5Hex(expectedInput));

    [Theory]
    [InlineData("\tcust\t", "\tCUST\t")]
    [InlineData("\ncust\n", "\nCUST\n")]
    [InlineData("\r\ncust\r\n", "\r\nCUST\r\n")]
    [InlineData("\u00A0cust\u00A0", "\u00A0CUST\u00A0")] // NO-BREAK SPACE
    [InlineData("\u2003cust\u3000", "\u2003CUST\u3000")] // EM SPACE, IDEOGRAPHIC SPACE
    [InlineData(" \t cust \t ", "\t CUST \t")] // only the outer U+0020 go
    public void Key_keeps_whitespace_other_than_U0020(string value, string expectedInput) =>
        Key(value).Should().Be(Md5Hex(expectedInput));

    [Fact]
    public void Diff_trims_U0020_and_keeps_tabs_newlines_and_nbsp()
    {
        Diff("  Alice  ").Should().Be(Md5Hex("Alice"));
        Diff("\tAlice\n").Should().Be(Md5Hex("\tAlice\n"));
        Diff("\u00A0Alice\u00A0").Should().Be(Md5Hex("\u00A0Alice\u00A0"));
    }

    // ---- Empty and space-only are NULL ----

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("          ")]
    public void Key_empty_or_space_only_part_is_NULL(string value)
    {
        Key("a", value).Should().Be(Md5Hex("A||^^"));
        Key(value, "a").Should().Be(Md5Hex("^^||A"));
        Key("a", value).Should().Be(Key("a", null));
    }

    [Fact]
    public void Key_tab_only_part_is_not_NULL()
    {
        Key("a", "\t").Should().Be(Md5Hex("A||\t"));
        Key("a", "\t").Should().NotBe(Key("a", null));
    }

    [Fact]
    public void Diff_empty_or_space_only_part_is_NULL()
    {
        Diff(string.Empty, "x").Should().Be(Md5Hex("^^||x"));
        Diff("   ", "x").Should().Be(Md5Hex("^^||x"));
    }

    // ---- Key casing: simple, invariant upper-case mapping ----

    [Theory]
    [InlineData("cust0001", "CUST0001")]
    [InlineData("straße", "STRAßE")] // ß has no simple upper-case mapping (only the full one, "SS")
    [InlineData("café", "CAFÉ")]
    [InlineData("é", "É")]
    [InlineData("müller-lüdenscheidt", "MÜLLER-LÜDENSCHEIDT")]
    [InlineData("ñandú", "ÑANDÚ")]
    [InlineData("αβγ", "ΑΒΓ")]
    [InlineData("мир", "МИР")]
    [InlineData("i", "I")]
    [InlineData("ǆ", "Ǆ")]
    [InlineData("MiXeD 123 ÄöÜ", "MIXED 123 ÄÖÜ")]
    public void Key_upper_cases_with_the_simple_invariant_mapping(string value, string expectedInput) =>
        Key(value).Should().Be(Md5Hex(expectedInput));

    [Fact]
    public void Key_upper_cases_dotless_i_to_capital_I()
    {
        // U+0131 LATIN SMALL LETTER DOTLESS I has the simple upper-case mapping U+0049 'I' (UnicodeData.txt),
        // which .NET's invariant casing alone leaves out.
        Key("ı").Should().Be(Md5Hex("I"), "the simple invariant mapping of 'ı' (U+0131) is 'I' (U+0049)");
        Key("dıyarbakır").Should().Be(Md5Hex("DIYARBAKIR"));
        Key("ı|").Should().Be(Md5Hex("I\\|"), "the escaping path upper-cases the same way");
    }

    [Fact]
    public void Key_upper_casing_does_not_depend_on_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            var turkish = CultureInfo.GetCultureInfo("tr-TR");
            CultureInfo.CurrentCulture = turkish;
            CultureInfo.CurrentUICulture = turkish;

            // The culture really is in force: culture-sensitive upper-casing maps 'i' to 'İ' (U+0130) here.
            "i".ToUpper(CultureInfo.CurrentCulture).Should().Be("\u0130");

            Key("i").Should().Be(Md5Hex("I"));
            Key("istanbul").Should().Be(Md5Hex("ISTANBUL"));
            Key("ıi").Should().Be(Md5Hex("II"));

            // Typed values too: their canonical text is invariant under any culture.
            using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
            row.Append(1234.5m, 10, 2);
            row.Append(new DateOnly(2024, 2, 29));
            row.Append(-7L);
            Encoding.UTF8.GetString(row.HashInput).Should().Be("1234.50||2024-02-29||-7");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [Fact]
    public void Diff_keeps_case()
    {
        Diff("Straße", "café", "ı", "MiXeD").Should().Be(Md5Hex("Straße||café||ı||MiXeD"));
        Diff("abc").Should().NotBe(Diff("ABC"));
    }

    // ---- Escaping ----

    [Theory]
    [InlineData("a\\b", "A\\\\B")]
    [InlineData("a|b", "A\\|B")]
    [InlineData("a^b", "A\\^B")]
    [InlineData("^^", "\\^\\^")]
    [InlineData("||", "\\|\\|")]
    [InlineData("\\", "\\\\")]
    [InlineData("\\|", "\\\\\\|")]
    [InlineData("é|ü", "É\\|Ü")] // escaping on the non-ASCII path too
    public void Key_escapes_backslash_pipe_and_caret(string value, string expectedInput) =>
        Key(value).Should().Be(Md5Hex(expectedInput));

    [Fact]
    public void Diff_escapes_backslash_pipe_and_caret_and_keeps_case()
    {
        Diff("a\\b|c^d").Should().Be(Md5Hex("a\\\\b\\|c\\^d"));
        Diff("x", "|y").Should().Be(Md5Hex("x||\\|y"));
    }

    [Fact]
    public void Escaping_keeps_a_delimiter_inside_a_value_apart_from_a_real_delimiter()
    {
        Key("a|", "b").Should().Be(Md5Hex("A\\|||B"));
        Key("a", "|b").Should().Be(Md5Hex("A||\\|B"));
        Key("a|", "b").Should().NotBe(Key("a", "|b"));
        Key("a||b").Should().NotBe(Key("a", "b"));
    }

    // ---- NULL and joining ----

    [Fact]
    public void Key_NULL_part_is_the_token_and_parts_are_joined_with_double_pipe()
    {
        Key("a", null, "b").Should().Be(Md5Hex("A||^^||B"));
        Key(null, "a").Should().Be(Md5Hex("^^||A"));
        Key("a", null).Should().Be(Md5Hex("A||^^")); // keys keep trailing NULLs
        Key("a", "b", "c").Should().Be(Md5Hex("A||B||C"));
    }

    [Fact]
    public void NULL_part_differs_from_the_text_of_the_NULL_token()
    {
        Key("a", null).Should().NotBe(Key("a", "^^"));
        Key("a", "^^").Should().Be(Md5Hex("A||\\^\\^"));
        Diff(null, "x").Should().NotBe(Diff("^^", "x"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void All_NULL_key_is_the_zero_key(int partCount)
    {
        var parts = new string?[partCount];
        Key(parts).Should().Be(new string('0', 32));
        Hasher.HashKeyBytes(parts).Should().Equal(new byte[16]);
    }

    [Fact]
    public void Key_of_only_empty_and_space_parts_is_the_zero_key()
    {
        Key(string.Empty, "   ", null).Should().Be(new string('0', 32));
        Hasher.HashKeyBytes(string.Empty, " ").Should().Equal(new byte[16]);
    }

    // ---- Diffs: trailing NULLs are left out ----

    [Fact]
    public void Diff_drops_trailing_NULL_parts()
    {
        Diff("a", null, null).Should().Be(Diff("a"));
        Diff("a", null, null).Should().Be(Md5Hex("a"));
        Diff("a", string.Empty, "  ").Should().Be(Md5Hex("a"));
    }

    [Fact]
    public void Diff_keeps_NULL_parts_before_the_last_non_NULL_part()
    {
        Diff("a", null, "b").Should().Be(Md5Hex("a||^^||b"));
        Diff("a", null, "b", null).Should().Be(Md5Hex("a||^^||b"));
        Diff(null, "a").Should().Be(Md5Hex("^^||a"));
        Diff("a", null, "b").Should().NotBe(Diff("a", "b"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void All_NULL_diff_is_the_MD5_of_the_empty_string(int partCount)
    {
        // d41d8cd98f00b204e9800998ecf8427e is MD5("") from the RFC 1321 test suite (appendix A.5).
        var parts = new string?[partCount];
        Diff(parts).Should().Be(Md5Hex(string.Empty));
        Diff(parts).Should().Be("d41d8cd98f00b204e9800998ecf8427e");
        Diff(string.Empty, " ").Should().Be("d41d8cd98f00b204e9800998ecf8427e");
    }

    // ---- Unicode: surrogate pairs and lone surrogates ----

    [Fact]
    public void Emoji_surrogate_pairs_are_hashed_as_their_UTF8()
    {
        Key("a😀b").Should().Be(Md5Hex("A😀B"));
        Key("é😀ß").Should().Be(Md5Hex("É😀ß"));
        Key("😀|").Should().Be(Md5Hex("😀\\|"));
        Diff("a😀b", "👍🏽").Should().Be(Md5Hex("a😀b||👍🏽"));
        Key("𐐨").Should().Be(Md5Hex("𐐀"), "DESERET SMALL LETTER LONG I (U+10428) upper-cases to U+10400, outside the BMP");
    }

    // Lone surrogates cannot be written in attribute arguments (which are stored as UTF-8), so these cases are data.
    private static readonly (string Value, string ExpectedKeyInput, string ExpectedDiffInput)[] LoneSurrogateCases =
    [
        ("a\uD800b", "A\uFFFDB", "a\uFFFDb"), // lone high surrogate
        ("a\uDC00b", "A\uFFFDB", "a\uFFFDb"), // lone low surrogate
        ("a\uD83D", "A\uFFFD", "a\uFFFD"), // high surrogate at the end
        ("\uDE00\uD83Da", "\uFFFD\uFFFDA", "\uFFFD\uFFFDa"), // a pair in the wrong order
        ("\uD800|", "\uFFFD\\|", "\uFFFD\\|"), // on the escaping path
        ("x\uDC00^é", "X\uFFFD\\^É", "x\uFFFD\\^é"), // escaping and non-ASCII together
    ];

    [Fact]
    public void Lone_surrogate_is_hashed_as_U_FFFD_in_keys_and_diffs()
    {
        foreach (var (value, expectedKeyInput, expectedDiffInput) in LoneSurrogateCases)
        {
            var codeUnits = string.Join(" ", value.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
            char.IsSurrogate(value, value.IndexOfAny(['\uD800', '\uDC00', '\uD83D', '\uDE00'])).Should().BeTrue("the case must really hold a surrogate");
            Key(value).Should().Be(Md5Hex(expectedKeyInput), "key of code units {0}", codeUnits);
            Diff(value).Should().Be(Md5Hex(expectedDiffInput), "diff of code units {0}", codeUnits);
        }
    }

    // ---- Inputs longer than any stack buffer ----

    [Fact]
    public void Key_of_ten_plain_parts_of_5000_chars_equals_the_independent_value()
    {
        var parts = Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 5000)).ToArray();
        Key(parts).Should().Be(Md5Hex(string.Join("||", parts.Select(p => p.ToUpperInvariant()))));
        Diff(parts).Should().Be(Md5Hex(string.Join("||", parts)));
    }

    [Fact]
    public void Key_of_ten_escaped_non_ASCII_parts_of_5000_chars_equals_the_independent_value()
    {
        // 10 chars a unit ("😀" is two), 500 units: 5,000 chars with escaping, non-ASCII and surrogate pairs.
        var parts = Enumerable.Range(0, 10).Select(i => string.Concat(Enumerable.Repeat("ab|c^\\é😀x", 500)) + i).ToArray();
        parts.Select(p => p.Length).Should().OnlyContain(length => length == 5001);
        Key(parts).Should().Be(Md5Hex(string.Join("||", parts.Select(p => Escape(p.ToUpperInvariant())))));
        Diff(parts).Should().Be(Md5Hex(string.Join("||", parts.Select(Escape))));
    }

    [Fact]
    public void Key_of_one_100000_char_part_equals_the_independent_value()
    {
        var plain = string.Concat(Enumerable.Repeat("customer", 12_500));
        plain.Length.Should().Be(100_000);
        Key(plain).Should().Be(Md5Hex(plain.ToUpperInvariant()));
        Diff(plain).Should().Be(Md5Hex(plain));

        var special = string.Concat(Enumerable.Repeat("äö|ü^\\ßx😀", 10_000)); // 10 chars a unit
        special.Length.Should().Be(100_000);
        Key(special).Should().Be(Md5Hex(Escape(special.ToUpperInvariant())));
        Diff(special).Should().Be(Md5Hex(Escape(special)));
        Key(" " + special + " ", "k").Should().Be(Md5Hex(Escape(special.ToUpperInvariant()) + "||K"));
    }

    // ---- The typed writer: canonical text ----

    [Theory]
    [InlineData(42L, "42")]
    [InlineData(-7L, "-7")]
    [InlineData(0L, "0")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    [InlineData(1234567L, "1234567")] // no group separators
    public void Writer_long_is_invariant_digits(long value, string expected)
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(value);
        Encoding.UTF8.GetString(row.HashInput).Should().Be(expected);
        row.ToHexString().Should().Be(Md5Hex(expected));
    }

    [Theory]
    [InlineData("19.9", 10, 2, "19.90")]
    [InlineData("19.900", 10, 2, "19.90")]
    [InlineData("0.5", 10, 2, "0.50")]
    [InlineData("-0.5", 10, 2, "-0.50")]
    [InlineData(".5", 10, 3, "0.500")]
    [InlineData("7", 10, 0, "7")]
    [InlineData("1234567.5", 10, 2, "1234567.50")]
    [InlineData("99999999.99", 10, 2, "99999999.99")]
    [InlineData("-99999999.99", 10, 2, "-99999999.99")]
    public void Writer_decimal_has_exactly_the_declared_scale(string value, int precision, int scale, string expected)
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(decimal.Parse(value, CultureInfo.InvariantCulture), precision, scale);
        Encoding.UTF8.GetString(row.HashInput).Should().Be(expected);
    }

    [Fact]
    public void Writer_negative_zero_decimal_is_written_as_zero()
    {
        var negativeZero = new decimal(0, 0, 0, isNegative: true, scale: 2);
        decimal.IsNegative(negativeZero).Should().BeTrue("the test needs a real negative zero");
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(negativeZero, 10, 2);
        row.Append(-0.00m, 10, 2);
        Encoding.UTF8.GetString(row.HashInput).Should().Be("0.00||0.00");
    }

    [Fact]
    public void Writer_date_is_yyyy_MM_dd()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(new DateOnly(2024, 2, 29));
        row.Append(new DateOnly(1, 1, 1));
        row.Append(new DateOnly(9999, 12, 31));
        Encoding.UTF8.GetString(row.HashInput).Should().Be("2024-02-29||0001-01-01||9999-12-31");
    }

    [Fact]
    public void Writer_time_truncates_the_seventh_tick_digit()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(new TimeOnly(13, 45, 30).Add(TimeSpan.FromTicks(1_234_567)));
        row.Append(new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_999)));
        row.Append(new TimeOnly(0, 0));
        Encoding.UTF8.GetString(row.HashInput).Should().Be("13:45:30.123456||23:59:59.999999||00:00:00.000000");
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public void Writer_timestamp_is_the_wall_clock_value_whatever_its_kind(DateTimeKind kind)
    {
        var value = new DateTime(2024, 3, 1, 23, 59, 58, kind).AddTicks(9_876_549);
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(value);
        Encoding.UTF8.GetString(row.HashInput).Should().Be("2024-03-01 23:59:58.987654");
    }

    [Fact]
    public void Writer_timestamp_with_offset_is_converted_to_UTC()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(new DateTimeOffset(2024, 3, 1, 1, 2, 3, TimeSpan.FromHours(2)).AddTicks(1_234_567));
        row.Append(new DateTimeOffset(2023, 12, 31, 22, 0, 0, TimeSpan.FromHours(-5)));
        row.Append(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
        Encoding.UTF8.GetString(row.HashInput).Should().Be("2024-02-29 23:02:03.123456||2024-01-01 03:00:00.000000||2024-06-01 12:00:00.000000");
    }

    [Fact]
    public void Writer_bool_guid_and_binary_canonical_text()
    {
        var guid = Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E");
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(true);
        row.Append(false);
        row.Append(guid);
        row.Append(new byte[] { 0x00, 0xAB, 0x0F, 0xFF });
        Encoding.UTF8.GetString(row.HashInput).Should().Be("true||false||0f8fad5b-d9cb-469f-a165-70867728950e||00AB0FFF");
    }

    [Fact]
    public void Writer_every_null_variant_is_the_NULL_token()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append((string?)null);
        row.Append((long?)null);
        row.Append((decimal?)null, 10, 2);
        row.Append((DateOnly?)null);
        row.Append((TimeOnly?)null);
        row.Append((DateTime?)null);
        row.Append((DateTimeOffset?)null);
        row.Append((bool?)null);
        row.Append((Guid?)null);
        row.Append((byte[]?)null);
        row.AppendNull();
        row.AllPartsNull.Should().BeTrue();
        row.PartCount.Should().Be(11);
        row.HashInput.Length.Should().Be(0, "trailing NULL parts are left out of a diff");

        row.Append("x");
        row.AllPartsNull.Should().BeFalse();
        Encoding.UTF8.GetString(row.HashInput).Should().Be(string.Join("||", Enumerable.Repeat("^^", 11)) + "||x");
    }

    [Fact]
    public void Writer_nullable_values_with_a_value_are_written_like_the_value()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append((long?)42L);
        row.Append((decimal?)19.9m, 10, 2);
        row.Append((bool?)true);
        row.Append((DateOnly?)new DateOnly(2024, 1, 2));
        Encoding.UTF8.GetString(row.HashInput).Should().Be("42||19.90||true||2024-01-02");
    }

    [Fact]
    public void Writer_key_upper_cases_the_canonical_text_of_typed_values()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Key, stackalloc byte[256]);
        row.Append(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        row.Append(true);
        row.Append((string?)null);
        Encoding.UTF8.GetString(row.HashInput).Should().Be("0F8FAD5B-D9CB-469F-A165-70867728950E||TRUE||^^");
        row.ToHexString().Should().Be(Md5Hex("0F8FAD5B-D9CB-469F-A165-70867728950E||TRUE||^^"));
    }

    [Fact]
    public void Writer_typed_diff_hash_is_the_MD5_of_the_joined_canonical_text()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append(" Alice ");
        row.Append(19.9m, 10, 2);
        row.Append(new DateOnly(1990, 5, 17));
        row.Append((string?)null);
        row.Append(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        row.Append(false);
        row.Append((Guid?)null);
        const string Expected = "Alice||19.90||1990-05-17||^^||2024-01-02 03:04:05.000000||false";
        Encoding.UTF8.GetString(row.HashInput).Should().Be(Expected);
        row.ToHexString().Should().Be(Md5Hex(Expected));
    }

    [Fact]
    public void Writer_text_matches_the_string_API()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Key, stackalloc byte[256]);
        row.Append(" straße ");
        row.Append("a|b".AsSpan());
        row.Append((string?)null);
        row.ToHexString().Should().Be(Key(" straße ", "a|b", null));
        Encoding.UTF8.GetString(row.HashInput).Should().Be("STRAßE||A\\|B||^^");
    }

    [Fact]
    public void Writer_Reset_starts_a_new_row()
    {
        using var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append("first");
        row.Append("row");
        row.Reset();
        row.PartCount.Should().Be(0);
        row.Append("second");
        Encoding.UTF8.GetString(row.HashInput).Should().Be("second");
        row.ToHexString().Should().Be(Md5Hex("second"));
    }

    [Fact]
    public void Writer_with_a_small_or_empty_buffer_grows_into_a_pooled_one()
    {
        var value = new string('q', 1000);
        using (var row = Hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[8]))
        {
            row.Append(value);
            row.Append("z|");
            row.ToHexString().Should().Be(Md5Hex(value + "||z\\|"));
        }

        using (var row = Hasher.CreateWriter(HashPurpose.Diff))
        {
            row.Append(value);
            row.ToHexString().Should().Be(Md5Hex(value));
        }
    }

    private static string Md5Hex(string standardisedInput) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(standardisedInput)));

    private static string? Key(params string?[] parts) => Hasher.HashKeyHex(parts);

    private static string? Diff(params string?[] parts) => Hasher.HashDiffHex(parts);

    /// <summary>The backslash escape of <c>dv2-default-v1</c>, written independently: <c>\</c> first, then <c>|</c> and <c>^</c>.</summary>
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("^", "\\^", StringComparison.Ordinal);
}

using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The AutomateDV and datavault4dbt presets against the strings their SQL macros build (docs/hashing.md, "Presets").
/// Each case states the exact pre-hash string the package's SQL produces; the expected digest is MD5 of that string.
/// </summary>
public class PresetStandardTests
{
    private static readonly DataVaultHasher AutomateDv = new(HashingStandards.AutomateDv);
    private static readonly DataVaultHasher DataVault4Dbt = new(HashingStandards.DataVault4Dbt);

    private static string Md5Hex(string input) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(input)));

    private static string Input(DataVaultHasher hasher, HashPurpose purpose, params string?[] parts)
    {
        using var row = hasher.CreateWriter(purpose, stackalloc byte[64]);
        foreach (var part in parts)
        {
            row.Append(part);
        }

        return Encoding.UTF8.GetString(row.HashInput);
    }

    [Theory]
    [InlineData(new[] { "cust1 " }, "CUST1")]
    [InlineData(new[] { "cust1", null, " x " }, "CUST1||^^||X")]
    [InlineData(new[] { "a||b", "^^" }, "A||B||^^")] // AutomateDV does not escape: these collide with ["A","B","^^"]
    [InlineData(new[] { "tab\there", "" }, "TAB\tHERE||^^")]
    public void AutomateDv_key_is_upper_trim_with_placeholders_and_no_escaping(string?[] parts, string expectedInput)
    {
        Input(AutomateDv, HashPurpose.Key, parts).Should().Be(expectedInput);
        Convert.ToHexStringLower(AutomateDv.HashKeyBytes(parts)!).Should().Be(Md5Hex(expectedInput));
    }

    [Fact]
    public void AutomateDv_all_null_key_is_null_and_all_null_diff_is_hashed()
    {
        AutomateDv.HashKeyBytes(null, "", "  ").Should().BeNull();
        AutomateDv.HashKeyBytes([null]).Should().BeNull();
        AutomateDv.ComputeHashKey([null, null], stackalloc byte[16]).Should().Be(0);
        Convert.ToHexStringLower(AutomateDv.HashDiffBytes(null, null, null)!).Should().Be("3c92e664b39d90428dbc94975b5dda58"); // AutomateDV docs: ^^||^^||^^
    }

    [Fact]
    public void AutomateDv_diff_is_upper_cased_and_keeps_trailing_nulls()
    {
        Input(AutomateDv, HashPurpose.Diff, "Jo \"x\"", null).Should().Be("JO \"X\"||^^");
        AutomateDv.Standard.OutputForm.Should().Be(HashOutputForm.Binary);
    }

    [Fact]
    public void AutomateDv_sorts_diff_columns_like_jinja_sort()
    {
        string[] declared = ["PHONE", "name", "DOB", "a_b", "ab"];
        var order = HashingStandards.AutomateDv.OrderDiffColumns(declared);
        order.Select(i => declared[i]).Should().Equal("a_b", "ab", "DOB", "name", "PHONE");
        HashingStandards.Default.OrderDiffColumns(declared).Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void AutomateDv_worked_example_a4_from_the_research_notes()
    {
        // columns [PHONE, NAME, DOB] sorted → DOB, NAME, PHONE; PHONE='a||b', NAME='Jo "x"', DOB=NULL
        Convert.ToHexStringLower(AutomateDv.HashDiffBytes(null, "Jo \"x\"", "a||b")!).Should().Be("eaa55728f334c7a3c9d94490beb94660");
    }

    [Theory]
    [InlineData(new[] { "cust1" }, "\"CUST1\"")]
    [InlineData(new[] { " Cust1 ", null, "a||b" }, "\"CUST1\"||^^||\"ADV4DBT-CONCAT-REPLACEMENTB\"")]
    [InlineData(new[] { "", "  ", null }, "\"\"||\"\"||^^")]
    [InlineData(new[] { "x^^y", "say \"hi\"" }, "\"XDV4DBT-NULL-REPLACEMENTY\"||\"SAY DV4DBT-QUOTE-REPLACEMENTHIDV4DBT-QUOTE-REPLACEMENT\"")]
    [InlineData(new[] { "C:\\a\\b" }, "\"C:\\\\A\\\\B\"")]
    public void DataVault4Dbt_key_quotes_replaces_and_upper_cases_the_joined_string(string?[] parts, string expectedInput)
    {
        Input(DataVault4Dbt, HashPurpose.Key, parts).Should().Be(expectedInput);
        DataVault4Dbt.HashKeyHex(parts).Should().Be(Md5Hex(expectedInput));
    }

    [Fact]
    public void DataVault4Dbt_worked_examples_from_the_research_notes()
    {
        DataVault4Dbt.HashKeyHex("cust1").Should().Be("02df328662687857529c38de64f8d030");
        DataVault4Dbt.HashKeyHex(" Cust1 ", null, "a||b").Should().Be("0f0645f10e0a16cef9331d6bafac4357");
        DataVault4Dbt.HashKeyHex("", "  ", null).Should().Be("3428f2f48afe781bd497588fc142c327");
    }

    [Fact]
    public void DataVault4Dbt_diff_keeps_case_removes_control_characters_and_all_null_is_zero()
    {
        Input(DataVault4Dbt, HashPurpose.Diff, "line1\nline2\r\nline3", "a\tb\vc").Should().Be("\"line1line2line3\"||\"abc\"");
        Input(DataVault4Dbt, HashPurpose.Diff, "Berlin", null, null).Should().Be("\"Berlin\"||^^||^^");
        DataVault4Dbt.HashDiffHex(null, null, null).Should().Be(new string('0', 32));
        DataVault4Dbt.HashKeyHex(null, null, null).Should().Be(new string('0', 32));
    }
}

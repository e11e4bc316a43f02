using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Hashing.Standardization;
using DataVault.Core.Tests.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The standardisation plan: built once per standard and purpose in the documented order, listed in docs/hashing.md
/// for every built-in standard, and run by the span path exactly as written — wrap before casing included.
/// </summary>
public class StandardizationPlanTests
{
    /// <summary>One line per built-in standard and purpose, as docs/hashing.md lists them.</summary>
    public static IEnumerable<string> PlanLines() =>
        HashingStandards.All.Values.SelectMany(s => new[] { HashPurpose.Key, HashPurpose.Diff }.Select(p => $"{s.Id} {p.ToString().ToLowerInvariant()}: {StandardizationPlan.For(s, p)}"));

    [Fact]
    public void Docs_list_the_plan_of_every_built_in_standard_and_purpose()
    {
        var doc = RepositoryFiles.Read("docs/hashing.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = doc.IndexOf("```text\n", doc.IndexOf("### The plan of each standard", StringComparison.Ordinal), StringComparison.Ordinal) + "```text\n".Length;
        var block = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        block.Should().Equal(PlanLines(), "docs/hashing.md shows each built-in standard's plan exactly as the code builds it");
    }

    [Fact]
    public void The_default_standard_trims_nulls_escapes_and_upper_cases_keys_only()
    {
        StandardizationPlan.For(HashingStandards.Default, HashPurpose.Key).Steps.Select(s => s.Kind).Should().Equal(
            StandardizationStepKind.TrimSpaces, StandardizationStepKind.EmptyToNull, StandardizationStepKind.Escape, StandardizationStepKind.Upper);
        StandardizationPlan.For(HashingStandards.Default, HashPurpose.Diff).Steps.Select(s => s.Kind).Should().Equal(
            StandardizationStepKind.TrimSpaces, StandardizationStepKind.EmptyToNull, StandardizationStepKind.Escape);
    }

    [Fact]
    public void Datavault4dbt_trims_replaces_in_its_nested_order_then_wraps_then_upper_cases_then_strips()
    {
        var plan = StandardizationPlan.For(HashingStandards.DataVault4Dbt, HashPurpose.Key);

        plan.Steps.Select(s => s.Kind).Should().Equal(
            StandardizationStepKind.TrimSpaces,
            StandardizationStepKind.Replace, StandardizationStepKind.Replace, StandardizationStepKind.Replace, StandardizationStepKind.Replace,
            StandardizationStepKind.Wrap, StandardizationStepKind.Upper, StandardizationStepKind.RemoveCharacters);
        plan.Steps.Where(s => s.Kind == StandardizationStepKind.Replace).Select(s => s.Token).Should().Equal("\\", "\"", "^^", "||");
        plan.FastPathWrap.Should().Equal(Encoding.UTF8.GetBytes("\""));
    }

    [Theory]
    [InlineData("ab", "QABQ")] // ASCII: the fast path
    [InlineData("äb", "QÄBQ")] // non-ASCII: the general path
    [InlineData("aqb", "QADV4DBT-QUOTE-REPLACEMENTBQ")] // a quote inside the value is replaced: the general path
    public void A_wrap_before_upper_casing_upper_cases_the_quote_on_both_paths(string value, string expected)
    {
        var standard = HashingStandards.DataVault4Dbt with { Id = "letter-quote-v1", QuoteCharacter = 'q' };
        var hasher = new DataVaultHasher(standard);
        using var key = hasher.CreateWriter(HashPurpose.Key);
        key.Append(value);
        using var diff = hasher.CreateWriter(HashPurpose.Diff);
        diff.Append(value);

        Encoding.UTF8.GetString(key.HashInput).Should().Be(expected);
        Encoding.UTF8.GetString(diff.HashInput).Should().Be("q" + value.Replace("q", "dv4dbt-quote-replacement", StringComparison.Ordinal) + "q", "diffs keep their case, the quote included");
    }

    [Fact]
    public void Replacements_longer_than_any_fixed_bound_grow_the_buffers_and_match_string_replace()
    {
        var replacement = new string('d', 300);
        var standard = HashingStandards.DataVault4Dbt with { Id = "long-tokens-v1", DelimiterReplacement = replacement, DiffCasing = TextCasing.Preserve };
        var hasher = new DataVaultHasher(standard);
        var value = string.Concat(Enumerable.Repeat("x||", 200)) + "\\\"";
        using var diff = hasher.CreateWriter(HashPurpose.Diff);
        diff.Append(value);

        var expected = "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", standard.QuoteReplacement, StringComparison.Ordinal).Replace("||", replacement, StringComparison.Ordinal) + "\"";
        Encoding.UTF8.GetString(diff.HashInput).Should().Be(expected);
    }

    [Fact]
    public void An_escape_character_is_escaped_first_so_no_written_escape_is_escaped_again()
    {
        var plan = StandardizationPlan.For(HashingStandards.Default, HashPurpose.Diff);

        plan.Steps.Single(s => s.Kind == StandardizationStepKind.Escape).Characters.Should().Be("\\|^");
        using var diff = DataVaultHasher.Default.CreateWriter(HashPurpose.Diff);
        diff.Append("a\\|^");
        Encoding.UTF8.GetString(diff.HashInput).Should().Be("a\\\\\\|\\^");
    }
}

using System.Text.RegularExpressions;
using DataVault.Core.Modeling;
using DataVault.Core.Tests.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.BusinessVault;

/// <summary>docs/business-vault.md shows generated SQL verbatim and only diagnostics that exist.</summary>
public partial class BusinessVaultDocTests
{
    private static readonly string Doc = RepositoryFiles.Read("docs/business-vault.md");

    [Fact]
    public void Every_SQL_example_is_copied_from_the_golden_files()
    {
        var examples = FencedBlock().Matches(Doc).Where(m => m.Groups["lang"].Value == "sql").Select(m => Normalize(m.Groups["code"].Value)).ToList();
        examples.Should().HaveCountGreaterThanOrEqualTo(5);

        var golden = string.Join("\n", PitSqlScenarios.Dialects
            .SelectMany(d => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Sql", "Golden", d.Folder, "business_vault"), "*.sql"))
            .Order(StringComparer.Ordinal)
            .Select(f => Normalize(File.ReadAllText(f))));
        foreach (var example in examples)
        {
            golden.Should().Contain(example, "every SQL example of docs/business-vault.md must be copied verbatim from Sql/Golden/*/business_vault");
        }
    }

    [Fact]
    public void The_diagnostic_codes_it_names_exist_and_every_PIT_code_is_named()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var named = Code().Matches(Doc).Select(m => m.Value).ToHashSet();

        named.Should().BeSubsetOf(codes);
        named.Should().Contain([DiagnosticCodes.PitWithoutHub, DiagnosticCodes.UnknownPitHub, DiagnosticCodes.UnknownPitSatellite, DiagnosticCodes.PitSatelliteNotOnHub, DiagnosticCodes.PitWithoutSatellites]);
        RepositoryFiles.Read("docs/modeling.md").Should().Contain("(business-vault.md)");
        RepositoryFiles.Read("docs/diagnostics.md").Should().Contain("(business-vault.md)");
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("-- ", StringComparison.Ordinal)).Select(l => l.TrimEnd())).Trim('\n');

    [GeneratedRegex("```(?<lang>[a-z]*)\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"DV\d{4}")]
    private static partial Regex Code();
}

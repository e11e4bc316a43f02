using System.Reflection;
using System.Text.RegularExpressions;
using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>docs/diagnostics.md lists exactly the codes of <see cref="DiagnosticCodes"/>, each once, under its constant's name.</summary>
public partial class DiagnosticsDocTests
{
    /// <summary>Every constant of <see cref="DiagnosticCodes"/>: its name and its code.</summary>
    /// <returns>The pairs, in declaration order.</returns>
    public static IReadOnlyList<(string Name, string Value)> Codes() =>
    [
        .. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)),
    ];

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = Codes();

        codes.Should().HaveCountGreaterThan(10);
        codes.Select(c => c.Value).Should().OnlyHaveUniqueItems().And.OnlyContain(v => CodePattern().IsMatch(v) && v.Length == 6);
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Should().OnlyContain(f => f.IsLiteral, "codes are compile-time constants");
    }

    [Fact]
    public void The_diagnostics_table_lists_every_code_once_and_nothing_else()
    {
        var doc = RepositoryFiles.Read("docs/diagnostics.md");
        var rows = doc.Split('\n').Select(l => TableRow().Match(l)).Where(m => m.Success).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["code"].Value)).ToList();

        rows.Should().BeEquivalentTo(Codes(), "every DiagnosticCodes constant has one row (code | name | ...), and every row is a constant");
        rows.Select(r => r.Value).Should().OnlyHaveUniqueItems();
        CodePattern().Matches(doc).Select(m => m.Value).Distinct().Should().BeSubsetOf(Codes().Select(c => c.Value), "the text mentions no code that does not exist");
    }

    [Fact]
    public void Every_row_has_when_example_and_fix()
    {
        var doc = RepositoryFiles.Read("docs/diagnostics.md");

        foreach (var line in doc.Split('\n').Where(l => TableRow().IsMatch(l)))
        {
            var cells = line.Trim().Trim('|').Split(" | ");
            cells.Should().HaveCount(5, $"row '{line}' has code, name, when, example and fix");
            cells.Should().OnlyContain(c => c.Trim().Length > 0, $"row '{line}' has no empty cell");
        }
    }

    [GeneratedRegex(@"DV\d{4}")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\|\s*`?(?<code>DV\d{4})`?\s*\|\s*`?(?<name>[A-Za-z]+)`?\s*\|")]
    private static partial Regex TableRow();
}

using System.Reflection;
using System.Text.RegularExpressions;
using DataVault.Core.Modeling;
using DataVault.Core.Modeling.Validation;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// docs/diagnostics.md lists exactly the codes of the descriptor table <see cref="ModelDiagnostics"/> — which are the
/// codes of <see cref="DiagnosticCodes"/> —, each once, under its name.
/// </summary>
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
        var rows = DocRows();

        rows.Should().BeEquivalentTo(Codes(), "every DiagnosticCodes constant has one row (code | name | ...), and every row is a constant");
        rows.Select(r => r.Value).Should().OnlyHaveUniqueItems();
        CodePattern().Matches(doc).Select(m => m.Value).Distinct().Should().BeSubsetOf(Codes().Select(c => c.Value), "the text mentions no code that does not exist");
    }

    [Fact]
    public void The_diagnostics_table_lists_the_code_and_name_of_every_descriptor_once_and_nothing_else()
    {
        var rows = DocRows();
        var described = ModelDiagnostics.All.Select(d => (d.Name, Value: d.Code)).Distinct().ToList();

        described.Should().NotBeEmpty();
        rows.Should().OnlyHaveUniqueItems("each code has one row");
        rows.Should().BeEquivalentTo(described, "every (code, name) of the descriptor table has one row, and every row is one of the table's");
    }

    [Fact]
    public void Every_descriptor_is_named_after_its_codes_constant_and_every_constant_has_a_descriptor()
    {
        var constants = Codes().ToDictionary(c => c.Value, c => c.Name);

        ModelDiagnostics.All.Should().OnlyContain(d => constants.ContainsKey(d.Code) && constants[d.Code] == d.Name, "a descriptor's Name is the DiagnosticCodes constant of its Code");
        ModelDiagnostics.All.Select(d => d.Code).Distinct().Should().BeEquivalentTo(constants.Keys, "every code has at least one descriptor");
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

    private static List<(string Name, string Value)> DocRows() =>
    [
        .. RepositoryFiles.Read("docs/diagnostics.md").Split('\n').Select(l => TableRow().Match(l)).Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["code"].Value)),
    ];

    [GeneratedRegex(@"DV\d{4}")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\|\s*`?(?<code>DV\d{4})`?\s*\|\s*`?(?<name>[A-Za-z]+)`?\s*\|")]
    private static partial Regex TableRow();
}

using System.Text.RegularExpressions;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// docs/dialects.md stays true to the code: it names every built-in dialect and its minimum version, its AcmeSQL
/// example is the compiled <c>AcmeSqlDialect.cs</c>, and its PostgreSQL load examples are the golden files.
/// </summary>
public partial class DialectsDocTests
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    private static string Doc => File.ReadAllText(Path.Combine(RepositoryRoot.Value, "docs", "dialects.md"));

    public static TheoryData<string> DialectKeys() => [.. SqlDialects.All.Keys];

    [Theory]
    [MemberData(nameof(DialectKeys))]
    public void The_doc_names_every_built_in_dialect(string key)
    {
        Doc.Should().Contain(SqlDialects.All[key].Name, $"docs/dialects.md must describe the '{key}' dialect");
    }

    [Theory]
    [MemberData(nameof(DialectKeys))]
    public void The_doc_states_each_dialects_minimum_version(string key)
    {
        var dialect = SqlDialects.All[key];
        dialect.Capabilities.MinimumVersion.Should().NotBeNullOrWhiteSpace();
        Doc.Should().Contain(dialect.Capabilities.MinimumVersion, $"docs/dialects.md must state the minimum version of {dialect.Name}");
    }

    [Fact]
    public void The_AcmeSQL_example_is_the_compiled_source_file_verbatim()
    {
        var blocks = CodeBlocks(Doc, "csharp").Where(b => b.Contains("class AcmeSqlDialect", StringComparison.Ordinal)).ToList();
        blocks.Should().ContainSingle("docs/dialects.md shows the AcmeSQL dialect once");

        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Value, "tests", "DataVault.Core.Tests", "CustomDialect", "AcmeSqlDialect.cs"));
        Normalize(blocks[0]).Should().Be(Normalize(source), "the example in docs/dialects.md must be a verbatim copy of AcmeSqlDialect.cs");
    }

    [Fact]
    public void The_PostgreSQL_load_examples_are_copied_from_the_golden_files()
    {
        var section = Section(Doc, "## 4.");
        var examples = CodeBlocks(section, "sql");
        examples.Should().NotBeEmpty("the load statements section shows PostgreSQL examples");

        var golden = string.Join("\n", Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Sql", "Golden", "postgres"), "*.sql").Order(StringComparer.Ordinal).Select(f => Normalize(File.ReadAllText(f))));
        foreach (var example in examples)
        {
            golden.Should().Contain(Normalize(example), "every SQL example of docs/dialects.md's load section must be copied verbatim from Sql/Golden/postgres");
        }
    }

    /// <summary>The contents of every fenced code block of a language.</summary>
    private static List<string> CodeBlocks(string markdown, string language) =>
        [.. FencedBlock().Matches(markdown.ReplaceLineEndings("\n")).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["code"].Value)];

    /// <summary>A level-2 section: from its heading to the next level-2 heading.</summary>
    private static string Section(string markdown, string headingStart)
    {
        var text = markdown.ReplaceLineEndings("\n");
        var start = text.IndexOf("\n" + headingStart, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"docs/dialects.md has a section '{headingStart}'");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>LF line endings, no trailing whitespace on any line, no leading or trailing blank lines.</summary>
    private static string Normalize(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataVault.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find DataVault.Core.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("^```(?<lang>[a-z]*)\\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FencedBlock();
}

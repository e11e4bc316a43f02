using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>docs/modeling.md shows code that compiles (the regions of <see cref="RetailModel"/>) and the diagram it renders.</summary>
public partial class ModelingDocsTests
{
    private static readonly string Doc = RepositoryFiles.Read("docs/modeling.md");

    [Theory]
    [InlineData("retail")]
    [InlineData("small")]
    public void The_docs_show_the_tested_code_verbatim(string region)
    {
        var source = RepositoryFiles.Read("tests/DataVault.Core.Tests/Modeling/RetailModel.cs");
        var match = Regex.Match(source, $@"// docs:begin {region}\n(?<code>.*?)\n\s*// docs:end {region}", RegexOptions.Singleline);
        match.Success.Should().BeTrue();

        Doc.Should().Contain("```csharp\n" + Dedent(match.Groups["code"].Value) + "\n```");
    }

    [Fact]
    public void The_docs_show_the_diagram_the_small_model_renders()
    {
        var mermaid = RetailModel.Small().ToMermaid().ReplaceLineEndings("\n");

        Doc.Should().Contain("```mermaid\n" + mermaid + "```");
        MermaidErGrammar.Parse(mermaid).Entities.Should().HaveCount(3);
    }

    [Fact]
    public void The_docs_link_to_the_diagnostics_page()
    {
        Doc.Should().Contain("(diagnostics.md)");
        File.Exists(Path.Combine(RepositoryFiles.Root, "docs", "diagnostics.md")).Should().BeTrue();
    }

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}

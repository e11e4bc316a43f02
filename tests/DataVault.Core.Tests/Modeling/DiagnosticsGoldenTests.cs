using System.Text;
using DataVault.Core.Modeling;
using DataVault.Core.Tests.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// The full text of every diagnostic (code, path, message, fix, in order) of every model of <see cref="InvalidModels"/>
/// is pinned in <c>Modeling/Golden/diagnostics.txt</c>: a change of wording, order or suppression shows as a diff. With
/// <c>DV_UPDATE_GOLDEN=1</c> the test rewrites the file instead (review the diff before committing it).
/// </summary>
public class DiagnosticsGoldenTests
{
    private const string GoldenPath = "tests/DataVault.Core.Tests/Modeling/Golden/diagnostics.txt";

    /// <summary>Every invalid model, its target, and its diagnostics one per line, as <see cref="ModelDiagnostic.ToString"/> prints them.</summary>
    /// <returns>The text, LF line endings.</returns>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# The diagnostics of every model of InvalidModels, in order; regenerate with DV_UPDATE_GOLDEN=1.\n");
        foreach (var (name, (model, target)) in InvalidModels.All.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append("## ").Append(name).Append(" (").Append(target?.Name ?? "portable").Append(")\n");
            foreach (var diagnostic in model().Validate(target))
            {
                text.Append(diagnostic).Append('\n');
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Every_diagnostic_reads_as_the_golden_file_says()
    {
        var actual = Render();
        if (GoldenFile.Updating)
        {
            File.WriteAllText(Path.Combine(RepositoryFiles.Root, GoldenPath), actual, new UTF8Encoding(false));
            return;
        }

        var expected = RepositoryFiles.Read(GoldenPath);
        (expected == actual).Should().BeTrue($"the diagnostics differ from {GoldenPath} (- golden, + now); if intended, rerun with {GoldenFile.UpdateVariable}=1 and review the diff:{Environment.NewLine}{GoldenFile.Diff(expected, actual)}");
    }

    [Fact]
    public void Every_invalid_model_has_a_diagnostic_and_every_valid_one_none()
    {
        InvalidModels.All.Should().OnlyContain(c => c.Value.Model().Validate(c.Value.Target).Count > 0);
        InvalidModels.ValidModels.Should().OnlyContain(c => c.Value.Model().Validate(c.Value.Target).Count == 0);
    }
}

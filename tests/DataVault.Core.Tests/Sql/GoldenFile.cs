using System.Text;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// Golden SQL files: <c>Sql/Golden/&lt;dialect&gt;/&lt;scenario&gt;.sql</c>, copied next to the tests. A test compares the
/// generated SQL with its file (LF line endings); with the environment variable <c>DV_UPDATE_GOLDEN=1</c> it writes
/// the file in the source tree instead and passes. A missing or different file fails with a line diff.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "DV_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Compares <paramref name="actual"/> with the golden file; returns a failure message, or null when they agree (or the file was rewritten).</summary>
    public static string? Check(string dialectFolder, string scenario, string actual)
    {
        actual = ConformanceScenarios.Normalize(actual);
        var relative = Path.Combine("Sql", "Golden", dialectFolder, scenario + ".sql");
        if (Updating)
        {
            var path = Path.Combine(SourceProjectDirectory(), relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return null;
        }

        var copied = Path.Combine(AppContext.BaseDirectory, relative);
        if (!File.Exists(copied))
        {
            return $"Golden file {relative.Replace('\\', '/')} is missing. Review the SQL below, then run the tests with {UpdateVariable}=1 to write it.{Environment.NewLine}{actual}";
        }

        var expected = ConformanceScenarios.Normalize(File.ReadAllText(copied));
        return expected == actual
            ? null
            : $"The SQL differs from {relative.Replace('\\', '/')} (- golden, + generated). If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.{Environment.NewLine}{Diff(expected, actual)}";
    }

    /// <summary>
    /// The golden files of a dialect that belong to no scenario (left over from a renamed or removed one). With
    /// <c>DV_UPDATE_GOLDEN=1</c> they are deleted from the source tree and none is reported.
    /// </summary>
    public static IReadOnlyList<string> Stale(string dialectFolder, IReadOnlyCollection<string> scenarios)
    {
        var relative = Path.Combine("Sql", "Golden", dialectFolder);
        var directory = Path.Combine(Updating ? SourceProjectDirectory() : AppContext.BaseDirectory, relative);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var stale = Directory.GetFiles(directory, "*.sql").Where(f => !scenarios.Contains(Path.GetFileNameWithoutExtension(f))).Order(StringComparer.Ordinal).ToList();
        if (Updating)
        {
            stale.ForEach(File.Delete);
            return [];
        }

        return [.. stale.Select(Path.GetFileName)!];
    }

    /// <summary>A line diff (longest common subsequence) with two lines of context around each change.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var text = new StringBuilder();
        var shown = 0;
        var lastShown = -1;
        for (var k = 0; k < lines.Count && shown < 80; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - 2), Math.Min(lines.Count, k + 3) - Math.Max(0, k - 2)).Any(n => lines[n].Mark != ' ');
            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && k > lastShown + 1)
            {
                text.AppendLine("   ...");
            }

            var (mark, line, content) = lines[k];
            text.Append(mark).Append(' ').Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").AppendLine(content);
            lastShown = k;
            shown++;
        }

        return text.ToString();
    }

    private static string SourceProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataVault.Core.Tests.csproj")))
            {
                return directory.FullName;
            }

            var nested = Path.Combine(directory.FullName, "tests", "DataVault.Core.Tests");
            if (File.Exists(Path.Combine(nested, "DataVault.Core.Tests.csproj")))
            {
                return nested;
            }
        }

        throw new InvalidOperationException($"{UpdateVariable}=1: cannot find tests/DataVault.Core.Tests above {AppContext.BaseDirectory} to write golden files into.");
    }
}

namespace DataVault.Core.Tests.Modeling;

/// <summary>Finds files of the repository (docs, sources) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds DataVault.Core.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The text of a repository file.</summary>
    /// <param name="relativePath">A path relative to the root, with forward slashes.</param>
    /// <returns>The text, with line endings normalised to LF.</returns>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar))).ReplaceLineEndings("\n");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DataVault.Core.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds DataVault.Core.sln.");
    }
}

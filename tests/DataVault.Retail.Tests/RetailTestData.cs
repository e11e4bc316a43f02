using Retail.Commands;
using Retail.Data;

namespace DataVault.Retail.Tests;

/// <summary>Three small generated batches in a temporary folder, and what the vault must hold after loading them.</summary>
public sealed class RetailTestData : IDisposable
{
    /// <summary>The generator options: small volumes, three batches dated 2026-03-08 … 2026-03-10.</summary>
    internal static GeneratorOptions Options { get; } = new(Seed: 7, Customers: 200, Products: 60, Stores: 6, Promotions: 10, Transactions: 600, Batches: 3, LastBatchDate: new DateOnly(2026, 3, 10));

    /// <summary>Load timestamps of the three batches (UTC).</summary>
    public static IReadOnlyList<string> LoadDates { get; } = ["2026-03-08T06:00:00Z", "2026-03-09T06:00:00Z", "2026-03-10T06:00:00Z"];

    public RetailTestData()
    {
        Folder = Path.Combine(Path.GetTempPath(), "dv-retail-data-" + Guid.NewGuid().ToString("N")[..12]);
        var written = GenerateCommand.Generate(Options, Folder);
        Batches = [.. written.Select(w => w.Batch)];
        Folders = [.. written.Select(w => w.Folder)];
    }

    public string Folder { get; }

    internal IReadOnlyList<RetailBatch> Batches { get; }

    public IReadOnlyList<string> Folders { get; }

    /// <summary>A copy of a batch's folder (index 0–2) at <paramref name="folder"/>, for a test to change.</summary>
    /// <param name="batch">The batch index.</param>
    /// <param name="folder">The new folder.</param>
    /// <returns><paramref name="folder"/>.</returns>
    public string CopyOf(int batch, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Folders[batch]))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    public static DateTime LoadDate(int batch) => DateTime.Parse(LoadDates[batch], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    /// <summary>Versions a satellite must hold: a new version whenever a key's attributes differ from its current ones.</summary>
    internal static int Versions<TRow, TKey>(IEnumerable<IEnumerable<TRow>?> batches, Func<TRow, string> key, Func<TRow, TKey> attributes)
    {
        var current = new Dictionary<string, TKey>(StringComparer.Ordinal);
        var versions = 0;
        foreach (var batch in batches)
        {
            foreach (var row in batch ?? [])
            {
                var value = attributes(row);
                if (!current.TryGetValue(key(row), out var previous) || !EqualityComparer<TKey>.Default.Equals(previous, value))
                {
                    versions++;
                    current[key(row)] = value;
                }
            }
        }

        return versions;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using Retail.Data;
using DataVault.Core.Loading.Sources;

namespace Retail.Loading;

/// <summary>
/// The sample's strict rule for partial sources: every source file of a batch folder must carry every column the retail
/// model reads from that file (the seed's schema, <see cref="RetailCsv"/>), checked before anything is written. Without
/// it a file lacking, say, <c>quantity</c> would still feed the hubs and links, and <c>sat_sales_metrics</c> would
/// silently get nothing (issue #14, item 3). A missing column is a <see cref="DataVaultLoadException"/> naming the file,
/// line 1 and the column.
/// </summary>
internal static class RetailSourceCheck
{
    /// <summary>Checks the header of every present file.</summary>
    /// <param name="folder">The batch folder.</param>
    /// <param name="present">The names of the source files the folder holds (a subset of <see cref="RetailCsv.Files"/>).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task.</returns>
    /// <exception cref="DataVaultLoadException">
    /// A file lacks a column the model reads from it — or cannot be read as the loader reads it (a directory, a device,
    /// a missing link target, an empty file, a header that is not UTF-8 or beyond the record limit), with the loader's message.
    /// </exception>
    public static async Task CheckAsync(string folder, IEnumerable<string> present, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(present);
        foreach (var file in present)
        {
            // The header as the loader reads it: the library's CSV source, with its checks of paths, encoding and limits.
            await using var reader = await new CsvSource(Path.Combine(folder, file)).OpenAsync(cancellationToken);
            var header = reader.Columns;
            var names = new HashSet<string>(header.Select(Normalize), StringComparer.Ordinal);
            var missing = RequiredColumns(file).Where(c => !names.Contains(Normalize(c))).ToList();
            if (missing.Count > 0)
            {
                throw new DataVaultLoadException(file, 1, missing[0], Message(file, missing, header));
            }
        }
    }

    /// <summary>
    /// The columns the retail model reads from a source file: the seed's columns of that file, less those whose
    /// attribute declares a default (<c>currency</c>, <c>USD</c>), which the loader fills when a file lacks them.
    /// </summary>
    /// <param name="file">One of <see cref="RetailCsv.Files"/>.</param>
    /// <returns>The column names.</returns>
    /// <exception cref="ArgumentException">Not a source file of the sample.</exception>
    public static IReadOnlyList<string> RequiredColumns(string file) => [.. FileColumns(file).Where(c => !Defaulted.Contains(c))];

    /// <summary>The attributes of the model that declare a default.</summary>
    public static IReadOnlySet<string> Defaulted { get; } =
        RetailModel.Model.Satellites.SelectMany(s => s.Attributes).Where(a => a.Default is not null).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyList<string> FileColumns(string file) => file switch
    {
        RetailCsv.CustomersFile => RetailCsv.CustomerColumns,
        RetailCsv.PhonesFile => RetailCsv.PhoneColumns,
        RetailCsv.CatalogueFile => RetailCsv.CatalogueColumns,
        RetailCsv.PromotionsNowFile => RetailCsv.PromotionNowColumns,
        RetailCsv.ProductsFile => RetailCsv.ProductColumns,
        RetailCsv.StoresFile => RetailCsv.StoreColumns,
        RetailCsv.PromotionsFile => RetailCsv.PromotionColumns,
        RetailCsv.TransactionsFile => RetailCsv.TransactionColumns,
        _ => throw new ArgumentException($"'{file}' is not a source file of the retail sample", nameof(file)),
    };

    /// <summary>The columns of <c>sat_sales_metrics</c> that the loader derives from transactions.csv (<see cref="SalesMetrics"/>) rather than reads.</summary>
    public static IReadOnlyList<string> DerivedSalesColumns { get; } = ["total_amount", "cost", "profit"];

    /// <summary>
    /// The vault tables that read <paramref name="column"/> from <paramref name="file"/>: the hubs it keys, the links whose
    /// keys the file has, the satellites whose parent the file keys and whose every attribute it has (or derives, or
    /// the model defaults).
    /// </summary>
    /// <param name="file">One of <see cref="RetailCsv.Files"/>.</param>
    /// <param name="column">A column of the file.</param>
    /// <returns>The table names.</returns>
    public static IReadOnlyList<string> TablesReading(string file, string column)
    {
        var model = RetailModel.Model;
        var columns = new HashSet<string>(RequiredColumns(file), StringComparer.Ordinal);
        columns.UnionWith(Defaulted);
        if (file == RetailCsv.TransactionsFile)
        {
            columns.UnionWith(DerivedSalesColumns);
        }

        bool Keyed(VaultEntity parent) => parent switch
        {
            Hub hub => hub.BusinessKeys.All(k => columns.Contains(k.Name)),
            Link link => link.Hubs.All(h => h.BusinessKeyColumns().All(k => columns.Contains(k.Name))) && link.DependentChildKeys.All(k => columns.Contains(k.Name)),
            _ => false,
        };

        return
        [
            .. model.Hubs.Where(h => h.BusinessKeys.Any(k => k.Name == column)).Select(h => h.TableName),
            .. model.Links.Where(l => Keyed(l) && (l.DependentChildKeys.Any(k => k.Name == column) || l.Hubs.Any(h => h.BusinessKeyColumns().Any(k => k.Name == column)))).Select(l => l.TableName),
            .. model.Satellites.Where(s => Keyed(s.Parent) && s.Attributes.All(a => columns.Contains(a.Name)) && s.Attributes.Any(a => a.Name == column)).Select(s => s.TableName),
        ];
    }

    /// <summary>The error message of a file that lacks columns.</summary>
    /// <param name="file">The file.</param>
    /// <param name="missing">The missing columns.</param>
    /// <param name="header">The columns the file has.</param>
    /// <returns>The message.</returns>
    public static string Message(string file, IReadOnlyList<string> missing, IReadOnlyList<string> header)
    {
        var tables = missing.SelectMany(c => TablesReading(file, c)).Distinct(StringComparer.Ordinal).ToList();
        return $"{file}, line 1: the column{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing; " +
            $"the retail model reads {(missing.Count == 1 ? "it" : "them")} from this file{(tables.Count == 0 ? string.Empty : " (" + string.Join(", ", tables) + ")")}. " +
            $"Columns present: {string.Join(", ", header)}. Nothing was loaded.";
    }

    /// <summary>The loader's matching of names: case-insensitive, ignoring underscores and white space.</summary>
    private static string Normalize(string name) => string.Concat(name.Where(c => c != '_' && !char.IsWhiteSpace(c))).ToUpperInvariant();
}

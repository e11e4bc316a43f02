using DataVault.Core.Loading;
using Retail.Data;

namespace Retail.Loading;

/// <summary>
/// Loads one batch folder (any of customers.csv, products.csv, stores.csv, promotions.csv, transactions.csv) as one
/// library batch: one load date for every row (KNOWN-DEFECTS #13), one transaction (all or nothing, #6), every
/// structure the files feed — hubs from every file that has their key (#12), both links, all eight satellites (#3).
/// </summary>
internal static class RetailBatchLoader
{
    /// <summary>Loads a folder.</summary>
    /// <param name="vault">The open vault.</param>
    /// <param name="folder">The batch folder.</param>
    /// <param name="loadDate">The load date (UTC), or <see langword="null"/> for now.</param>
    /// <param name="recordSource">The record source.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the load (rolled back).</param>
    /// <returns>The result.</returns>
    /// <exception cref="DataVaultLoadException">Bad input or a failed load: nothing was written.</exception>
    public static async Task<LoadResult> LoadFolderAsync(RetailVault vault, string folder, DateTime? loadDate, string recordSource, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        // Not File.Exists: a customers.csv that is a directory, a device or a dangling link is reported by the loader,
        // never skipped.
        var present = RetailCsv.Files.Where(f => Path.Exists(Path.Combine(folder, f)) || new FileInfo(Path.Combine(folder, f)).LinkTarget is not null).ToList();
        if (present.Count == 0)
        {
            throw new DataVaultLoadException(folder, null, null, $"{folder}: the folder holds none of {string.Join(", ", RetailCsv.Files)}");
        }

        // Strict about partial sources: a file lacking a column the model reads from it fails here, before anything is
        // written, instead of loading its hubs and links and silently nothing into the satellite that needs the column.
        await RetailSourceCheck.CheckAsync(folder, present, cancellationToken);
        var existed = await ExistsAsync(vault, cancellationToken);
        await vault.Loader.EnsureVaultAsync(cancellationToken);
        var at = Truncate(loadDate ?? vault.Options.TimeProvider.GetUtcNow().UtcDateTime);
        var products = present.Contains(RetailCsv.ProductsFile) ? Path.Combine(folder, RetailCsv.ProductsFile) : null;
        var batch = new LoadBatch(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), recordSource) { LoadDate = at };
        foreach (var file in present)
        {
            var path = Path.Combine(folder, file);
            if (file == RetailCsv.CatalogueFile)
            {
                // The seed's track_deletes: the catalogue is a full extract, so a product absent from it is discontinued.
                batch.AddCsv(path, m => m.FullExtractFor("sat_product_status"));
                continue;
            }

            if (file == RetailCsv.PromotionsNowFile)
            {
                // The promotion each product is on now: a full extract of the relationships in effect, driven by the product.
                batch.AddCsv(path, m => m.FullExtractFor("sat_product_promotion_effectivity"));
                continue;
            }

            if (file != RetailCsv.TransactionsFile)
            {
                batch.AddCsv(path);
                continue;
            }

            // The costs are read by the batch's lookup, inside its transaction after the merge lock, and used while its
            // lines are read: a concurrent load that re-prices a product is either wholly before this batch or after it.
            var costs = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            batch.LookUp((lookup, token) => UnitCosts.ReadAsync(lookup, products, costs, token));
            // A line without a promotion links to the zero key in link_sales, but adds no product–promotion pair. Its
            // unit_price is the price of the sale, not the product's list price: it is not product pricing.
            batch.AddCsv(path, m => SalesMetrics.Derive(m, costs).RequireAllKeys("link_product_promotion").Exclude("sat_product_pricing"));
        }

        try
        {
            return await vault.Loader.LoadAsync(batch, progress, cancellationToken);
        }
        catch (Exception) when (!existed)
        {
            // The vault did not exist before this load: leave the database as it was, without empty vault tables —
            // unless a load started at the same time into the same new database has committed a batch since (checked
            // and dropped under the merge lock, so committed rows are never dropped).
            try
            {
                await vault.Loader.DropVaultIfNoBatchSucceededAsync(CancellationToken.None);
            }
            catch (System.Data.Common.DbException)
            {
                // The tables stay (empty of any batch); the load's own error is the one to report.
            }

            throw;
        }
    }

    /// <summary>Whether the vault's tables exist (its batch log answers a query).</summary>
    private static async Task<bool> ExistsAsync(RetailVault vault, CancellationToken cancellationToken)
    {
        await using var command = vault.Connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {vault.Dialect.QuoteIdentifier(vault.Options.BatchLogTable ?? "etl_batch_log")}";
        try
        {
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }

    /// <summary>A UTC instant as the vault stores it: microsecond precision, kind Unspecified.</summary>
    /// <param name="value">The instant (UTC).</param>
    /// <returns>The timestamp.</returns>
    public static DateTime Truncate(DateTime value) => new(value.Ticks - (value.Ticks % 10), DateTimeKind.Unspecified);
}

using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Sylvan.Data.Csv;

namespace Retail.Loading;

/// <summary>
/// The unit cost of every product valid at a batch's load: the vault's pricing version loaded at or before the load
/// date (one parameterised, set-based query, run as the batch's lookup inside its transaction), overridden by the
/// batch's own products.csv, which takes effect at the same load date.
/// </summary>
internal static class UnitCosts
{
    /// <summary>
    /// Reads the costs into <paramref name="costs"/>, as the batch's lookup: inside its transaction, after the merge
    /// lock, so the prices are those the batch's merge sees whatever other loads run at the same time.
    /// </summary>
    /// <param name="lookup">The batch's lookup (session and transaction).</param>
    /// <param name="productsCsv">The batch's products.csv, or <see langword="null"/>.</param>
    /// <param name="costs">Filled with the unit cost by product id (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>A task.</returns>
    public static async Task ReadAsync(VaultLookup lookup, string? productsCsv, Dictionary<string, decimal> costs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(costs);
        costs.Clear();
        var result = await lookup.QueryAsync(Statement(lookup.Dialect, lookup.LoadDate), cancellationToken);
        foreach (var row in result.Rows)
        {
            if (row[0] is string product && row[1] is not null)
            {
                costs[product.Trim()] = Convert.ToDecimal(row[1], CultureInfo.InvariantCulture);
            }
        }

        if (productsCsv is not null)
        {
            await ReadCsvAsync(productsCsv, costs, cancellationToken);
        }
    }

    /// <summary>The query: each product's latest pricing version with <c>load_date &lt;= @load_date</c>.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="loadDate">The load date.</param>
    /// <returns>The statement.</returns>
    public static SqlStatement Statement(SqlDialect dialect, DateTime loadDate)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        string Q(string identifier) => dialect.QuoteIdentifier(identifier);
        var at = dialect.ParameterPlaceholder("load_date");
        var text = $"""
            SELECT h.{Q("product_id")}, p.{Q("unit_cost")}
            FROM {Q("hub_product")} h
            JOIN {Q("sat_product_pricing")} p ON p.{Q("hub_product_hk")} = h.{Q("hub_product_hk")}
            WHERE p.{Q("load_date")} <= {at}
              AND NOT EXISTS (SELECT 1 FROM {Q("sat_product_pricing")} n
                              WHERE n.{Q("hub_product_hk")} = p.{Q("hub_product_hk")} AND n.{Q("load_date")} > p.{Q("load_date")} AND n.{Q("load_date")} <= {at})
            """;
        return new SqlStatement(text, [new SqlParameterValue("load_date", dialect.ToDbValue(loadDate, DataType.Timestamp))]);
    }

    private static async Task ReadCsvAsync(string path, Dictionary<string, decimal> costs, CancellationToken cancellationToken)
    {
        await using var reader = await CsvDataReader.CreateAsync(path, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase }, cancellationToken);
        int product, cost;
        try
        {
            product = reader.GetOrdinal("product_id");
            cost = reader.GetOrdinal("unit_cost");
        }
        catch (IndexOutOfRangeException)
        {
            return; // the loader reports the missing column with the file's name
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(product).Trim();
            if (id.Length > 0 && decimal.TryParse(reader.GetString(cost), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                costs[id] = value;
            }
        }
    }
}

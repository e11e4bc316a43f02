using DataVault.Core.Loading;

namespace Retail.Loading;

/// <summary>
/// The computed columns of <c>sat_sales_metrics</c>, derived per transaction line while the loader reads it:
/// <c>total_amount = unit_price × quantity − discount_amount</c>, <c>cost = unit_cost × quantity</c> with the product's
/// unit cost valid at the batch's load, and <c>profit = total_amount − cost</c>. Tax is not revenue: it is excluded
/// (the seed added it to the total and so to the profit, KNOWN-DEFECTS #22); and the cost comes from the product's
/// pricing, not from a column the pricing satellite does not have (#4).
/// </summary>
internal static class SalesMetrics
{
    /// <summary>Adds the three derived columns to a transactions source.</summary>
    /// <param name="mapping">The source's mapping.</param>
    /// <param name="unitCosts">Unit cost by product id (case-insensitive, trimmed), valid at the batch's load.</param>
    /// <returns>The mapping.</returns>
    public static SourceMapping Derive(SourceMapping mapping, IReadOnlyDictionary<string, decimal> unitCosts)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mapping
            .Derive("total_amount", RetailModel.Money, row => TotalAmount(row))
            .Derive("cost", RetailModel.Money, row => Cost(row, unitCosts))
            .Derive("profit", RetailModel.Money, row => TotalAmount(row) - Cost(row, unitCosts));
    }

    /// <summary>unit_price × quantity − discount_amount (a missing discount is 0); NULL without price or quantity.</summary>
    /// <param name="row">The source row.</param>
    /// <returns>The total.</returns>
    public static decimal? TotalAmount(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Number(row["unit_price"]) * Number(row["quantity"]) - (Number(row["discount_amount"]) ?? 0m);
    }

    /// <summary>unit_cost × quantity; NULL when the product's cost is not known.</summary>
    /// <param name="row">The source row.</param>
    /// <param name="unitCosts">Unit cost by product id.</param>
    /// <returns>The cost.</returns>
    public static decimal? Cost(SourceRow row, IReadOnlyDictionary<string, decimal> unitCosts)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(unitCosts);
        return row["product_id"] is string product && unitCosts.TryGetValue(product.Trim(), out var unitCost)
            ? unitCost * Number(row["quantity"])
            : null;
    }

    private static decimal? Number(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        string s when decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}

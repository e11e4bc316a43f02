using DataVault.Core.Modeling;

namespace DataVault.Benchmarks.Loading;

/// <summary>
/// The retail shape of the loading benchmarks (issue 4, section 5): 5 hubs with <c>VARCHAR(50)</c> keys, <c>link_sales</c>
/// (the 5 hubs and the dependent child key <c>line_item_number</c>), <c>link_product_promotion</c>, and two satellites
/// touched by every line — <c>sat_sales_metrics</c> on the sales link and <c>sat_transaction_details</c> on the
/// transaction hub.
/// </summary>
internal static class RetailLinesModel
{
    /// <summary>The CSV columns, in file order.</summary>
    public static readonly string[] Columns =
    [
        "transaction_id", "line_item_number", "customer_id", "product_id", "store_id", "promotion_id",
        "transaction_date", "transaction_time", "payment_method",
        "quantity", "unit_price", "discount_amount", "tax_amount", "total_amount",
    ];

    /// <summary>The model, built once.</summary>
    public static DataVaultModel Model { get; } = Create();

    /// <summary>The vault tables in load (dependency) order: hubs, links, satellites.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        .. Model.Hubs.Select(h => h.TableName),
        .. Model.Links.Select(l => l.TableName),
        .. Model.Satellites.Select(s => s.TableName),
    ];

    private static DataVaultModel Create()
    {
        var key = DataType.String(50);
        var money = DataType.Decimal(10, 2);
        return new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", key))
            .Hub("product", h => h.BusinessKey("product_id", key))
            .Hub("store", h => h.BusinessKey("store_id", key))
            .Hub("transaction", h => h.BusinessKey("transaction_id", key))
            .Hub("promotion", h => h.BusinessKey("promotion_id", key))
            .Link("sales", l => l
                .Hub("customer")
                .Hub("product")
                .Hub("store")
                .Hub("transaction")
                .Hub("promotion")
                .DependentChildKey("line_item_number", DataType.Int))
            .Link("product_promotion", l => l.Hub("product").Hub("promotion"))
            .Satellite("sales_metrics", s => s.OnLink("sales")
                .Attribute("quantity", DataType.Int)
                .Attribute("unit_price", money)
                .Attribute("discount_amount", money)
                .Attribute("tax_amount", money)
                .Attribute("total_amount", money))
            .Satellite("transaction_details", s => s.OnHub("transaction")
                .Attribute("transaction_date", DataType.Date)
                .Attribute("transaction_time", DataType.Time)
                .Attribute("payment_method", DataType.String(50))
                .Attribute("store_id", key))
            .Build();
    }
}

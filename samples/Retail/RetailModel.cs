using DataVault.Core.Modeling;

namespace Retail;

/// <summary>
/// The seed's retail vault (section 4 of the seed document), declared with the fluent API: 5 hubs, 2 links, 8
/// satellites and 2 PITs, with the seed's table and column names, types and attribute order. One deliberate change:
/// <c>link_sales</c> takes <c>line_item_number</c> as a dependent child key, so a transaction with the same product on
/// two lines keeps both lines (the seed's link lost one; KNOWN-DEFECTS #9). Beside the seed's schema, structures the
/// retail data has: a multi-active satellite of customers' phones by type (<c>sat_customer_phones</c>) and the seed's
/// <c>track_deletes</c> as a status-tracking satellite of products (<c>sat_product_status</c>), fed by the catalogue's
/// full extract; and an effectivity satellite of <c>link_product_promotion</c> driven by the product
/// (<c>sat_product_promotion_effectivity</c>), fed by the full extract of the promotion each product is on now.
/// </summary>
internal static class RetailModel
{
    /// <summary>The business-key type of every hub (the seed's <c>VARCHAR(50)</c>).</summary>
    public static DataType KeyType { get; } = DataType.String(50);

    /// <summary>The seed's <c>DECIMAL(10,2)</c> money type.</summary>
    public static DataType Money { get; } = DataType.Decimal(10, 2);

    /// <summary>The model, built once.</summary>
    public static DataVaultModel Model { get; } = Create().Build();

    /// <summary>The builder with every declaration (exposed so that tests can validate it for each engine).</summary>
    /// <returns>The builder.</returns>
    public static DataVaultModelBuilder Create()
    {
        var builder = new DataVaultModelBuilder()
            // ---- Hubs -------------------------------------------------------------------------------------------
            .Hub("customer", h => h.BusinessKey("customer_id", KeyType))
            .Hub("product", h => h.BusinessKey("product_id", KeyType))
            .Hub("store", h => h.BusinessKey("store_id", KeyType))
            .Hub("transaction", h => h.BusinessKey("transaction_id", KeyType))
            .Hub("promotion", h => h.BusinessKey("promotion_id", KeyType))

            // ---- Links ------------------------------------------------------------------------------------------
            // The seed's link_sales has no line number: two lines of one transaction with the same product had the
            // same link key and one was lost. line_item_number is part of the link's key here.
            .Link("sales", l => l
                .Hub("customer")
                .Hub("product")
                .Hub("store")
                .Hub("transaction")
                .Hub("promotion")
                .DependentChildKey("line_item_number", DataType.Int))
            .Link("product_promotion", l => l.Hub("product").Hub("promotion"))

            // ---- Satellites (seed column order) -----------------------------------------------------------------
            .Satellite("customer_details", s => s.OnHub("customer")
                .Attribute("first_name", DataType.String(100))
                .Attribute("last_name", DataType.String(100))
                .Attribute("birth_date", DataType.Date)
                .Attribute("gender", DataType.String(10))
                .Attribute("customer_segment", DataType.String(50))
                .Attribute("registration_date", DataType.Date))
            .Satellite("customer_contact", s => s.OnHub("customer")
                .Attribute("email", DataType.String(255))
                .Attribute("phone", DataType.String(20))
                .Attribute("address", DataType.String(255))
                .Attribute("city", DataType.String(100))
                .Attribute("state", DataType.String(100))
                .Attribute("country", DataType.String(100))
                .Attribute("postal_code", DataType.String(20)))
            .Satellite("product_details", s => s.OnHub("product")
                .Attribute("product_name", DataType.String(255))
                .Attribute("category", DataType.String(100))
                .Attribute("subcategory", DataType.String(100))
                .Attribute("brand", DataType.String(100))
                .Attribute("supplier", DataType.String(255)))
            .Satellite("product_pricing", s => s.OnHub("product")
                .Attribute("unit_cost", Money)
                .Attribute("unit_price", Money)
                .Attribute("currency", DataType.String(3), "USD")) // the seed's DEFAULT 'USD'
            .Satellite("store_details", s => s.OnHub("store")
                .Attribute("store_name", DataType.String(255))
                .Attribute("store_type", DataType.String(50))
                .Attribute("manager", DataType.String(100))
                .Attribute("address", DataType.String(255))
                .Attribute("city", DataType.String(100))
                .Attribute("state", DataType.String(100))
                .Attribute("country", DataType.String(100))
                .Attribute("postal_code", DataType.String(20))
                .Attribute("phone", DataType.String(20))
                .Attribute("open_date", DataType.Date)
                .Attribute("square_footage", DataType.Int)
                .Attribute("number_of_employees", DataType.Int))
            .Satellite("transaction_details", s => s.OnHub("transaction")
                .Attribute("transaction_date", DataType.Date)
                .Attribute("transaction_time", DataType.Time)
                .Attribute("payment_method", DataType.String(50)))
            .Satellite("promotion_details", s => s.OnHub("promotion")
                .Attribute("promotion_name", DataType.String(255))
                .Attribute("promotion_type", DataType.String(50))
                .Attribute("discount_percentage", DataType.Decimal(5, 2))
                .Attribute("start_date", DataType.Date)
                .Attribute("end_date", DataType.Date)
                .Attribute("description", DataType.Text))
            .Satellite("sales_metrics", s => s.OnLink("sales")
                .Attribute("line_item_number", DataType.Int)
                .Attribute("quantity", DataType.Int)
                .Attribute("unit_price", Money)
                .Attribute("discount_amount", Money)
                .Attribute("tax_amount", Money)
                .Attribute("total_amount", Money)
                .Attribute("cost", Money)
                .Attribute("profit", Money))

            // ---- Beside the seed's schema: the structures retail data has ----------------------------------------
            // A customer has several phones at once, one per type: a multi-active satellite, its set of phones one version.
            .Satellite("customer_phones", s => s.OnHub("customer")
                .MultiActiveKey("phone_type", DataType.String(10))
                .Attribute("phone_number", DataType.String(20)))
            // The seed's track_deletes: which products the catalogue's full extract has (I), lost (D) or has again (R).
            .Satellite("product_status", s => s.OnHub("product").StatusTracking())
            // Which promotion each product is on now (at most one): an effectivity satellite of the link, driven by the product.
            .Satellite("product_promotion_effectivity", s => s.OnLink("product_promotion").Effectivity(drivingKey: "product"));

        // ---- Point-in-time tables (library feature: built set-based by the dialect, one row per key and day) ---
        builder
            .PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_contact"))
            .PointInTime("product", p => p.OnHub("product").Satellites("product_details", "product_pricing"));
        return builder;
    }
}

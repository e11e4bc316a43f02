using DataVault.Core.Modeling;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// The seed's retail vault (5 hubs, 2 links, 8 satellites) declared with the fluent builder. docs/modeling.md shows
/// the code between the docs markers verbatim; <see cref="ModelingDocsTests"/> keeps the two in sync.
/// </summary>
public static class RetailModel
{
    public static DataVaultModelBuilder Builder()
    {
        // docs:begin retail
        var builder = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(50)))
            .Hub("store", h => h.BusinessKey("store_id", DataType.String(50)))
            .Hub("transaction", h => h.BusinessKey("transaction_id", DataType.String(50)))
            .Hub("promotion", h => h.BusinessKey("promotion_id", DataType.String(50)))
            // One row per sales line: the line number is a dependent child key, so two lines of the same
            // transaction with the same product are two links (the seed lost one of them).
            .Link("sales", l => l
                .Hub("customer").Hub("product").Hub("store").Hub("transaction").Hub("promotion")
                .DependentChildKey("line_item_number", DataType.Int))
            .Link("product_promotion", l => l.Hub("product").Hub("promotion"))
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
                .Attribute("unit_cost", DataType.Decimal(10, 2))
                .Attribute("unit_price", DataType.Decimal(10, 2))
                .Attribute("currency", DataType.String(3)))
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
                .Attribute("quantity", DataType.Int)
                .Attribute("unit_price", DataType.Decimal(10, 2))
                .Attribute("discount_amount", DataType.Decimal(10, 2))
                .Attribute("tax_amount", DataType.Decimal(10, 2))
                .Attribute("total_amount", DataType.Decimal(10, 2))
                .Attribute("cost", DataType.Decimal(10, 2))
                .Attribute("profit", DataType.Decimal(10, 2)));
        // docs:end retail
        return builder;
    }

    /// <summary>A small model for the diagram in docs/modeling.md: a hub, a self-link with a role and a satellite.</summary>
    public static DataVaultModel Small()
    {
        // docs:begin small
        var model = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
            .Link("referral", l => l.Hub("customer").Hub("customer", role: "referred_by"))
            .Satellite("customer_details", s => s.OnHub("customer")
                .Attribute("name", DataType.String(100))
                .Attribute("birth_date", DataType.Date))
            .Build();
        // docs:end small
        return model;
    }
}

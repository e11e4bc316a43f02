using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace Retail.Queries;

/// <summary>The parameters a query may take; each query uses the ones it needs.</summary>
/// <param name="AsOf">The snapshot date (UTC) for <c>sales-as-of</c>.</param>
/// <param name="CustomerId">A customer's business key.</param>
/// <param name="ProductId">A product's business key.</param>
/// <param name="Limit">The most rows to return.</param>
internal sealed record QueryParameters(DateOnly? AsOf = null, string? CustomerId = null, string? ProductId = null, int? Limit = null);

/// <summary>
/// The seed's analytics (its <c>dv_queries.py</c>) as portable SQL for SQLite, PostgreSQL, MariaDB and DuckDB: every
/// identifier quoted by the dialect, every value a parameter (the seed formatted ids and dates into f-strings,
/// KNOWN-DEFECTS #17). Two business rules are fixed: the average transaction value averages transactions, not lines,
/// and products are grouped by their key, not their name (#22).
/// </summary>
internal sealed class RetailQueries
{
    /// <summary>The query names, as the <c>query</c> command takes them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["current-customers", "customer-history", "customer-phones", "discontinued-products", "price-history", "promotion-history", "sales-context", "sales-as-of", "sales-by-segment", "top-products"];

    private readonly SqlDialect _dialect;
    private readonly List<SqlParameterValue> _parameters = [];

    /// <summary>Creates the query writer for a dialect.</summary>
    /// <param name="dialect">The dialect.</param>
    public RetailQueries(SqlDialect dialect) => _dialect = dialect;

    /// <summary>The default row limit of the listing queries.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Writes the query <paramref name="name"/>.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">Unknown name, or a required parameter is missing.</exception>
    public static SqlStatement Build(SqlDialect dialect, string name, QueryParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var q = new RetailQueries(dialect);
        return name switch
        {
            "current-customers" => q.CurrentCustomers(parameters.CustomerId, parameters.Limit ?? DefaultLimit),
            "customer-history" => q.CustomerHistory(parameters.CustomerId ?? throw new ArgumentException("customer-history needs --customer ID")),
            "customer-phones" => q.CustomerPhones(parameters.CustomerId ?? throw new ArgumentException("customer-phones needs --customer ID")),
            "discontinued-products" => q.DiscontinuedProducts(parameters.Limit ?? DefaultLimit),
            "price-history" => q.PriceHistory(parameters.ProductId ?? throw new ArgumentException("price-history needs --product ID")),
            "promotion-history" => q.PromotionHistory(parameters.ProductId ?? throw new ArgumentException("promotion-history needs --product ID")),
            "sales-context" => q.SalesContext(parameters.CustomerId, parameters.ProductId, parameters.Limit ?? DefaultLimit),
            "sales-as-of" => q.SalesAsOf(parameters.AsOf ?? throw new ArgumentException("sales-as-of needs --as-of DATE"), parameters.CustomerId, parameters.ProductId, parameters.Limit ?? DefaultLimit),
            "sales-by-segment" => q.SalesBySegment(),
            "top-products" => q.TopProducts(parameters.Limit ?? 10),
            _ => throw new ArgumentException($"unknown query '{name}': use one of {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Every customer's current details and contact (the seed's <c>get_current_customer_view</c>).</summary>
    /// <param name="customerId">Only this customer, or all.</param>
    /// <param name="limit">The most rows.</param>
    /// <returns>The statement.</returns>
    public SqlStatement CurrentCustomers(string? customerId, int limit)
    {
        var text = $"""
            SELECT h.{Q("customer_id")}, sd.{Q("first_name")}, sd.{Q("last_name")}, sd.{Q("gender")}, sd.{Q("birth_date")},
                   sd.{Q("customer_segment")}, sc.{Q("email")}, sc.{Q("phone")}, sc.{Q("city")}, sc.{Q("state")},
                   sd.{Q("load_date")} AS {Q("details_last_updated")}, sc.{Q("load_date")} AS {Q("contact_last_updated")}
            FROM {Q("hub_customer")} h
            LEFT JOIN {Q("sat_customer_details")} sd ON sd.{Q("hub_customer_hk")} = h.{Q("hub_customer_hk")} AND sd.{Q("load_end_date")} IS NULL
            LEFT JOIN {Q("sat_customer_contact")} sc ON sc.{Q("hub_customer_hk")} = h.{Q("hub_customer_hk")} AND sc.{Q("load_end_date")} IS NULL
            WHERE h.{Q("record_source")} <> {P("ghost", SqlDialect.GhostRecordSource)}{(customerId is null ? string.Empty : $" AND h.{Q("customer_id")} = {P("customer_id", customerId)}")}
            ORDER BY h.{Q("customer_id")}
            LIMIT {P("row_limit", limit)}
            """;
        return Statement(text);
    }

    /// <summary>Every version of a customer's details and contact, newest first (the seed's <c>get_customer_history</c>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The statement.</returns>
    public SqlStatement CustomerHistory(string customerId)
    {
        var customer = P("customer_id", customerId);
        var text = $"""
            SELECT 'details' AS {Q("satellite")}, sd.{Q("load_date")} AS {Q("load_date")}, sd.{Q("load_end_date")} AS {Q("load_end_date")},
                   sd.{Q("customer_segment")} AS {Q("customer_segment")}, NULL AS {Q("email")}, NULL AS {Q("phone")}, NULL AS {Q("city")},
                   sd.{Q("record_source")} AS {Q("record_source")}
            FROM {Q("hub_customer")} h
            JOIN {Q("sat_customer_details")} sd ON sd.{Q("hub_customer_hk")} = h.{Q("hub_customer_hk")}
            WHERE h.{Q("customer_id")} = {customer}
            UNION ALL
            SELECT 'contact' AS {Q("satellite")}, sc.{Q("load_date")} AS {Q("load_date")}, sc.{Q("load_end_date")} AS {Q("load_end_date")},
                   NULL AS {Q("customer_segment")}, sc.{Q("email")} AS {Q("email")}, sc.{Q("phone")} AS {Q("phone")}, sc.{Q("city")} AS {Q("city")},
                   sc.{Q("record_source")} AS {Q("record_source")}
            FROM {Q("hub_customer")} h
            JOIN {Q("sat_customer_contact")} sc ON sc.{Q("hub_customer_hk")} = h.{Q("hub_customer_hk")}
            WHERE h.{Q("customer_id")} = {customer}
            ORDER BY {Q("load_date")} DESC, {Q("satellite")}
            """;
        return Statement(text);
    }

    /// <summary>
    /// Every version of a customer's phones (the multi-active satellite): each set of phones with the load date it was
    /// delivered and the date the next set replaced it, newest set first, phones by type.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The statement.</returns>
    public SqlStatement CustomerPhones(string customerId)
    {
        var text = $"""
            SELECT h.{Q("customer_id")}, sp.{Q("load_date")}, sp.{Q("load_end_date")}, sp.{Q("phone_type")}, sp.{Q("phone_number")},
                   CASE WHEN sp.{Q("load_end_date")} IS NULL THEN 'current' ELSE 'historical' END AS {Q("status")}
            FROM {Q("hub_customer")} h
            JOIN {Q("sat_customer_phones")} sp ON sp.{Q("hub_customer_hk")} = h.{Q("hub_customer_hk")}
            WHERE h.{Q("customer_id")} = {P("customer_id", customerId)}
            ORDER BY sp.{Q("load_date")} DESC, sp.{Q("phone_type")}
            """;
        return Statement(text);
    }

    /// <summary>
    /// The products the catalogue's latest full extract lacks (the status-tracking satellite's current status is
    /// deleted), with when they were last on sale and their name: the seed's <c>track_deletes</c>.
    /// </summary>
    /// <param name="limit">The most rows.</param>
    /// <returns>The statement.</returns>
    public SqlStatement DiscontinuedProducts(int limit)
    {
        var text = $"""
            SELECT h.{Q("product_id")}, pd.{Q("product_name")}, pd.{Q("category")}, st.{Q("load_date")} AS {Q("discontinued_at")},
                   (SELECT MAX(p.{Q("load_date")}) FROM {Q("sat_product_status")} p WHERE p.{Q("hub_product_hk")} = h.{Q("hub_product_hk")} AND p.{Q("load_date")} < st.{Q("load_date")}) AS {Q("listed_since")}
            FROM {Q("hub_product")} h
            JOIN {Q("sat_product_status")} st ON st.{Q("hub_product_hk")} = h.{Q("hub_product_hk")} AND st.{Q("load_end_date")} IS NULL
            LEFT JOIN {Q("sat_product_details")} pd ON pd.{Q("hub_product_hk")} = h.{Q("hub_product_hk")} AND pd.{Q("load_end_date")} IS NULL
            WHERE st.{Q("status")} = {P("deleted", Satellite.StatusDeleted)}
            ORDER BY st.{Q("load_date")} DESC, h.{Q("product_id")}
            LIMIT {P("row_limit", limit)}
            """;
        return Statement(text);
    }

    /// <summary>Every price of a product, newest first (the seed's <c>get_product_price_history</c>).</summary>
    /// <param name="productId">The product.</param>
    /// <returns>The statement.</returns>
    public SqlStatement PriceHistory(string productId)
    {
        var text = $"""
            SELECT h.{Q("product_id")}, pd.{Q("product_name")}, pd.{Q("category")}, pp.{Q("unit_cost")}, pp.{Q("unit_price")}, pp.{Q("currency")},
                   pp.{Q("load_date")} AS {Q("effective_date")}, pp.{Q("load_end_date")},
                   CASE WHEN pp.{Q("load_end_date")} IS NULL THEN 'current' ELSE 'historical' END AS {Q("status")}
            FROM {Q("hub_product")} h
            JOIN {Q("sat_product_pricing")} pp ON pp.{Q("hub_product_hk")} = h.{Q("hub_product_hk")}
            LEFT JOIN {Q("sat_product_details")} pd ON pd.{Q("hub_product_hk")} = h.{Q("hub_product_hk")} AND pd.{Q("load_end_date")} IS NULL
            WHERE h.{Q("product_id")} = {P("product_id", productId)}
            ORDER BY pp.{Q("load_date")} DESC
            """;
        return Statement(text);
    }

    /// <summary>
    /// The promotions a product has been on (the effectivity satellite of <c>link_product_promotion</c>, driven by the
    /// product): each start (<c>Y</c>) and end (<c>N</c>) with its load date, newest first.
    /// </summary>
    /// <param name="productId">The product.</param>
    /// <returns>The statement.</returns>
    public SqlStatement PromotionHistory(string productId)
    {
        var text = $"""
            SELECT hp.{Q("product_id")}, hm.{Q("promotion_id")}, spd.{Q("promotion_name")}, e.{Q("load_date")}, e.{Q("load_end_date")},
                   CASE WHEN e.{Q("is_active")} = {P("active", Satellite.EffectivityActive)} THEN 'on promotion' ELSE 'ended' END AS {Q("status")}
            FROM {Q("hub_product")} hp
            JOIN {Q("link_product_promotion")} l ON l.{Q("hub_product_hk")} = hp.{Q("hub_product_hk")}
            JOIN {Q("sat_product_promotion_effectivity")} e ON e.{Q("link_product_promotion_hk")} = l.{Q("link_product_promotion_hk")}
            JOIN {Q("hub_promotion")} hm ON hm.{Q("hub_promotion_hk")} = l.{Q("hub_promotion_hk")}
            LEFT JOIN {Q("sat_promotion_details")} spd ON spd.{Q("hub_promotion_hk")} = hm.{Q("hub_promotion_hk")} AND spd.{Q("load_end_date")} IS NULL
            WHERE hp.{Q("product_id")} = {P("product_id", productId)}
            ORDER BY e.{Q("load_date")} DESC, {Q("status")}, hm.{Q("promotion_id")}
            """;
        return Statement(text);
    }

    /// <summary>Sales lines with their current context (the seed's <c>get_sales_with_context</c>), newest first.</summary>
    /// <param name="customerId">Only this customer's sales, or all.</param>
    /// <param name="productId">Only this product's sales, or all.</param>
    /// <param name="limit">The most rows.</param>
    /// <returns>The statement.</returns>
    public SqlStatement SalesContext(string? customerId, string? productId, int limit)
    {
        var text = $"""
            SELECT ht.{Q("transaction_id")}, ls.{Q("line_item_number")}, std.{Q("transaction_date")}, hc.{Q("customer_id")}, scd.{Q("last_name")},
                   hp.{Q("product_id")}, spd.{Q("product_name")}, spd.{Q("category")}, hs.{Q("store_id")}, ssd.{Q("city")} AS {Q("store_city")},
                   hpr.{Q("promotion_id")}, ssm.{Q("quantity")}, ssm.{Q("unit_price")}, ssm.{Q("total_amount")}, ssm.{Q("cost")}, ssm.{Q("profit")}
            FROM {Q("link_sales")} ls
            JOIN {Q("hub_transaction")} ht ON ht.{Q("hub_transaction_hk")} = ls.{Q("hub_transaction_hk")}
            JOIN {Q("hub_customer")} hc ON hc.{Q("hub_customer_hk")} = ls.{Q("hub_customer_hk")}
            JOIN {Q("hub_product")} hp ON hp.{Q("hub_product_hk")} = ls.{Q("hub_product_hk")}
            JOIN {Q("hub_store")} hs ON hs.{Q("hub_store_hk")} = ls.{Q("hub_store_hk")}
            LEFT JOIN {Q("hub_promotion")} hpr ON hpr.{Q("hub_promotion_hk")} = ls.{Q("hub_promotion_hk")} AND hpr.{Q("record_source")} <> {P("ghost", SqlDialect.GhostRecordSource)}
            LEFT JOIN {Q("sat_transaction_details")} std ON std.{Q("hub_transaction_hk")} = ht.{Q("hub_transaction_hk")} AND std.{Q("load_end_date")} IS NULL
            LEFT JOIN {Q("sat_customer_details")} scd ON scd.{Q("hub_customer_hk")} = hc.{Q("hub_customer_hk")} AND scd.{Q("load_end_date")} IS NULL
            LEFT JOIN {Q("sat_product_details")} spd ON spd.{Q("hub_product_hk")} = hp.{Q("hub_product_hk")} AND spd.{Q("load_end_date")} IS NULL
            LEFT JOIN {Q("sat_store_details")} ssd ON ssd.{Q("hub_store_hk")} = hs.{Q("hub_store_hk")} AND ssd.{Q("load_end_date")} IS NULL
            LEFT JOIN {Q("sat_sales_metrics")} ssm ON ssm.{Q("link_sales_hk")} = ls.{Q("link_sales_hk")} AND ssm.{Q("load_end_date")} IS NULL
            {Filters(customerId, productId)}
            ORDER BY std.{Q("transaction_date")} DESC, ht.{Q("transaction_id")}, ls.{Q("line_item_number")}
            LIMIT {P("row_limit", limit)}
            """;
        return Statement(text);
    }

    /// <summary>
    /// Sales as the vault knew them at the end of <paramref name="asOf"/> (UTC), through the PITs (the seed's
    /// <c>get_sales_as_of_date</c>): customer segment and product name and price from the PIT snapshot of that day,
    /// which holds the latest versions loaded before <c>asOf + 1 day, 00:00</c>; sales, their details and metrics are
    /// the versions loaded before the same instant.
    /// </summary>
    /// <param name="asOf">The snapshot date.</param>
    /// <param name="customerId">Only this customer's sales, or all.</param>
    /// <param name="productId">Only this product's sales, or all.</param>
    /// <param name="limit">The most rows.</param>
    /// <returns>The statement.</returns>
    public SqlStatement SalesAsOf(DateOnly asOf, string? customerId, string? productId, int limit)
    {
        var snapshot = P("snapshot_date", _dialect.ToDbValue(asOf, DataType.Date));
        var end = P("snapshot_end", _dialect.ToDbValue(SnapshotEnd(asOf), DataType.Timestamp));
        var text = $"""
            SELECT ht.{Q("transaction_id")}, ls.{Q("line_item_number")}, std.{Q("transaction_date")}, hc.{Q("customer_id")}, scd.{Q("customer_segment")},
                   hp.{Q("product_id")}, spd.{Q("product_name")}, spp.{Q("unit_price")} AS {Q("historical_price")}, ssm.{Q("quantity")}, ssm.{Q("total_amount")}
            FROM {Q("link_sales")} ls
            JOIN {Q("hub_transaction")} ht ON ht.{Q("hub_transaction_hk")} = ls.{Q("hub_transaction_hk")}
            JOIN {Q("hub_customer")} hc ON hc.{Q("hub_customer_hk")} = ls.{Q("hub_customer_hk")}
            JOIN {Q("hub_product")} hp ON hp.{Q("hub_product_hk")} = ls.{Q("hub_product_hk")}
            JOIN {Q("pit_customer")} pc ON pc.{Q("hub_customer_hk")} = hc.{Q("hub_customer_hk")} AND pc.{Q("snapshot_date")} = {snapshot}
            LEFT JOIN {Q("sat_customer_details")} scd ON scd.{Q("hub_customer_hk")} = hc.{Q("hub_customer_hk")} AND scd.{Q("load_date")} = pc.{Q("sat_customer_details_load_date")}
            JOIN {Q("pit_product")} pp ON pp.{Q("hub_product_hk")} = hp.{Q("hub_product_hk")} AND pp.{Q("snapshot_date")} = {snapshot}
            LEFT JOIN {Q("sat_product_details")} spd ON spd.{Q("hub_product_hk")} = hp.{Q("hub_product_hk")} AND spd.{Q("load_date")} = pp.{Q("sat_product_details_load_date")}
            LEFT JOIN {Q("sat_product_pricing")} spp ON spp.{Q("hub_product_hk")} = hp.{Q("hub_product_hk")} AND spp.{Q("load_date")} = pp.{Q("sat_product_pricing_load_date")}
            JOIN {Q("sat_transaction_details")} std ON std.{Q("hub_transaction_hk")} = ht.{Q("hub_transaction_hk")}
                 AND std.{Q("load_date")} < {end} AND (std.{Q("load_end_date")} IS NULL OR std.{Q("load_end_date")} >= {end})
            JOIN {Q("sat_sales_metrics")} ssm ON ssm.{Q("link_sales_hk")} = ls.{Q("link_sales_hk")}
                 AND ssm.{Q("load_date")} < {end} AND (ssm.{Q("load_end_date")} IS NULL OR ssm.{Q("load_end_date")} >= {end})
            WHERE ls.{Q("load_date")} < {end} AND std.{Q("transaction_date")} <= {snapshot}{Filters(customerId, productId, and: true)}
            ORDER BY std.{Q("transaction_date")} DESC, ht.{Q("transaction_id")}, ls.{Q("line_item_number")}
            LIMIT {P("row_limit", limit)}
            """;
        return Statement(text);
    }

    /// <summary>Revenue and profit by current customer segment (the seed's <c>sales_by_customer_segment</c>).</summary>
    /// <returns>The statement.</returns>
    public SqlStatement SalesBySegment()
    {
        var text = $"""
            SELECT scd.{Q("customer_segment")},
                   COUNT(DISTINCT hc.{Q("customer_id")}) AS {Q("customer_count")},
                   COUNT(DISTINCT ht.{Q("transaction_id")}) AS {Q("transaction_count")},
                   COUNT(*) AS {Q("line_count")},
                   ROUND(SUM(ssm.{Q("total_amount")}), 2) AS {Q("total_revenue")},
                   ROUND(SUM(ssm.{Q("profit")}), 2) AS {Q("total_profit")},
                   ROUND(SUM(ssm.{Q("total_amount")}) / COUNT(DISTINCT ht.{Q("transaction_id")}), 2) AS {Q("avg_transaction_value")}
            FROM {Q("link_sales")} ls
            JOIN {Q("hub_customer")} hc ON hc.{Q("hub_customer_hk")} = ls.{Q("hub_customer_hk")}
            JOIN {Q("hub_transaction")} ht ON ht.{Q("hub_transaction_hk")} = ls.{Q("hub_transaction_hk")}
            JOIN {Q("sat_customer_details")} scd ON scd.{Q("hub_customer_hk")} = hc.{Q("hub_customer_hk")} AND scd.{Q("load_end_date")} IS NULL
            JOIN {Q("sat_sales_metrics")} ssm ON ssm.{Q("link_sales_hk")} = ls.{Q("link_sales_hk")} AND ssm.{Q("load_end_date")} IS NULL
            GROUP BY scd.{Q("customer_segment")}
            ORDER BY {Q("total_revenue")} DESC, scd.{Q("customer_segment")}
            """;
        return Statement(text);
    }

    /// <summary>The best-selling products by revenue (the seed's <c>top_products_by_category</c>).</summary>
    /// <param name="limit">The most rows.</param>
    /// <returns>The statement.</returns>
    public SqlStatement TopProducts(int limit)
    {
        var text = $"""
            SELECT hp.{Q("product_id")}, spd.{Q("category")}, spd.{Q("product_name")}, spd.{Q("brand")},
                   SUM(ssm.{Q("quantity")}) AS {Q("units_sold")},
                   ROUND(SUM(ssm.{Q("total_amount")}), 2) AS {Q("revenue")},
                   ROUND(SUM(ssm.{Q("profit")}), 2) AS {Q("profit")}
            FROM {Q("link_sales")} ls
            JOIN {Q("hub_product")} hp ON hp.{Q("hub_product_hk")} = ls.{Q("hub_product_hk")}
            JOIN {Q("sat_product_details")} spd ON spd.{Q("hub_product_hk")} = hp.{Q("hub_product_hk")} AND spd.{Q("load_end_date")} IS NULL
            JOIN {Q("sat_sales_metrics")} ssm ON ssm.{Q("link_sales_hk")} = ls.{Q("link_sales_hk")} AND ssm.{Q("load_end_date")} IS NULL
            GROUP BY hp.{Q("product_id")}, spd.{Q("category")}, spd.{Q("product_name")}, spd.{Q("brand")}
            ORDER BY {Q("revenue")} DESC, hp.{Q("product_id")}
            LIMIT {P("row_limit", limit)}
            """;
        return Statement(text);
    }

    /// <summary>The end of a daily snapshot: the next day, 00:00 UTC (exclusive).</summary>
    /// <param name="date">The snapshot date.</param>
    /// <returns>The instant, kind Unspecified (UTC meaning).</returns>
    public static DateTime SnapshotEnd(DateOnly date) => date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private string Filters(string? customerId, string? productId, bool and = false)
    {
        var conditions = new List<string>();
        if (customerId is not null)
        {
            conditions.Add($"hc.{Q("customer_id")} = {P("customer_id", customerId)}");
        }

        if (productId is not null)
        {
            conditions.Add($"hp.{Q("product_id")} = {P("product_id", productId)}");
        }

        return conditions.Count == 0 ? string.Empty : (and ? " AND " : "WHERE ") + string.Join(" AND ", conditions);
    }

    private string Q(string identifier) => _dialect.QuoteIdentifier(identifier);

    private string P(string name, object? value)
    {
        if (!_parameters.Any(p => p.Name == name))
        {
            _parameters.Add(new SqlParameterValue(name, value));
        }

        return _dialect.ParameterPlaceholder(name);
    }

    private SqlStatement Statement(string text) => new(text, [.. _parameters]);
}

namespace Retail.Data;

/// <summary>The source files of a batch — the seed's five and the customers' phones — their names, headers (issue 5's column lists) and rows.</summary>
internal static class RetailCsv
{
    /// <summary>customers.csv</summary>
    public const string CustomersFile = "customers.csv";

    /// <summary>customer_phones.csv: every phone of each customer listed (the whole set of that customer).</summary>
    public const string PhonesFile = "customer_phones.csv";

    /// <summary>product_catalogue.csv: the full extract of the ids of every product on sale now (a product absent from it is discontinued).</summary>
    public const string CatalogueFile = "product_catalogue.csv";

    /// <summary>product_promotions.csv: the full extract of the promotion each product is on now (at most one; a product on none is absent).</summary>
    public const string PromotionsNowFile = "product_promotions.csv";

    /// <summary>products.csv</summary>
    public const string ProductsFile = "products.csv";

    /// <summary>stores.csv</summary>
    public const string StoresFile = "stores.csv";

    /// <summary>promotions.csv</summary>
    public const string PromotionsFile = "promotions.csv";

    /// <summary>transactions.csv</summary>
    public const string TransactionsFile = "transactions.csv";

    /// <summary>Every source file, in load order.</summary>
    public static IReadOnlyList<string> Files { get; } = [CustomersFile, PhonesFile, ProductsFile, CatalogueFile, StoresFile, PromotionsFile, PromotionsNowFile, TransactionsFile];

    /// <summary>The header of customers.csv.</summary>
    public static IReadOnlyList<string> CustomerColumns { get; } =
        ["customer_id", "first_name", "last_name", "birth_date", "gender", "customer_segment", "registration_date", "email", "phone", "address", "city", "state", "country", "postal_code"];

    /// <summary>The header of customer_phones.csv.</summary>
    public static IReadOnlyList<string> PhoneColumns { get; } = ["customer_id", "phone_type", "phone_number"];

    /// <summary>The header of product_catalogue.csv.</summary>
    public static IReadOnlyList<string> CatalogueColumns { get; } = ["product_id"];

    /// <summary>The header of product_promotions.csv.</summary>
    public static IReadOnlyList<string> PromotionNowColumns { get; } = ["product_id", "promotion_id"];

    /// <summary>The header of products.csv.</summary>
    public static IReadOnlyList<string> ProductColumns { get; } =
        ["product_id", "product_name", "category", "subcategory", "brand", "supplier", "unit_cost", "unit_price", "currency"];

    /// <summary>The header of stores.csv.</summary>
    public static IReadOnlyList<string> StoreColumns { get; } =
        ["store_id", "store_name", "store_type", "manager", "address", "city", "state", "country", "postal_code", "phone", "open_date", "square_footage", "number_of_employees"];

    /// <summary>The header of promotions.csv.</summary>
    public static IReadOnlyList<string> PromotionColumns { get; } =
        ["promotion_id", "promotion_name", "promotion_type", "discount_percentage", "start_date", "end_date", "description"];

    /// <summary>The header of transactions.csv.</summary>
    public static IReadOnlyList<string> TransactionColumns { get; } =
        ["transaction_id", "transaction_date", "transaction_time", "customer_id", "product_id", "store_id", "promotion_id", "quantity", "unit_price", "discount_amount", "tax_amount", "line_item_number", "payment_method"];

    /// <summary>Writes a batch's files into <paramref name="folder"/> (created if needed); absent extracts have no file (an old one is deleted).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="batch">The batch.</param>
    /// <returns>The number of rows written, over all files.</returns>
    public static long WriteBatch(string folder, RetailBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Directory.CreateDirectory(folder);
        long rows = 0;
        rows += Write(folder, CustomersFile, CustomerColumns, batch.Customers, c =>
            [c.CustomerId, c.FirstName, c.LastName, c.BirthDate, c.Gender, c.CustomerSegment, c.RegistrationDate, c.Email, c.Phone, c.Address, c.City, c.State, c.Country, c.PostalCode]);
        rows += Write(folder, PhonesFile, PhoneColumns, batch.Phones, p => [p.CustomerId, p.PhoneType, p.PhoneNumber]);
        rows += Write(folder, ProductsFile, ProductColumns, batch.Products, p =>
            [p.ProductId, p.ProductName, p.Category, p.Subcategory, p.Brand, p.Supplier, p.UnitCost, p.UnitPrice, p.Currency]);
        rows += Write(folder, CatalogueFile, CatalogueColumns, batch.Catalogue, id => [id]);
        rows += Write(folder, StoresFile, StoreColumns, batch.Stores, s =>
            [s.StoreId, s.StoreName, s.StoreType, s.Manager, s.Address, s.City, s.State, s.Country, s.PostalCode, s.Phone, s.OpenDate, s.SquareFootage, s.NumberOfEmployees]);
        rows += Write(folder, PromotionsFile, PromotionColumns, batch.Promotions, p =>
            [p.PromotionId, p.PromotionName, p.PromotionType, p.DiscountPercentage, p.StartDate, p.EndDate, p.Description]);
        rows += Write(folder, PromotionsNowFile, PromotionNowColumns, batch.PromotionsNow, p => [p.ProductId, p.PromotionId]);
        rows += Write(folder, TransactionsFile, TransactionColumns, batch.Transactions, t =>
            [t.TransactionId, t.TransactionDate, t.TransactionTime, t.CustomerId, t.ProductId, t.StoreId, t.PromotionId, t.Quantity, t.UnitPrice, t.DiscountAmount, t.TaxAmount, t.LineItemNumber, t.PaymentMethod]);
        return rows;
    }

    private static long Write<T>(string folder, string file, IReadOnlyList<string> header, IReadOnlyList<T>? rows, Func<T, object?[]> values)
    {
        if (rows is null)
        {
            // A file left from an earlier run would otherwise be loaded with this batch.
            File.Delete(Path.Combine(folder, file));
            return 0;
        }

        using var writer = new CsvTableWriter(Path.Combine(folder, file), header);
        foreach (var row in rows)
        {
            writer.WriteRow(values(row));
        }

        return rows.Count;
    }
}

namespace Retail.Data;

/// <summary>A customer as the source system holds it (one row of customers.csv).</summary>
internal sealed record Customer(
    string CustomerId,
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string Gender,
    string CustomerSegment,
    DateOnly RegistrationDate,
    string Email,
    string Phone,
    string Address,
    string City,
    string State,
    string Country,
    string PostalCode);

/// <summary>A product and its current price (one row of products.csv).</summary>
internal sealed record Product(
    string ProductId,
    string ProductName,
    string Category,
    string Subcategory,
    string Brand,
    string Supplier,
    decimal UnitCost,
    decimal UnitPrice,
    string Currency);

/// <summary>A store (one row of stores.csv).</summary>
internal sealed record Store(
    string StoreId,
    string StoreName,
    string StoreType,
    string Manager,
    string Address,
    string City,
    string State,
    string Country,
    string PostalCode,
    string Phone,
    DateOnly OpenDate,
    int SquareFootage,
    int NumberOfEmployees);

/// <summary>A promotion (one row of promotions.csv).</summary>
internal sealed record Promotion(
    string PromotionId,
    string PromotionName,
    string PromotionType,
    decimal DiscountPercentage,
    DateOnly StartDate,
    DateOnly EndDate,
    string Description);

/// <summary>One line of a sales transaction (one row of transactions.csv); no promotion is an empty <see cref="PromotionId"/>.</summary>
internal sealed record TransactionLine(
    string TransactionId,
    DateOnly TransactionDate,
    TimeOnly TransactionTime,
    string CustomerId,
    string ProductId,
    string StoreId,
    string? PromotionId,
    int Quantity,
    decimal UnitPrice,
    decimal DiscountAmount,
    decimal TaxAmount,
    int LineItemNumber,
    string PaymentMethod);

/// <summary>One of a customer's phones (one row of customer_phones.csv): a customer has several at once, one per type.</summary>
internal sealed record CustomerPhone(string CustomerId, string PhoneType, string PhoneNumber);

/// <summary>One batch of source extracts: each list is a file; <see langword="null"/> means the file is absent from the batch.</summary>
internal sealed record RetailBatch(
    string Name,
    DateOnly BatchDate,
    IReadOnlyList<Customer>? Customers,
    IReadOnlyList<Product>? Products,
    IReadOnlyList<Store>? Stores,
    IReadOnlyList<Promotion>? Promotions,
    IReadOnlyList<TransactionLine>? Transactions,
    IReadOnlyList<CustomerPhone>? Phones = null,
    IReadOnlyList<string>? Catalogue = null,
    IReadOnlyList<ProductOnPromotion>? PromotionsNow = null);

/// <summary>The promotion a product is on now (one row of product_promotions.csv, a full extract: at most one per product).</summary>
internal sealed record ProductOnPromotion(string ProductId, string PromotionId);

using System.Globalization;
using Bogus;

namespace Retail.Data;

/// <summary>How much data to make, from which seed, for which dates.</summary>
/// <param name="Seed">The random seed: the same seed and options make the same files, byte for byte.</param>
/// <param name="Customers">Customers in the first batch (the seed's 1000).</param>
/// <param name="Products">Products in the first batch (500).</param>
/// <param name="Stores">Stores (20).</param>
/// <param name="Promotions">Promotions (50).</param>
/// <param name="Transactions">Transaction lines in the first batch (10,000); later batches get a tenth of that each.</param>
/// <param name="Batches">Number of batches: the first is a full extract, later ones hold only what changed.</param>
/// <param name="LastBatchDate">The business date of the last batch; batch i of K is dated <c>K - i</c> days earlier.</param>
internal sealed record GeneratorOptions(
    int Seed,
    int Customers,
    int Products,
    int Stores,
    int Promotions,
    int Transactions,
    int Batches,
    DateOnly LastBatchDate)
{
    /// <summary>The seed's volumes: 1000 customers, 500 products, 20 stores, 50 promotions, 10,000 transaction lines.</summary>
    /// <param name="lastBatchDate">The business date of the last batch.</param>
    /// <param name="batches">The number of batches.</param>
    /// <returns>The options.</returns>
    public static GeneratorOptions Default(DateOnly lastBatchDate, int batches = 1) =>
        new(Seed: 42, Customers: 1000, Products: 500, Stores: 20, Promotions: 50, Transactions: 10_000, Batches: batches, LastBatchDate: lastBatchDate);

    /// <summary>Checks the volumes.</summary>
    /// <returns>A problem, or <see langword="null"/>.</returns>
    public string? Problem() =>
        Customers < 1 || Products < 1 || Stores < 1 ? "customers, products and stores must be at least 1" :
        Promotions < 0 || Transactions < 0 ? "promotions and transactions must not be negative" :
        Batches < 1 ? "batches must be at least 1" :
        null;
}

/// <summary>
/// Deterministic fake retail data with Bogus: batch 1 is a full extract of every source; each later batch holds only
/// what changed since the one before (price changes, customers moving city or changing segment — some changing back,
/// A → B → A — new customers and products, a store with a new manager) plus new transactions. Every value comes from
/// one seeded <see cref="Randomizer"/> and the dates from <see cref="GeneratorOptions.LastBatchDate"/>: never the clock.
/// </summary>
internal sealed class RetailDataGenerator
{
    private static readonly string[] Segments = ["Regular", "Premium", "VIP", "Budget"];
    private static readonly string[] Genders = ["Female", "Male", "Other"];
    private static readonly string[] StoreTypes = ["Flagship", "Mall", "Outlet", "Express", "Superstore"];
    private static readonly string[] PromotionTypes = ["Percentage Discount", "Seasonal", "Clearance", "Loyalty", "Bundle"];
    private static readonly string[] PaymentMethods = ["Credit Card", "Debit Card", "Cash", "Mobile Payment", "Gift Card"];
    private static readonly (string Category, string[] Subcategories)[] Categories =
    [
        ("Electronics", ["Phones", "Laptops", "Audio", "Cameras"]),
        ("Home & Kitchen", ["Cookware", "Furniture", "Decor", "Appliances"]),
        ("Clothing", ["Men", "Women", "Kids", "Shoes"]),
        ("Sports", ["Fitness", "Outdoor", "Team Sports", "Cycling"]),
        ("Grocery", ["Snacks", "Beverages", "Pantry", "Organic"]),
        ("Toys", ["Games", "Puzzles", "Dolls", "Building Sets"]),
    ];

    private const decimal TaxRate = 0.0825m;

    private readonly GeneratorOptions _options;
    private readonly Faker _faker;
    // The phones come from their own seeded randomizer, so adding them left every other file byte for byte as before.
    private readonly Faker _phoneFaker;
    private readonly Dictionary<string, List<CustomerPhone>> _phones = new(StringComparer.Ordinal);
    private Dictionary<string, List<CustomerPhone>> _lastPhoneChanges = new(StringComparer.Ordinal);
    // The catalogue (products on sale) from its own randomizer too; discontinued products stay in _products.
    private readonly Faker _catalogueFaker;
    private readonly SortedSet<string> _discontinued = new(StringComparer.Ordinal);
    private List<string> _lastCatalogue = [];
    // The promotion each product is on now, from its own randomizer too.
    private readonly Faker _promotionFaker;
    private readonly SortedDictionary<string, string> _onPromotion = new(StringComparer.Ordinal);
    private Dictionary<string, string> _lastMoves = new(StringComparer.Ordinal);
    private readonly List<Customer> _customers = [];
    private readonly List<Product> _products = [];
    private readonly List<Store> _stores = [];
    private readonly List<Promotion> _promotions = [];
    private Dictionary<string, string> _lastSegmentChanges = new(StringComparer.Ordinal);
    private int _nextTransaction = 1;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">Volumes, seed and dates.</param>
    public RetailDataGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options;
        // One seeded randomizer for everything (no global Randomizer.Seed, so generators in parallel tests do not interfere).
        _faker = new Faker("en") { Random = new Randomizer(options.Seed) };
        _phoneFaker = new Faker("en") { Random = new Randomizer(unchecked(options.Seed * 31 + 7)) };
        _catalogueFaker = new Faker("en") { Random = new Randomizer(unchecked(options.Seed * 31 + 11)) };
        _promotionFaker = new Faker("en") { Random = new Randomizer(unchecked(options.Seed * 31 + 13)) };
    }

    /// <summary>Makes every batch, in order.</summary>
    /// <returns>The batches <c>batch-01</c> … <c>batch-K</c>.</returns>
    public IReadOnlyList<RetailBatch> Generate()
    {
        var batches = new List<RetailBatch>(_options.Batches);
        for (var i = 1; i <= _options.Batches; i++)
        {
            var date = _options.LastBatchDate.AddDays(i - _options.Batches);
            batches.Add(i == 1 ? FirstBatch(date) : LaterBatch(i, date));
        }

        return batches;
    }

    /// <summary>The folder name of batch <paramref name="number"/>.</summary>
    /// <param name="number">1-based.</param>
    /// <returns><c>batch-01</c>, <c>batch-02</c>, …</returns>
    public static string BatchName(int number) => "batch-" + number.ToString("D2", CultureInfo.InvariantCulture);

    private RetailBatch FirstBatch(DateOnly date)
    {
        for (var i = 0; i < _options.Customers; i++)
        {
            _customers.Add(NewCustomer(date));
        }

        for (var i = 0; i < _options.Products; i++)
        {
            _products.Add(NewProduct());
        }

        for (var i = 0; i < _options.Stores; i++)
        {
            _stores.Add(NewStore());
        }

        for (var i = 0; i < _options.Promotions; i++)
        {
            _promotions.Add(NewPromotion(date));
        }

        // A year of sales before the first load.
        var transactions = Transactions(_options.Transactions, date.AddDays(-365), date.AddDays(-1), _customers, _products);
        var phones = _customers.SelectMany(c => _phones[c.CustomerId] = NewPhones(c.CustomerId)).ToList();
        return new RetailBatch(BatchName(1), date, [.. _customers], [.. _products], [.. _stores], [.. _promotions], transactions, phones, Catalogue(1), PromotionsNow(1));
    }

    private RetailBatch LaterBatch(int number, DateOnly date)
    {
        var random = _faker.Random;

        // Customers: some move, some change segment; in batch 3 and later, half of the previous batch's segment changes
        // are undone (A -> B -> A: three versions, the third equal to the first). Then a few new customers.
        var changed = new Dictionary<string, Customer>(StringComparer.Ordinal);
        var segmentChanges = new Dictionary<string, string>(StringComparer.Ordinal);
        if (number >= 3)
        {
            var revert = _lastSegmentChanges.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            foreach (var (id, previous) in revert.Take(Math.Max(1, revert.Count / 2)))
            {
                var index = _customers.FindIndex(c => c.CustomerId == id);
                changed[id] = _customers[index] = _customers[index] with { CustomerSegment = previous };
            }
        }

        foreach (var index in PickIndexes(_customers.Count, Percent(_customers.Count, 3)))
        {
            var customer = changed.GetValueOrDefault(_customers[index].CustomerId) ?? _customers[index];
            var address = _faker.Address;
            changed[customer.CustomerId] = _customers[index] = customer with
            {
                Address = address.StreetAddress(),
                City = address.City(),
                State = address.StateAbbr(),
                PostalCode = address.ZipCode("#####"),
            };
        }

        foreach (var index in PickIndexes(_customers.Count, Percent(_customers.Count, 3)))
        {
            var customer = changed.GetValueOrDefault(_customers[index].CustomerId) ?? _customers[index];
            if (segmentChanges.ContainsKey(customer.CustomerId) || _lastSegmentChanges.ContainsKey(customer.CustomerId))
            {
                continue;
            }

            var segment = random.ArrayElement(Segments.Where(s => s != customer.CustomerSegment).ToArray());
            segmentChanges[customer.CustomerId] = customer.CustomerSegment;
            changed[customer.CustomerId] = _customers[index] = customer with { CustomerSegment = segment };
        }

        _lastSegmentChanges = segmentChanges;
        for (var i = 0; i < Percent(_options.Customers, 2); i++)
        {
            var customer = NewCustomer(date);
            _customers.Add(customer);
            changed[customer.CustomerId] = customer;
        }

        // Products: price changes (the cost too, half of the time) and a few new products.
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var index in PickIndexes(_products.Count, Percent(_products.Count, 5)))
        {
            var product = _products[index];
            var price = ChangedAmount(product.UnitPrice);
            var cost = random.Bool() ? ChangedAmount(product.UnitCost) : product.UnitCost;
            products[product.ProductId] = _products[index] = product with { UnitPrice = price, UnitCost = Math.Min(cost, price) };
        }

        for (var i = 0; i < Percent(_options.Products, 2); i++)
        {
            var product = NewProduct();
            _products.Add(product);
            products[product.ProductId] = product;
        }

        // Stores: in batch 2 one store gets a new manager; otherwise no store extract at all.
        List<Store>? stores = null;
        if (number == 2)
        {
            var index = random.Int(0, _stores.Count - 1);
            _stores[index] = _stores[index] with { Manager = _faker.Name.FullName() };
            stores = [_stores[index]];
        }

        // The day's sales since the previous load.
        var transactions = Transactions(Math.Max(1, _options.Transactions / 10), date.AddDays(-1), date.AddDays(-1), _customers, _products);
        return new RetailBatch(BatchName(number), date, [.. changed.Values], [.. products.Values], stores, null, transactions, ChangedPhones(number, changed.Values), Catalogue(number), PromotionsNow(number));
    }

    private List<TransactionLine> Transactions(int lines, DateOnly from, DateOnly to, List<Customer> customers, List<Product> products)
    {
        var random = _faker.Random;
        var result = new List<TransactionLine>(lines);
        var days = to.DayNumber - from.DayNumber;
        while (result.Count < lines)
        {
            var transactionId = "TXN" + _nextTransaction++.ToString("D7", CultureInfo.InvariantCulture);
            var date = from.AddDays(random.Int(0, days));
            var time = new TimeOnly(random.Int(8, 21), random.Int(0, 59), random.Int(0, 59));
            var customer = random.ListItem(customers);
            var store = random.ListItem(_stores);
            var payment = random.ArrayElement(PaymentMethods);
            var count = Math.Min(random.Int(1, 5), lines - result.Count);
            Product? previous = null;
            for (var line = 1; line <= count; line++)
            {
                // Now and then the same product twice on two lines of one transaction (the seed lost one of them).
                var product = previous is not null && random.Bool(0.06f) ? previous : random.ListItem(products);
                previous = product;
                var promotion = _promotions.Count > 0 && random.Bool(0.7f) ? random.ListItem(_promotions) : null;
                var quantity = random.Int(1, 5);
                var gross = product.UnitPrice * quantity;
                var discount = promotion is null ? 0m : Round(gross * promotion.DiscountPercentage / 100m);
                var tax = Round((gross - discount) * TaxRate);
                result.Add(new TransactionLine(
                    transactionId, date, time, customer.CustomerId, product.ProductId, store.StoreId, promotion?.PromotionId,
                    quantity, product.UnitPrice, discount, tax, line, payment));
            }
        }

        return result;
    }

    /// <summary>A customer's phones: always a mobile, often a home phone, sometimes a work phone.</summary>
    private List<CustomerPhone> NewPhones(string customerId)
    {
        var random = _phoneFaker.Random;
        var phones = new List<CustomerPhone> { new(customerId, "mobile", PhoneNumber()) };
        if (random.Bool(0.6f))
        {
            phones.Add(new CustomerPhone(customerId, "home", PhoneNumber()));
        }

        if (random.Bool(0.3f))
        {
            phones.Add(new CustomerPhone(customerId, "work", PhoneNumber()));
        }

        return phones;
    }

    /// <summary>
    /// The phones of a later batch, each customer listed with the whole set of their phones: new customers' phones; some
    /// customers with a new number, an added work phone or a dropped home phone; from batch 3 on, the first customer
    /// changed in the batch before gets their old set back (A → B → A).
    /// </summary>
    private List<CustomerPhone> ChangedPhones(int number, IEnumerable<Customer> changedCustomers)
    {
        var random = _phoneFaker.Random;
        var sets = new SortedDictionary<string, List<CustomerPhone>>(StringComparer.Ordinal);
        foreach (var customer in changedCustomers.Where(c => !_phones.ContainsKey(c.CustomerId)))
        {
            sets[customer.CustomerId] = _phones[customer.CustomerId] = NewPhones(customer.CustomerId);
        }

        var changes = new Dictionary<string, List<CustomerPhone>>(StringComparer.Ordinal);
        if (number >= 3 && _lastPhoneChanges.OrderBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault() is { Key: { } back, Value: { } previous })
        {
            sets[back] = _phones[back] = previous;
        }

        var known = _phones.Keys.Where(k => !sets.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in random.ListItems(known, Math.Min(known.Count, Percent(_options.Customers, 2))).Order(StringComparer.Ordinal))
        {
            var before = _phones[id];
            var after = random.Int(0, 2) switch
            {
                0 => [.. before.Select((p, i) => i == 0 ? p with { PhoneNumber = PhoneNumber() } : p)],
                1 when before.All(p => p.PhoneType != "work") => [.. before, new CustomerPhone(id, "work", PhoneNumber())],
                _ when before.Any(p => p.PhoneType == "home") => [.. before.Where(p => p.PhoneType != "home")],
                _ => before.Select((p, i) => i == 0 ? p with { PhoneNumber = PhoneNumber() } : p).ToList(),
            };
            changes[id] = before;
            sets[id] = _phones[id] = after;
        }

        _lastPhoneChanges = changes;
        return [.. sets.Values.SelectMany(p => p)];
    }

    /// <summary>
    /// The catalogue's full extract of a batch: the ids of every product on sale. From batch 2 on, a few products are
    /// discontinued (absent from it); from batch 3 on, the first product discontinued earlier is back on sale.
    /// </summary>
    private List<string> Catalogue(int number)
    {
        string? returned = null;
        if (number >= 3 && _discontinued.Count > 0)
        {
            returned = _discontinued.Min!;
            _discontinued.Remove(returned);
        }

        if (number >= 2)
        {
            // Only products the last extract had: a product new in this batch is on sale.
            var onSale = _lastCatalogue.Where(id => !_discontinued.Contains(id) && id != returned).ToList();
            foreach (var id in _catalogueFaker.Random.ListItems(onSale, Math.Min(onSale.Count - 1, Percent(_options.Products, 1))))
            {
                _discontinued.Add(id);
            }
        }

        _lastCatalogue = [.. _products.Select(p => p.ProductId).Where(id => !_discontinued.Contains(id))];
        return _lastCatalogue;
    }

    /// <summary>
    /// The full extract of the promotion each product is on now (at most one each): in batch 1 about a fifth of the
    /// products; from batch 2 on a few move to another promotion and a few leave theirs; from batch 3 on the first product
    /// moved in the batch before moves back (A → B → A).
    /// </summary>
    private List<ProductOnPromotion> PromotionsNow(int number)
    {
        if (_promotions.Count < 2)
        {
            return [.. _onPromotion.Select(p => new ProductOnPromotion(p.Key, p.Value))];
        }

        var random = _promotionFaker.Random;
        var promotions = _promotions.Select(p => p.PromotionId).ToList();
        if (number == 1)
        {
            foreach (var product in random.ListItems(_products.Select(p => p.ProductId).ToList(), Math.Max(1, _products.Count / 5)))
            {
                _onPromotion[product] = random.ListItem(promotions);
            }
        }
        else
        {
            var moves = new Dictionary<string, string>(StringComparer.Ordinal);
            string? back = null;
            if (number >= 3 && _lastMoves.OrderBy(m => m.Key, StringComparer.Ordinal).FirstOrDefault() is { Key: { } mover, Value: { } previous } && _onPromotion.ContainsKey(mover))
            {
                back = mover;
                _onPromotion[mover] = previous;
            }

            var on = _onPromotion.Keys.Where(p => p != back).ToList();
            foreach (var product in random.ListItems(on, Math.Min(on.Count, Percent(_options.Products, 2))).Order(StringComparer.Ordinal))
            {
                moves[product] = _onPromotion[product];
                _onPromotion[product] = random.ListItem(promotions.Where(p => p != _onPromotion[product]).ToList());
            }

            foreach (var product in random.ListItems(on.Where(p => !moves.ContainsKey(p)).ToList(), Math.Min(on.Count - moves.Count, Percent(_options.Products, 1))))
            {
                _onPromotion.Remove(product);
            }

            _lastMoves = moves;
        }

        return [.. _onPromotion.Select(p => new ProductOnPromotion(p.Key, p.Value))];
    }

    private string PhoneNumber() => _phoneFaker.Phone.PhoneNumber("###-###-####");

    private Customer NewCustomer(DateOnly batchDate)
    {
        var random = _faker.Random;
        var id = "CUST" + (_customers.Count + 1).ToString("D5", CultureInfo.InvariantCulture);
        var gender = random.ArrayElement(Genders);
        var first = gender switch
        {
            "Female" => _faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female),
            "Male" => _faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male),
            _ => _faker.Name.FirstName(),
        };
        var last = _faker.Name.LastName();
        var address = _faker.Address;
        return new Customer(
            id,
            first,
            last,
            batchDate.AddDays(-random.Int(18 * 365, 80 * 365)),
            gender,
            random.WeightedRandom(Segments, [0.55f, 0.25f, 0.05f, 0.15f]),
            batchDate.AddDays(-random.Int(1, 5 * 365)),
            _faker.Internet.Email(first, last, "example.com", id[4..]).ToLowerInvariant(),
            _faker.Phone.PhoneNumber("###-###-####"),
            address.StreetAddress(),
            address.City(),
            address.StateAbbr(),
            "USA",
            address.ZipCode("#####"));
    }

    private Product NewProduct()
    {
        var random = _faker.Random;
        var id = "PROD" + (_products.Count + 1).ToString("D5", CultureInfo.InvariantCulture);
        var (category, subcategories) = random.ArrayElement(Categories);
        var cost = Round(random.Decimal(2m, 200m));
        var price = Round(cost * random.Decimal(1.2m, 2.0m));
        var brand = _faker.Company.CompanyName(0);
        return new Product(
            id,
            _faker.Commerce.ProductName(),
            category,
            random.ArrayElement(subcategories),
            brand,
            // A supplier name with a comma now and then, so that the CSV writer has to quote.
            random.Bool(0.3f) ? _faker.Company.CompanyName(2) : _faker.Company.CompanyName(0) + " Supply",
            cost,
            price,
            "USD");
    }

    private Store NewStore()
    {
        var random = _faker.Random;
        var number = _stores.Count + 1;
        var address = _faker.Address;
        var city = address.City();
        var type = random.ArrayElement(StoreTypes);
        return new Store(
            "STORE" + number.ToString("D3", CultureInfo.InvariantCulture),
            $"{city} {type}",
            type,
            _faker.Name.FullName(),
            address.StreetAddress(),
            city,
            address.StateAbbr(),
            "USA",
            address.ZipCode("#####"),
            _faker.Phone.PhoneNumber("###-###-####"),
            new DateOnly(2000, 1, 1).AddDays(random.Int(0, 20 * 365)),
            random.Int(20, 500) * 100,
            random.Int(5, 200));
    }

    private Promotion NewPromotion(DateOnly batchDate)
    {
        var random = _faker.Random;
        var number = _promotions.Count + 1;
        var type = random.ArrayElement(PromotionTypes);
        var start = batchDate.AddDays(-random.Int(0, 365));
        return new Promotion(
            "PROMO" + number.ToString("D3", CultureInfo.InvariantCulture),
            $"{_faker.Commerce.ProductAdjective()} {type} #{number}",
            type,
            Round(random.Int(5, 50)),
            start,
            start.AddDays(random.Int(7, 90)),
            // Every fifth description has quotes and a comma: the CSV must quote it.
            number % 5 == 0 ? $"Save on \"{_faker.Commerce.Department()}\", while stocks last." : _faker.Lorem.Sentence(8));
    }

    private decimal ChangedAmount(decimal value)
    {
        var factor = 1m + (_faker.Random.Bool() ? 1 : -1) * _faker.Random.Decimal(0.03m, 0.15m);
        var changed = Round(value * factor);
        return changed == value ? value + 0.01m : Math.Max(0.01m, changed);
    }

    private IEnumerable<int> PickIndexes(int count, int take) =>
        _faker.Random.ListItems(Enumerable.Range(0, count).ToList(), Math.Min(take, count)).Order();

    private static int Percent(int count, int percent) => Math.Max(1, count * percent / 100);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

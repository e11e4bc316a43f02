using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataVault.Benchmarks.Loading;

/// <summary>
/// Deterministic CSV files of retail transaction lines (seeded <see cref="Random"/>), cached in a temporary folder:
/// 1–5 lines per transaction, ~10,000 customers, 5,000 products, 50 stores, 100 promotions, ~30 % of lines without a
/// promotion. The incremental batch has new transactions, mostly known customers and products and a few new ones.
/// </summary>
internal static class RetailLinesCsv
{
    /// <summary>Bump when the generated content changes, so that cached files are regenerated.</summary>
    private const int GeneratorVersion = 1;

    private static readonly string[] PaymentMethods = ["cash", "credit_card", "debit_card", "mobile_wallet", "gift_card"];

    /// <summary>The cache folder (default: the temp folder's <c>datavault-bench/loading</c>).</summary>
    public static string CacheFolder { get; set; } = Path.Combine(Path.GetTempPath(), "datavault-bench", "loading");

    /// <summary>The full file of <paramref name="lines"/> lines, generated if it is not cached.</summary>
    public static (string Path, LinesStats Stats) Full(long lines, int seed = 20261101) =>
        Ensure($"lines-{lines}-s{seed}-v{GeneratorVersion}", new Shape(lines, seed, "TXN", CustomerPool: 10_000, NewCustomers: 0, NewCustomerShare: 0, ProductPool: 5_000, NewProducts: 0, NewProductShare: 0, new DateOnly(2024, 1, 1)));

    /// <summary>
    /// The incremental batch: <paramref name="lines"/> lines of new transactions (ids <c>TXNI…</c>); 85 % of the lines
    /// name one of the 10,000 known customers and 15 % one of 2,000 new ones; 90 % a known product and 10 % one of 500 new ones.
    /// </summary>
    public static (string Path, LinesStats Stats) Incremental(long lines = 10_000, int seed = 20261102) =>
        Ensure($"incremental-{lines}-s{seed}-v{GeneratorVersion}", new Shape(lines, seed, "TXNI", CustomerPool: 10_000, NewCustomers: 2_000, NewCustomerShare: 0.15, ProductPool: 5_000, NewProducts: 500, NewProductShare: 0.10, new DateOnly(2026, 1, 1)));

    private static (string Path, LinesStats Stats) Ensure(string name, Shape shape)
    {
        Directory.CreateDirectory(CacheFolder);
        var csv = Path.Combine(CacheFolder, name + ".csv");
        var statsFile = Path.Combine(CacheFolder, name + ".stats.json");
        if (File.Exists(csv) && File.Exists(statsFile))
        {
            var cached = JsonSerializer.Deserialize<LinesStats>(File.ReadAllText(statsFile));
            if (cached is not null && cached.Lines == shape.Lines)
            {
                return (csv, cached);
            }
        }

        var temporary = csv + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        var stats = Write(temporary, shape);
        File.Move(temporary, csv, overwrite: true);
        File.WriteAllText(statsFile, JsonSerializer.Serialize(stats));
        return (csv, stats);
    }

    private static LinesStats Write(string path, Shape shape)
    {
        var random = new Random(shape.Seed);
        var customers = new HashSet<int>();
        var products = new HashSet<int>();
        var stores = new HashSet<int>();
        var promotions = new HashSet<int>();
        var pairs = new HashSet<(int, int)>();
        long written = 0;
        var transactions = 0;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            writer.WriteLine(string.Join(',', RetailLinesModel.Columns));
            var line = new StringBuilder(160);
            while (written < shape.Lines)
            {
                transactions++;
                var count = (int)Math.Min(random.Next(1, 6), shape.Lines - written);
                var customer = Pick(random, shape.CustomerPool, shape.NewCustomers, shape.NewCustomerShare);
                var store = random.Next(1, 51);
                var date = shape.FirstDate.AddDays(random.Next(0, 730));
                var time = new TimeOnly(random.Next(8, 22), random.Next(0, 60), random.Next(0, 60));
                var payment = PaymentMethods[random.Next(PaymentMethods.Length)];
                customers.Add(customer);
                stores.Add(store);
                for (var item = 1; item <= count; item++)
                {
                    var product = Pick(random, shape.ProductPool, shape.NewProducts, shape.NewProductShare);
                    var promotion = random.NextDouble() < 0.30 ? 0 : random.Next(1, 101);
                    var quantity = random.Next(1, 11);
                    var unitPrice = random.Next(50, 50_001); // cents
                    var gross = quantity * unitPrice;
                    var discount = promotion == 0 ? 0 : gross * random.Next(5, 31) / 100;
                    var tax = (gross - discount) * 8 / 100;
                    products.Add(product);
                    if (promotion != 0)
                    {
                        promotions.Add(promotion);
                    }

                    pairs.Add((product, promotion));
                    line.Clear();
                    line.Append(CultureInfo.InvariantCulture, $"{shape.TransactionPrefix}{transactions:D8},{item},CUST{customer:D6},PROD{product:D6},STORE{store:D3},");
                    if (promotion != 0)
                    {
                        line.Append(CultureInfo.InvariantCulture, $"PROMO{promotion:D4}");
                    }

                    line.Append(CultureInfo.InvariantCulture, $",{date:yyyy-MM-dd},{time:HH:mm:ss},{payment},{quantity},");
                    AppendMoney(line, unitPrice).Append(',');
                    AppendMoney(line, discount).Append(',');
                    AppendMoney(line, tax).Append(',');
                    AppendMoney(line, gross - discount + tax);
                    writer.WriteLine(line);
                    written++;
                }
            }
        }

        return new LinesStats(written, transactions, customers.Count, products.Count, stores.Count, promotions.Count, pairs.Count);
    }

    private static int Pick(Random random, int pool, int fresh, double freshShare) =>
        fresh > 0 && random.NextDouble() < freshShare ? pool + random.Next(1, fresh + 1) : random.Next(1, pool + 1);

    private static StringBuilder AppendMoney(StringBuilder builder, long cents) =>
        builder.Append(CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:D2}");

    private sealed record Shape(long Lines, int Seed, string TransactionPrefix, int CustomerPool, int NewCustomers, double NewCustomerShare, int ProductPool, int NewProducts, double NewProductShare, DateOnly FirstDate);
}

/// <summary>What a generated file holds: lines and distinct keys.</summary>
internal sealed record LinesStats(long Lines, int Transactions, int Customers, int Products, int Stores, int Promotions, int ProductPromotionPairs)
{
    /// <summary>The rows a load of this file into an empty vault must produce, per table (hubs include their ghost record).</summary>
    public Dictionary<string, long> ExpectedRows() => new(StringComparer.Ordinal)
    {
        ["hub_customer"] = Customers + 1,
        ["hub_product"] = Products + 1,
        ["hub_store"] = Stores + 1,
        ["hub_transaction"] = Transactions + 1,
        ["hub_promotion"] = Promotions + 1,
        ["link_sales"] = Lines,
        ["link_product_promotion"] = ProductPromotionPairs,
        ["sat_sales_metrics"] = Lines,
        ["sat_transaction_details"] = Transactions,
    };
}

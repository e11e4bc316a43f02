using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DataVault.Core.Sql;
using FluentAssertions;
using Retail.Data;
using Retail.Database;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// End to end: the sample's own commands (<c>load</c>, <c>pit</c>, <c>query</c>, <c>report</c>), run in-process over
/// three generated batches against a fresh database per test, and the vault's contents checked with SQL.
/// </summary>
public abstract class RetailScenarioTests<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private readonly RetailTestData _data;

    protected RetailScenarioTests(RetailTestData data) => _data = data;

    protected TDatabase Database { get; } = new();

    private SqlDialect Dialect => Database.Dialect;

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    [Fact]
    public async Task Three_batches_keep_history_without_duplicating_unchanged_rows()
    {
        await LoadAllAsync();
        var batches = _data.Batches;
        await using var connection = await Database.OpenAsync();

        // Hubs: every key once (ghost records aside), from every file that has it.
        var customers = batches.SelectMany(b => b.Customers ?? []).Select(c => c.CustomerId).Distinct().Count();
        (await CountAsync(connection, "SELECT COUNT(*) FROM hub_customer WHERE record_source <> 'SYSTEM'")).Should().Be(customers);
        var lines = batches.SelectMany(b => b.Transactions ?? []).ToList();
        (await CountAsync(connection, "SELECT COUNT(*) FROM hub_transaction WHERE record_source <> 'SYSTEM'")).Should().Be(lines.Select(l => l.TransactionId).Distinct().Count());

        // Satellites: a version only when something changed — unchanged rows of later batches are not duplicated.
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_customer_details WHERE record_source <> 'SYSTEM'")).Should().Be(
            RetailTestData.Versions(batches.Select(b => b.Customers), c => c.CustomerId, c => (c.FirstName, c.LastName, c.BirthDate, c.Gender, c.CustomerSegment, c.RegistrationDate)));
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_customer_contact WHERE record_source <> 'SYSTEM'")).Should().Be(
            RetailTestData.Versions(batches.Select(b => b.Customers), c => c.CustomerId, c => (c.Email, c.Phone, c.Address, c.City, c.State, c.Country, c.PostalCode)));
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_product_pricing WHERE record_source <> 'SYSTEM'")).Should().Be(
            RetailTestData.Versions(batches.Select(b => b.Products), p => p.ProductId, p => (p.UnitCost, p.UnitPrice, p.Currency)));
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_product_details WHERE record_source <> 'SYSTEM'")).Should().Be(
            batches.SelectMany(b => b.Products ?? []).Select(p => p.ProductId).Distinct().Count(), "no product's details change");
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_store_details WHERE record_source <> 'SYSTEM'")).Should().Be(RetailTestData.Options.Stores + 1, "one store gets a new manager in batch 2");

        // Every line kept, also two lines of one transaction with the same product (the seed lost one).
        (await CountAsync(connection, "SELECT COUNT(*) FROM link_sales")).Should().Be(lines.Count);
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_sales_metrics")).Should().Be(lines.Count);
        lines.GroupBy(l => (l.TransactionId, l.ProductId)).Should().Contain(g => g.Count() > 1, "the generator puts a product twice on some transaction");

        // A line without a promotion links to the zero key in link_sales, and creates no product-promotion pair.
        // The link also holds every relationship of the extracts of the promotion each product is on (effectivity).
        var pairs = lines.Where(l => l.PromotionId is not null).Select(l => (l.ProductId, l.PromotionId))
            .Concat(batches.SelectMany(b => b.PromotionsNow ?? []).Select(p => (p.ProductId, (string?)p.PromotionId))).Distinct().Count();
        (await CountAsync(connection, "SELECT COUNT(*) FROM link_product_promotion")).Should().Be(pairs);
        (await CountAsync(connection, """
            SELECT COUNT(*) FROM link_sales l JOIN hub_promotion h ON h.hub_promotion_hk = l.hub_promotion_hk WHERE h.record_source = 'SYSTEM'
            """)).Should().Be(lines.Count(l => l.PromotionId is null));

        // A -> B -> A: three versions, the third equal to the first, each ending where the next begins.
        var changedBack = Interesting.CustomersChangedBack(batches);
        changedBack.Should().NotBeEmpty();
        foreach (var customer in changedBack)
        {
            var history = await QueryAsync(connection, """
                SELECT s.customer_segment, s.load_date, s.load_end_date
                FROM sat_customer_details s JOIN hub_customer h ON h.hub_customer_hk = s.hub_customer_hk
                WHERE h.customer_id = @customer ORDER BY s.load_date
                """, ("customer", customer));
            history.Should().HaveCount(3);
            var segments = history.Select(r => (string)r[0]!).ToList();
            segments[0].Should().Be(segments[2]).And.NotBe(segments[1]);
            Timestamp(history[0][2]).Should().Be(Timestamp(history[1][1]));
            Timestamp(history[1][2]).Should().Be(Timestamp(history[2][1]));
            history[2][2].Should().BeNull();
            Timestamp(history[1][1]).Should().Be(RetailTestData.LoadDate(1));
        }

        // Exactly one current version per key, and no two versions of one key overlap.
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_customer_details WHERE load_end_date IS NULL AND record_source <> 'SYSTEM'")).Should().Be(customers);
        (await CountAsync(connection, """
            SELECT COUNT(*) FROM sat_product_pricing a JOIN sat_product_pricing b
              ON a.hub_product_hk = b.hub_product_hk AND a.load_date < b.load_date AND (a.load_end_date IS NULL OR a.load_end_date > b.load_date)
            """)).Should().Be(0);

        // Text survives the CSV round trip: descriptions with commas and quotes, names with commas.
        var descriptions = (await QueryAsync(connection, "SELECT h.promotion_id, s.description FROM sat_promotion_details s JOIN hub_promotion h ON h.hub_promotion_hk = s.hub_promotion_hk"))
            .ToDictionary(r => (string)r[0]!, r => (string?)r[1]);
        descriptions.Should().BeEquivalentTo(batches[0].Promotions!.ToDictionary(p => p.PromotionId, p => (string?)p.Description));
        batches[0].Promotions!.Should().Contain(p => p.Description.Contains('"', StringComparison.Ordinal), "the generator writes quotes now and then");

        // The price history query of a re-priced product: two versions, old then new.
        var product = Interesting.RepricedProduct(batches)!;
        var (code, output) = await Cli.RunAsync(["query", "price-history", "--product", product, "--format", "json"], Database.Options);
        code.Should().Be(0, output);
        var prices = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        prices.Should().HaveCount(2);
        prices[0].GetProperty("status").GetString().Should().Be("current");
        prices[0].GetProperty("unit_price").GetDecimal().Should().Be(batches[1].Products!.Single(p => p.ProductId == product).UnitPrice);
        prices[1].GetProperty("unit_price").GetDecimal().Should().Be(batches[0].Products!.Single(p => p.ProductId == product).UnitPrice);

        // The report runs and shows the counts.
        (code, output) = await Cli.RunAsync(["report"], Database.Options);
        code.Should().Be(0, output);
        output.Should().Contain("hub_customer").And.Contain("products with price changes").And.Contain("batch-03");
    }

    [Fact]
    public async Task Sales_metrics_exclude_tax_and_use_the_cost_valid_at_the_load()
    {
        await LoadAllAsync();
        await using var connection = await Database.OpenAsync();
        var rows = await QueryAsync(connection, """
            SELECT t.transaction_id, l.line_item_number, m.total_amount, m.cost, m.profit, m.line_item_number
            FROM link_sales l
            JOIN hub_transaction t ON t.hub_transaction_hk = l.hub_transaction_hk
            JOIN sat_sales_metrics m ON m.link_sales_hk = l.link_sales_hk
            """);
        var stored = rows.ToDictionary(r => ((string)r[0]!, Convert.ToInt32(r[1], CultureInfo.InvariantCulture)), r => (Total: Money(r[2]), Cost: Money(r[3]), Profit: Money(r[4])));

        var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var checkedRepriced = 0;
        foreach (var batch in _data.Batches)
        {
            var before = new Dictionary<string, decimal>(costs, StringComparer.Ordinal);
            foreach (var product in batch.Products ?? [])
            {
                costs[product.ProductId] = product.UnitCost;
            }

            foreach (var line in batch.Transactions ?? [])
            {
                var total = line.UnitPrice * line.Quantity - line.DiscountAmount;
                var cost = costs[line.ProductId] * line.Quantity;
                stored[(line.TransactionId, line.LineItemNumber)].Should().Be(((decimal?)total, (decimal?)cost, (decimal?)(total - cost)), $"{line.TransactionId} line {line.LineItemNumber}");
                if (before.TryGetValue(line.ProductId, out var old) && old != costs[line.ProductId])
                {
                    checkedRepriced++;
                }
            }
        }

        checkedRepriced.Should().BePositive("some later lines sell a product whose cost changed in the same batch");
    }

    [Fact]
    public async Task As_of_query_through_the_PITs_returns_the_values_valid_at_that_date()
    {
        await LoadAllAsync();
        var (code, output) = await Cli.RunAsync(["pit", "--from", "2026-03-07", "--to", "2026-03-10"], Database.Options);
        code.Should().Be(0, output);

        var batches = _data.Batches;
        var product = Interesting.RepricedProduct(batches)!;
        var oldPrice = batches[0].Products!.Single(p => p.ProductId == product).UnitPrice;
        var newPrice = batches[1].Products!.Single(p => p.ProductId == product).UnitPrice;
        var lines = batches.SelectMany(b => b.Transactions ?? []).Where(t => t.ProductId == product).ToList();

        async Task<List<JsonElement>> SalesAsOf(string date)
        {
            var (c, o) = await Cli.RunAsync(["query", "sales-as-of", "--as-of", date, "--product", product, "--limit", "1000", "--format", "json"], Database.Options);
            c.Should().Be(0, o);
            return [.. JsonDocument.Parse(o).RootElement.EnumerateArray()];
        }

        // Before the first load the vault knew nothing.
        (await SalesAsOf("2026-03-07")).Should().BeEmpty();

        // End of 2026-03-08: batch 1 only, the old price.
        var first = await SalesAsOf("2026-03-08");
        first.Should().HaveCount(batches[0].Transactions!.Count(t => t.ProductId == product));
        first.Should().OnlyContain(r => r.GetProperty("historical_price").GetDecimal() == oldPrice);

        // End of 2026-03-09: batch 2 is loaded, the new price, and the day's new sales.
        var second = await SalesAsOf("2026-03-09");
        second.Should().HaveCount(lines.Count(l => batches[0].Transactions!.Contains(l) || batches[1].Transactions!.Contains(l)));
        second.Should().OnlyContain(r => r.GetProperty("historical_price").GetDecimal() == newPrice);

        // A -> B -> A through pit_customer: the segment valid at the end of each day.
        var customer = Interesting.CustomerChangedBack(batches)!;
        await using var connection = await Database.OpenAsync();
        var segments = await QueryAsync(connection, """
            SELECT p.snapshot_date, s.customer_segment
            FROM pit_customer p
            JOIN hub_customer h ON h.hub_customer_hk = p.hub_customer_hk
            JOIN sat_customer_details s ON s.hub_customer_hk = p.hub_customer_hk AND s.load_date = p.sat_customer_details_load_date
            WHERE h.customer_id = @customer ORDER BY p.snapshot_date
            """, ("customer", customer));
        var expected = batches.Select(b => b.Customers!.Single(c => c.CustomerId == customer).CustomerSegment).ToList();
        segments.Select(r => (string)r[1]!).Should().Equal(expected);
    }

    [Fact]
    public async Task A_file_lacking_a_column_the_model_reads_fails_before_anything_is_written()
    {
        // Issue #14, item 3: transactions.csv without quantity used to load its hubs and links and silently nothing
        // into sat_sales_metrics (exit 0). The sample is strict: the load fails, naming file, line 1 and the column.
        var (code, output) = await LoadAsync(0);
        code.Should().Be(0, output);
        await using var connection = await Database.OpenAsync();
        var before = await CountTablesAsync(connection);

        var partial = _data.CopyOf(1, Path.Combine(_data.Folder, "partial-" + Guid.NewGuid().ToString("N")[..8]));

        var path = Path.Combine(partial, RetailCsv.TransactionsFile);
        var quantity = RetailCsv.TransactionColumns.ToList().IndexOf("quantity");
        File.WriteAllLines(path, File.ReadAllLines(path).Select(line => string.Join(',', line.Split(',').Where((_, i) => i != quantity))));

        var failed = await Cli.RunAsync(["load", "--from", partial, "--load-date", RetailTestData.LoadDates[1]], Database.Options);
        failed.Code.Should().Be(1, failed.Output);
        failed.Stderr.Should().StartWith("error: transactions.csv, line 1: the column quantity is missing").And.Contain("sat_sales_metrics");
        (await CountTablesAsync(connection)).Should().Equal(before, "nothing of the batch was written");
    }

    [Fact]
    public async Task Products_without_currency_load_the_seeds_default_and_strict_loading_still_accepts_the_batch()
    {
        var (code, output) = await LoadAsync(0);
        code.Should().Be(0, output);
        await using var connection = await Database.OpenAsync();
        var before = await CountAsync(connection, $"SELECT COUNT(*) FROM {Q("sat_product_pricing")}");

        var folder = _data.CopyOf(1, Path.Combine(_data.Folder, "no-currency-" + Guid.NewGuid().ToString("N")[..8]));
        var path = Path.Combine(folder, RetailCsv.ProductsFile);
        RetailCsv.ProductColumns[^1].Should().Be("currency", "the premise: the last column, so each line ends with it");
        var lines = File.ReadAllLines(path);
        lines.Skip(1).Should().OnlyContain(line => line.EndsWith(",USD", StringComparison.Ordinal));
        File.WriteAllLines(path, lines.Select(line => line[..line.LastIndexOf(',')]));

        var loaded = await Cli.RunAsync(["load", "--from", folder, "--load-date", RetailTestData.LoadDates[1]], Database.Options);
        loaded.Code.Should().Be(0, loaded.Output);
        (await CountAsync(connection, $"SELECT COUNT(*) FROM {Q("sat_product_pricing")}")).Should().BeGreaterThan(before, "batch 2 re-prices products");
        (await CountAsync(connection, $"SELECT COUNT(*) FROM {Q("sat_product_pricing")} WHERE {Q("currency")} IS NULL OR {Q("currency")} <> 'USD'")).Should().Be(0);
    }

    [Fact]
    public async Task Query_results_show_decimals_with_their_declared_scale_on_every_engine()
    {
        // SQLite returns a DECIMAL(10,2) of 420.00 as 420 and 89.90 as 89.9; the sample reads every decimal column back
        // with its declared scale (SqlTypeMap.ReadDecimal), so the output is the same on every engine. Batch 1 here gives
        // the re-priced product a cost of 89.90 and a price of 420.00; batch 2 re-prices it as generated.
        var product = Interesting.RepricedProduct(_data.Batches)!;
        var first = _data.CopyOf(0, Path.Combine(_data.Folder, "scale-" + Guid.NewGuid().ToString("N")[..8]));

        // unit_cost, unit_price and currency are the last three columns of products.csv.
        RetailCsv.ProductColumns.TakeLast(3).Should().Equal("unit_cost", "unit_price", "currency");
        var products = Path.Combine(first, RetailCsv.ProductsFile);
        var lines = File.ReadAllLines(products);
        var row = Array.FindIndex(lines, l => l.StartsWith(product + ",", StringComparison.Ordinal));
        row.Should().BePositive();
        var cells = lines[row].Split(',');
        lines[row] = string.Join(',', cells[..^3]) + ",89.90,420.00," + cells[^1];
        File.WriteAllLines(products, lines);

        var (code, output) = await Cli.RunAsync(["load", "--from", first, "--load-date", RetailTestData.LoadDates[0]], Database.Options);
        code.Should().Be(0, output);
        (code, output) = await LoadAsync(1);
        code.Should().Be(0, output);

        (code, output) = await Cli.RunAsync(["query", "price-history", "--product", product, "--format", "csv"], Database.Options);
        code.Should().Be(0, output);
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(output));
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var money = header.Select((name, i) => (name, i)).Where(c => global::Retail.Queries.DeclaredScale.Columns.ContainsKey(c.name)).ToList();
        money.Select(c => c.name).Should().Contain(["unit_cost", "unit_price"]);
        var prices = new List<string>();
        var costs = new List<string>();
        while (csv.Read())
        {
            foreach (var (name, i) in money)
            {
                csv.GetString(i).Should().MatchRegex(@"^-?\d+\.\d{2}$", $"{name} is a DECIMAL(10,2)");
            }

            prices.Add(csv.GetString(header.IndexOf("unit_price")));
            costs.Add(csv.GetString(header.IndexOf("unit_cost")));
        }

        var repriced = _data.Batches[1].Products!.Single(p => p.ProductId == product);
        prices.Should().BeEquivalentTo(["420.00", repriced.UnitPrice.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)]);
        costs.Should().Contain("89.90");
    }

    [Fact]
    public async Task Bad_csv_fails_with_exit_code_1_and_one_clear_error_and_leaves_the_vault_unchanged()
    {
        var (code, output) = await LoadAsync(0);
        code.Should().Be(0, output);
        await using var connection = await Database.OpenAsync();
        var before = await CountTablesAsync(connection);

        // Batch 2 with 'abc' as the quantity of the third data row (line 4 of the file).
        var bad = _data.CopyOf(1, Path.Combine(_data.Folder, "bad-" + Guid.NewGuid().ToString("N")[..8]));

        var path = Path.Combine(bad, RetailCsv.TransactionsFile);
        var text = File.ReadAllLines(path);
        var quantity = RetailCsv.TransactionColumns.ToList().IndexOf("quantity");
        var cells = text[3].Split(',');
        cells[quantity] = "abc";
        text[3] = string.Join(',', cells);
        File.WriteAllLines(path, text);

        var failed = await Cli.RunAsync(["load", "--from", bad, "--load-date", RetailTestData.LoadDates[1]], Database.Options);
        failed.Code.Should().Be(1, failed.Output);
        failed.Stdout.Should().NotContain("error:", "errors go to stderr");
        var error = failed.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        error.Should().Contain("transactions.csv").And.Contain("line 4").And.Contain("quantity");
        (await CountTablesAsync(connection)).Should().Equal(before);

        // The good batch still loads afterwards.
        (code, output) = await LoadAsync(1);
        code.Should().Be(0, output);
    }

    [Fact]
    public async Task Every_query_runs_in_every_format()
    {
        await LoadAllAsync();
        var (code, output) = await Cli.RunAsync(["pit", "--from", "2026-03-08", "--to", "2026-03-10"], Database.Options);
        code.Should().Be(0, output);
        var customer = Interesting.CustomerChangedBack(_data.Batches)!;
        var product = Interesting.RepricedProduct(_data.Batches)!;
        var queries = new Dictionary<string, string[]>
        {
            ["current-customers"] = ["--customer", customer],
            ["customer-history"] = ["--customer", customer],
            ["customer-phones"] = ["--customer", Interesting.CustomerWithChangedPhones(_data.Batches)!],
            ["discontinued-products"] = ["--limit", "5"],
            ["promotion-history"] = ["--product", Interesting.ProductMovedBack(_data.Batches)!],
            ["price-history"] = ["--product", product],
            ["sales-context"] = ["--limit", "5"],
            ["sales-as-of"] = ["--as-of", "2026-03-09", "--limit", "5"],
            ["sales-by-segment"] = [],
            ["top-products"] = ["--limit", "3"],
        };
        queries.Keys.Should().BeEquivalentTo(global::Retail.Queries.RetailQueries.Names);
        foreach (var (name, options) in queries)
        {
            foreach (var format in new[] { "table", "csv", "json" })
            {
                (code, output) = await Cli.RunAsync(["query", name, .. options, "--format", format], Database.Options);
                code.Should().Be(0, $"{name} --format {format}: {output}");
                if (format == "json")
                {
                    JsonDocument.Parse(output).RootElement.GetArrayLength().Should().BePositive($"{name} returns rows");
                }
            }
        }

        (code, output) = await Cli.RunAsync(["query", "customer-history", "--customer", customer, "--format", "csv"], Database.Options);
        code.Should().Be(0, output);
        var csv = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv[0].Should().Be("satellite,load_date,load_end_date,customer_segment,email,phone,city,record_source");
        csv.Skip(1).Count(l => l.StartsWith("details,", StringComparison.Ordinal)).Should().Be(3);
    }

    [Fact]
    public async Task Customers_phones_are_a_multi_active_satellite_whose_sets_are_versioned_whole()
    {
        await LoadAllAsync();
        var batches = _data.Batches;
        await using var connection = await Database.OpenAsync();

        // Each delivered set that differs from the customer's previous one is a version: all of its rows, one load date.
        var sets = batches.Select(b => b.Phones?.GroupBy(p => p.CustomerId).Select(g => (Customer: g.Key, Set: string.Join(";", g.OrderBy(p => p.PhoneType, StringComparer.Ordinal).Select(p => $"{p.PhoneType}={p.PhoneNumber}")), Rows: g.Count())).ToList()).ToList();
        long expectedRows = 0;
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in sets)
        {
            foreach (var (customerId, set, rows) in batch ?? [])
            {
                if (!last.TryGetValue(customerId, out var previous) || previous != set)
                {
                    expectedRows += rows;
                }

                last[customerId] = set;
            }
        }

        sets.Skip(1).Should().OnlyContain(b => b != null && b.Count > 0, "every later batch changes some customers' phones");
        (await CountAsync(connection, "SELECT COUNT(*) FROM sat_customer_phones")).Should().Be(expectedRows);

        // The current rows are, for every customer, the last set delivered.
        var current = (await QueryAsync(connection, """
            SELECT h.customer_id, s.phone_type, s.phone_number FROM sat_customer_phones s JOIN hub_customer h ON h.hub_customer_hk = s.hub_customer_hk
            WHERE s.load_end_date IS NULL
            """)).GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => string.Join(";", g.OrderBy(r => (string)r[1]!, StringComparer.Ordinal).Select(r => $"{r[1]}={r[2]}")), StringComparer.Ordinal);
        current.Should().BeEquivalentTo(last);

        // A -> B -> A: the customer the demo shows has three sets, the third equal to the first.
        var customer = Interesting.CustomerWithChangedPhones(batches)!;
        var history = (await QueryAsync(connection, """
            SELECT s.load_date, s.phone_type, s.phone_number FROM sat_customer_phones s JOIN hub_customer h ON h.hub_customer_hk = s.hub_customer_hk
            WHERE h.customer_id = @customer ORDER BY s.load_date, s.phone_type
            """, ("customer", customer))).GroupBy(r => Timestamp(r[0])).Select(g => string.Join(";", g.Select(r => $"{r[1]}={r[2]}"))).ToList();
        history.Should().HaveCount(3);
        history[2].Should().Be(history[0]).And.NotBe(history[1]);
    }

    [Fact]
    public async Task Products_absent_from_the_catalogues_full_extract_are_discontinued_and_one_that_returns_is_tracked()
    {
        await LoadAllAsync();
        var batches = _data.Batches;
        await using var connection = await Database.OpenAsync();
        var catalogues = batches.Select(b => b.Catalogue!.ToHashSet(StringComparer.Ordinal)).ToList();

        // The expected statuses, batch by batch: I when first listed, D when a listed product is gone, R when it is back.
        var expected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var catalogue in catalogues)
        {
            foreach (var (id, history) in expected.Where(e => e.Value[^1] != "D" && !catalogue.Contains(e.Key)))
            {
                history.Add("D");
            }

            foreach (var id in catalogue)
            {
                if (!expected.TryGetValue(id, out var history))
                {
                    expected[id] = ["I"];
                }
                else if (history[^1] == "D")
                {
                    history.Add("R");
                }
            }
        }

        var stored = (await QueryAsync(connection, """
            SELECT h.product_id, s.status FROM sat_product_status s JOIN hub_product h ON h.hub_product_hk = s.hub_product_hk ORDER BY h.product_id, s.load_date
            """)).GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => string.Join("", g.Select(r => (string)r[1]!)), StringComparer.Ordinal);
        stored.Should().BeEquivalentTo(expected.ToDictionary(e => e.Key, e => string.Join("", e.Value), StringComparer.Ordinal));
        stored.Values.Should().Contain("IDR", "one discontinued product returns in batch 3").And.Contain("ID");

        var (code, output) = await Cli.RunAsync(["query", "discontinued-products", "--format", "csv"], Database.Options);
        code.Should().Be(0, output);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Should().BeEquivalentTo(expected.Where(e => e.Value[^1] == "D").Select(e => e.Key));
    }

    [Fact]
    public async Task The_promotion_each_product_is_on_is_an_effectivity_satellite_with_one_promotion_in_effect_per_product()
    {
        await LoadAllAsync();
        var batches = _data.Batches;
        await using var connection = await Database.OpenAsync();

        // In effect now: exactly the last extract's relationships, one per product.
        var current = (await QueryAsync(connection, """
            SELECT hp.product_id, hm.promotion_id FROM sat_product_promotion_effectivity e
            JOIN link_product_promotion l ON l.link_product_promotion_hk = e.link_product_promotion_hk
            JOIN hub_product hp ON hp.hub_product_hk = l.hub_product_hk JOIN hub_promotion hm ON hm.hub_promotion_hk = l.hub_promotion_hk
            WHERE e.load_end_date IS NULL AND e.is_active = 'Y'
            """)).Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        current.Should().BeEquivalentTo(batches[^1].PromotionsNow!.Select(p => (p.ProductId, p.PromotionId)));
        current.GroupBy(c => c.Item1).Should().OnlyContain(g => g.Count() == 1);

        // The product that moved and moved back: on A, then B (A ended), then A again (B ended).
        var product = Interesting.ProductMovedBack(batches)!;
        var history = (await QueryAsync(connection, """
            SELECT hm.promotion_id, e.is_active FROM sat_product_promotion_effectivity e
            JOIN link_product_promotion l ON l.link_product_promotion_hk = e.link_product_promotion_hk
            JOIN hub_product hp ON hp.hub_product_hk = l.hub_product_hk JOIN hub_promotion hm ON hm.hub_promotion_hk = l.hub_promotion_hk
            WHERE hp.product_id = @product ORDER BY e.load_date, e.is_active DESC
            """, ("product", product))).Select(r => $"{r[0]}={r[1]}").ToList();
        var a = batches[0].PromotionsNow!.Single(p => p.ProductId == product).PromotionId;
        var b = batches[1].PromotionsNow!.Single(p => p.ProductId == product).PromotionId;
        history.Should().Equal($"{a}=Y", $"{b}=Y", $"{a}=N", $"{a}=Y", $"{b}=N");
    }

    private async Task LoadAllAsync()
    {
        for (var i = 0; i < _data.Folders.Count; i++)
        {
            var (code, output) = await LoadAsync(i);
            code.Should().Be(0, output);
        }
    }

    private string Q(string identifier) => Dialect.QuoteIdentifier(identifier);

    private Task<CliRun> LoadAsync(int batch) =>
        Cli.RunAsync(["load", "--from", _data.Folders[batch], "--load-date", RetailTestData.LoadDates[batch]], Database.Options);

    private async Task<long> CountAsync(DbConnection connection, string sql) =>
        Convert.ToInt64(await Sql.ScalarAsync(connection, SqlStatement.Of(sql), default), CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<object?[]>> QueryAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        foreach (var (name, _) in parameters)
        {
            sql = sql.Replace("@" + name, Dialect.ParameterPlaceholder(name), StringComparison.Ordinal);
        }

        return (await Sql.QueryAsync(connection, new SqlStatement(sql, [.. parameters.Select(p => new SqlParameterValue(p.Name, p.Value))]), default)).Rows;
    }

    private async Task<List<long>> CountTablesAsync(DbConnection connection)
    {
        var counts = new List<long>();
        foreach (var table in new[]
        {
            "hub_customer", "hub_product", "hub_store", "hub_transaction", "hub_promotion", "link_sales", "link_product_promotion",
            "sat_customer_details", "sat_customer_contact", "sat_product_details", "sat_product_pricing", "sat_store_details",
            "sat_transaction_details", "sat_promotion_details", "sat_sales_metrics",
        })
        {
            counts.Add(await CountAsync(connection, $"SELECT COUNT(*) FROM {table}"));
        }

        counts.Add(await CountAsync(connection, "SELECT COUNT(*) FROM sat_customer_details WHERE load_end_date IS NULL"));
        return counts;
    }

    private static decimal? Money(object? value) => value is null ? null : Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 2);

    private static DateTime? Timestamp(object? value) => value switch
    {
        null => null,
        DateTime t => t,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException("unexpected timestamp " + value.GetType()),
    };
}

public sealed class SqliteRetailScenarioTests(RetailTestData data) : RetailScenarioTests<SqliteTestDatabase>(data), IClassFixture<RetailTestData>;

public sealed class PostgresRetailScenarioTests(RetailTestData data) : RetailScenarioTests<PostgresTestDatabase>(data), IClassFixture<RetailTestData>;

public sealed class MariaDbRetailScenarioTests(RetailTestData data) : RetailScenarioTests<MariaDbTestDatabase>(data), IClassFixture<RetailTestData>;

public sealed class DuckDbRetailScenarioTests(RetailTestData data) : RetailScenarioTests<DuckDbTestDatabase>(data), IClassFixture<RetailTestData>;

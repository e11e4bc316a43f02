using FluentAssertions;
using Retail.Commands;
using Retail.Data;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>The generator: deterministic by seed, the documented volumes and columns, incremental batches.</summary>
public sealed class GeneratorTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dv-retail-gen-");

    [Fact]
    public void Same_seed_same_files_byte_for_byte_and_another_seed_other_files()
    {
        var options = RetailTestData.Options;
        GenerateCommand.Generate(options, Path.Combine(_folder.FullName, "a"));
        GenerateCommand.Generate(options, Path.Combine(_folder.FullName, "b"));
        GenerateCommand.Generate(options with { Seed = 8 }, Path.Combine(_folder.FullName, "c"));
        foreach (var batch in new[] { "batch-01", "batch-02", "batch-03" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(_folder.FullName, "a", batch)))
            {
                var name = Path.GetFileName(file);
                File.ReadAllBytes(Path.Combine(_folder.FullName, "b", batch, name)).Should().Equal(File.ReadAllBytes(file), $"{batch}/{name}");
            }
        }

        File.ReadAllText(Path.Combine(_folder.FullName, "c", "batch-01", "customers.csv"))
            .Should().NotBe(File.ReadAllText(Path.Combine(_folder.FullName, "a", "batch-01", "customers.csv")));
    }

    [Fact]
    public void Default_volumes_and_headers_are_the_seeds()
    {
        var batch = new RetailDataGenerator(GeneratorOptions.Default(new DateOnly(2026, 3, 10))).Generate().Single();
        batch.Customers.Should().HaveCount(1000);
        batch.Products.Should().HaveCount(500);
        batch.Stores.Should().HaveCount(20);
        batch.Promotions.Should().HaveCount(50);
        batch.Transactions.Should().HaveCount(10_000);
        var withoutPromotion = batch.Transactions!.Count(t => t.PromotionId is null) / 10_000.0;
        withoutPromotion.Should().BeInRange(0.25, 0.35);
        batch.Transactions!.GroupBy(t => t.TransactionId).Should().Contain(g => g.Count() > 1);
        batch.Transactions!.Select(t => (t.TransactionId, t.LineItemNumber)).Should().OnlyHaveUniqueItems();

        GenerateCommand.Generate(GeneratorOptions.Default(new DateOnly(2026, 3, 10)) with { Transactions = 10 }, _folder.FullName);
        File.ReadLines(Path.Combine(_folder.FullName, "transactions.csv")).First().Should().Be(
            "transaction_id,transaction_date,transaction_time,customer_id,product_id,store_id,promotion_id,quantity,unit_price,discount_amount,tax_amount,line_item_number,payment_method");
        File.ReadLines(Path.Combine(_folder.FullName, "customers.csv")).First().Should().Be(
            "customer_id,first_name,last_name,birth_date,gender,customer_segment,registration_date,email,phone,address,city,state,country,postal_code");
    }

    [Fact]
    public void Later_batches_hold_only_changes_and_new_rows()
    {
        var batches = new RetailDataGenerator(RetailTestData.Options).Generate();
        batches.Select(b => b.Name).Should().Equal("batch-01", "batch-02", "batch-03");
        batches.Select(b => b.BatchDate).Should().Equal(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10));
        batches[1].Customers!.Count.Should().BeLessThan(batches[0].Customers!.Count / 5);
        batches[1].Promotions.Should().BeNull("no promotion changes: the file is absent");
        batches[2].Stores.Should().BeNull();
        batches[1].Transactions!.Select(t => t.TransactionId).Should().NotIntersectWith(batches[0].Transactions!.Select(t => t.TransactionId));
        Interesting.CustomersChangedBack(batches).Should().NotBeEmpty();
        Interesting.RepricedProduct(batches).Should().NotBeNull();
    }

    [Fact]
    public void Csv_quotes_commas_quotes_and_edge_spaces()
    {
        CsvTableWriter.Quote("plain").Should().Be("plain");
        CsvTableWriter.Quote("a, b").Should().Be("\"a, b\"");
        CsvTableWriter.Quote("say \"hi\"").Should().Be("\"say \"\"hi\"\"\"");
        CsvTableWriter.Quote(" padded").Should().Be("\" padded\"");
        CsvTableWriter.Quote("two\nlines").Should().Be("\"two\nlines\"");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

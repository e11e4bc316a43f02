using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using FluentAssertions;
using Retail;
using Retail.Data;
using Retail.Loading;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// The sample is strict about partial sources (issue #14, item 3): a present file that lacks a column the retail model
/// reads from it is an error naming the file, line 1 and the column — never a satellite that silently gets nothing.
/// </summary>
public sealed class SourceCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dv-retail-check-");

    public static TheoryData<string, string> EveryColumnOfEveryFile()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in RetailCsv.Files)
        {
            foreach (var column in RetailSourceCheck.RequiredColumns(file))
            {
                data.Add(file, column);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryColumnOfEveryFile))]
    public async Task A_file_without_one_of_its_columns_is_an_error_naming_file_line_and_column(string file, string column)
    {
        WriteAllFiles();
        Write(file, RetailSourceCheck.RequiredColumns(file).Where(c => c != column));

        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, RetailCsv.Files, CancellationToken.None);
        var error = (await check.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.SourceName.Should().Be(file);
        error.Line.Should().Be(1);
        error.Column.Should().Be(column);
        error.Message.Should().StartWith($"{file}, line 1: the column {column} is missing").And.Contain("Nothing was loaded");
        error.Message.Should().Contain(string.Join(", ", RetailSourceCheck.TablesReading(file, column)), "the message names the tables that read the column");
    }

    [Fact]
    public async Task Quantity_missing_from_transactions_names_the_sales_metrics()
    {
        Write(RetailCsv.TransactionsFile, RetailCsv.TransactionColumns.Where(c => c != "quantity"));
        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, [RetailCsv.TransactionsFile], CancellationToken.None);
        await check.Should().ThrowAsync<DataVaultLoadException>().WithMessage("transactions.csv, line 1: the column quantity is missing; the retail model reads it from this file (sat_sales_metrics).*");
    }

    [Fact]
    public async Task Every_missing_column_of_a_file_is_named()
    {
        Write(RetailCsv.ProductsFile, ["product_id", "product_name", "category", "subcategory", "brand", "supplier"]);
        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, [RetailCsv.ProductsFile], CancellationToken.None);
        var error = (await check.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Column.Should().Be("unit_cost");
        error.Message.Should().Contain("the columns unit_cost, unit_price are missing").And.Contain("sat_product_pricing");
        error.Message.Should().NotContain("currency", "the model declares currency's default, USD");
    }

    [Fact]
    public async Task Products_without_currency_pass_the_check_the_model_declares_its_default()
    {
        Write(RetailCsv.ProductsFile, RetailCsv.ProductColumns.Where(c => c != "currency"));
        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, [RetailCsv.ProductsFile], CancellationToken.None);
        await check.Should().NotThrowAsync();
    }

    [Fact]
    public async Task Headers_match_as_the_loader_matches_them_and_only_present_files_are_checked()
    {
        // Case, underscores, spaces and a byte-order mark do not matter to the loader, so not to the check; a missing
        // file is not checked (a batch may hold any of the five).
        File.WriteAllText(Path.Combine(_folder.FullName, RetailCsv.CustomersFile),
            "\uFEFF" + string.Join(',', RetailCsv.CustomerColumns.Select(c => c.ToUpperInvariant().Replace('_', ' '))) + "\n" + string.Join(',', RetailCsv.CustomerColumns.Select(_ => "x")) + "\n");
        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, [RetailCsv.CustomersFile], CancellationToken.None);
        await check.Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_generated_batch_passes_and_extra_columns_are_allowed()
    {
        WriteAllFiles();
        Write(RetailCsv.StoresFile, [.. RetailCsv.StoreColumns, "comment"]);
        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, RetailCsv.Files, CancellationToken.None);
        await check.Should().NotThrowAsync();
    }

    [Fact]
    public void Every_required_column_is_read_by_the_model_and_every_attribute_comes_from_a_file()
    {
        foreach (var file in RetailCsv.Files)
        {
            foreach (var column in RetailSourceCheck.RequiredColumns(file))
            {
                RetailSourceCheck.TablesReading(file, column).Should().NotBeEmpty($"{file}'s column {column} is required because the model reads it");
            }
        }

        var read = RetailCsv.Files.SelectMany(RetailSourceCheck.RequiredColumns).Concat(RetailSourceCheck.DerivedSalesColumns).ToHashSet(StringComparer.Ordinal);
        var model = RetailModel.Model;
        IEnumerable<ColumnDefinition> columns =
        [
            .. model.Hubs.SelectMany(h => h.BusinessKeys),
            .. model.Links.SelectMany(l => l.DependentChildKeys),
            // A status-tracking or effectivity satellite's status is the loader's, from a full extract (whose keys are read).
            .. model.Satellites.Where(s => !s.TracksStatus).SelectMany(s => s.Attributes),
        ];
        columns.Where(c => c.Default is null).Select(c => c.Name).Should().OnlyContain(c => read.Contains(c), "every column of the model comes from some file's required columns (or is derived)");
        model.Satellites.Where(s => s.TracksStatus).Select(s => s.TableName).Should().Equal(["sat_product_status", "sat_product_promotion_effectivity"]);
        RetailSourceCheck.RequiredColumns(RetailCsv.CatalogueFile).Should().Equal(["product_id"], "the catalogue's full extract carries the key of what it tracks");
        RetailSourceCheck.Defaulted.Should().Equal(["currency"], "the seed declares one default: currency VARCHAR(3) DEFAULT 'USD'");
    }

    [Fact]
    public async Task A_file_the_loader_cannot_read_fails_the_check_with_the_loaders_message()
    {
        // The check reads headers with the library's CSV source, so an empty file (or a directory, a device, bytes that
        // are not UTF-8) fails here exactly as the loader would report it.
        File.WriteAllText(Path.Combine(_folder.FullName, RetailCsv.PromotionsFile), string.Empty);
        var check = () => RetailSourceCheck.CheckAsync(_folder.FullName, [RetailCsv.PromotionsFile], CancellationToken.None);
        await check.Should().ThrowAsync<DataVaultLoadException>().WithMessage("promotions.csv, line 1: the file is empty*");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private void WriteAllFiles()
    {
        foreach (var file in RetailCsv.Files)
        {
            Write(file, RetailSourceCheck.RequiredColumns(file));
        }
    }

    private void Write(string file, IEnumerable<string> header)
    {
        var columns = header.ToList();
        File.WriteAllText(Path.Combine(_folder.FullName, file), string.Join(',', columns) + "\n" + string.Join(',', columns.Select(_ => "1")) + "\n");
    }
}

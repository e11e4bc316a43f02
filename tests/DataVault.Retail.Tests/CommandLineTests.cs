using FluentAssertions;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>Usage errors exit with 2 and say what is wrong; nothing touches a database.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("report", "--db", "x.db", "--provider", "sqlite", "--connection", "Data Source=x.db")]
    [InlineData("report", "--db", "x.db", "--provider", "postgres")]
    [InlineData("report", "--provider", "oracle", "--connection", "x")]
    [InlineData("report", "--provider", "postgres")]
    [InlineData("report", "--connection", "Host=localhost")]
    [InlineData("frobnicate")]
    [InlineData("report", "--no-such-option")]
    [InlineData("load")]
    [InlineData("load", "--from", "/no/such/folder/anywhere")]
    [InlineData("generate")]
    [InlineData("generate", "--out", "x", "--batches", "0")]
    [InlineData("generate", "--out", "x", "--customers", "lots")]
    [InlineData("query", "no-such-query")]
    [InlineData("query", "customer-history")]
    [InlineData("query", "price-history")]
    [InlineData("query", "top-products", "--format", "xml")]
    [InlineData("query", "top-products", "--limit", "0")]
    [InlineData("query", "sales-as-of", "--as-of", "yesterday-ish")]
    [InlineData("pit", "--from", "2026-03-10", "--to", "2026-03-01")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        // Every one of these fails before a database is opened (none is created in the current folder).
        var run = await Cli.RunAsync(args);
        run.Code.Should().Be(2, run.Output);
        run.Stderr.Should().StartWith("error: ", "errors go to stderr");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_source_file_that_is_a_directory_is_an_error_naming_it_not_skipped()
    {
        var folder = Directory.CreateTempSubdirectory("dv-retail-dir-");
        var db = Path.Combine(folder.FullName, "vault.db");
        try
        {
            var customers = Directory.CreateDirectory(Path.Combine(folder.FullName, "customers.csv")).FullName;
            var run = await Cli.RunAsync("load", "--from", folder.FullName, "--db", db);
            run.Code.Should().Be(1, run.Output);
            run.Stderr.Should().StartWith($"error: customers.csv: '{customers}' is a directory, not a file.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Load_of_a_folder_without_source_files_fails_with_1()
    {
        var folder = Directory.CreateTempSubdirectory("dv-retail-empty-");
        var db = Path.Combine(folder.FullName, "vault.db");
        try
        {
            var run = await Cli.RunAsync("load", "--from", folder.FullName, "--db", db);
            run.Code.Should().Be(1, run.Output);
            run.Stderr.Should().StartWith("error: ").And.Contain("customers.csv");
            run.Stdout.Should().BeEmpty();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var run = await Cli.RunAsync("--help");
        run.Code.Should().Be(0, run.Output);
        run.Stderr.Should().BeEmpty("help is the command's result: stdout");
        run.Stdout.Should().Contain("demo").And.Contain("generate").And.Contain("load").And.Contain("pit").And.Contain("report").And.Contain("query").And.Contain("drift").And.Contain("migrate");
    }
}

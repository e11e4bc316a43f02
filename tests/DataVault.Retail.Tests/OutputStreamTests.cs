using System.Text.Json;
using FluentAssertions;
using Retail.Data;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// Every command writes its results (and progress) to stdout and its errors and warnings to stderr, with the exit codes
/// 0 (success), 1 (bad data, a failed load, a database that cannot be opened) and 2 (usage error).
/// </summary>
public sealed class OutputStreamTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dv-retail-streams-");

    private string Db => Path.Combine(_folder.FullName, "vault.db");

    // A database file in a folder that does not exist: SQLite cannot open it.
    private string Unopenable => Path.Combine(_folder.FullName, "no-such-folder", "vault.db");

    [Theory]
    [InlineData("demo", "--seed", "many")]
    [InlineData("generate")]
    [InlineData("load")]
    [InlineData("pit", "--from", "2026-03-10", "--to", "2026-03-01")]
    [InlineData("query", "no-such-query")]
    [InlineData("report", "--provider", "oracle", "--connection", "x")]
    public async Task A_usage_error_goes_to_stderr_alone_and_exits_with_2(params string[] args)
    {
        var run = await Cli.RunAsync(args);
        run.Code.Should().Be(2, run.Output);
        run.Stderr.Should().StartWith("error: ");
        run.Stdout.Should().BeEmpty("a usage error prints nothing but the error");
    }

    [Fact]
    public async Task Generate_writes_its_table_to_stdout_and_nothing_to_stderr()
    {
        var run = await Cli.RunAsync("generate", "--out", Path.Combine(_folder.FullName, "data"), "--customers", "20", "--products", "10", "--stores", "2", "--promotions", "3", "--transactions", "30");
        run.Code.Should().Be(0, run.Output);
        run.Stdout.Should().Contain("rows");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_generate_goes_to_stderr_and_exits_with_1()
    {
        var file = Path.Combine(_folder.FullName, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var run = await Cli.RunAsync("generate", "--out", file, "--customers", "20", "--products", "10", "--stores", "2", "--promotions", "3", "--transactions", "30");
        run.Code.Should().Be(1, run.Output);
        run.Stderr.Should().StartWith("error: ").And.Contain("a-file");
        run.Stdout.Should().NotContain("error");
    }

    [Fact]
    public async Task Load_pit_query_and_report_write_results_to_stdout_and_nothing_to_stderr()
    {
        var data = Path.Combine(_folder.FullName, "data");
        (await Cli.RunAsync("generate", "--out", data, "--customers", "20", "--products", "10", "--stores", "2", "--promotions", "3", "--transactions", "30", "--date", "2026-03-10")).Code.Should().Be(0);

        var load = await Cli.RunAsync("load", "--from", data, "--load-date", "2026-03-10T06:00:00Z", "--db", Db);
        load.Code.Should().Be(0, load.Output);
        load.Stdout.Should().Contain("rows read");
        load.Stderr.Should().BeEmpty();

        var pit = await Cli.RunAsync("pit", "--from", "2026-03-10", "--to", "2026-03-10", "--db", Db);
        pit.Code.Should().Be(0, pit.Output);
        pit.Stdout.Should().Contain("pit_customer");
        pit.Stderr.Should().BeEmpty();

        var query = await Cli.RunAsync("query", "top-products", "--format", "json", "--db", Db);
        query.Code.Should().Be(0, query.Output);
        JsonDocument.Parse(query.Stdout).RootElement.GetArrayLength().Should().BePositive("stdout holds the JSON and nothing else");
        query.Stderr.Should().BeEmpty();

        var report = await Cli.RunAsync("report", "--db", Db);
        report.Code.Should().Be(0, report.Output);
        report.Stdout.Should().Contain("Data quality report");
        report.Stderr.Should().BeEmpty();
    }

    [Theory]
    [InlineData("pit")]
    [InlineData("query", "top-products")]
    [InlineData("report")]
    public async Task A_database_that_cannot_be_opened_goes_to_stderr_and_exits_with_1(params string[] args)
    {
        var run = await Cli.RunAsync([.. args, "--db", Unopenable]);
        run.Code.Should().Be(1, run.Output);
        run.Stderr.Should().StartWith("error: ");
        run.Stdout.Should().NotContain("error");
    }

    [Fact]
    public async Task A_failed_load_goes_to_stderr_and_exits_with_1()
    {
        var data = Path.Combine(_folder.FullName, "data");
        (await Cli.RunAsync("generate", "--out", data, "--customers", "20", "--products", "10", "--stores", "2", "--promotions", "3", "--transactions", "30")).Code.Should().Be(0);
        var path = Path.Combine(data, RetailCsv.CustomersFile);
        var lines = await File.ReadAllLinesAsync(path);
        var cells = lines[2].Split(',');
        cells[RetailCsv.CustomerColumns.ToList().IndexOf("birth_date")] = "not-a-date";
        lines[2] = string.Join(',', cells);
        await File.WriteAllLinesAsync(path, lines);

        var run = await Cli.RunAsync("load", "--from", data, "--db", Db);
        run.Code.Should().Be(1, run.Output);
        run.Stderr.Should().StartWith("error: ").And.Contain("customers.csv").And.Contain("line 3").And.Contain("birth_date");
        run.Stdout.Should().NotContain("error");
    }

    [Fact]
    public async Task The_demo_writes_its_results_to_stdout_and_nothing_to_stderr()
    {
        var run = await Cli.RunAsync("demo", "--db", Db);
        run.Code.Should().Be(0, run.Output);
        run.Stdout.Should().Contain("full load of the default volumes").And.Contain("sales-by-segment");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_demo_goes_to_stderr_and_exits_with_1()
    {
        var run = await Cli.RunAsync("demo", "--db", Unopenable);
        run.Code.Should().Be(1, run.Output);
        run.Stderr.Should().StartWith("error: ");
        run.Stdout.Should().NotContain("error");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

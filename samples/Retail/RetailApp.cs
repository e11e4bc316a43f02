using Retail.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail;

/// <summary>
/// The command line: <c>demo</c> (default), <c>generate</c>, <c>load</c>, <c>pit</c>, <c>report</c>, <c>query</c>. Results
/// (and progress) go to stdout, errors and warnings to stderr, for every command.
/// </summary>
internal static class RetailApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">The console of results and progress (default: stdout).</param>
    /// <param name="time">The clock (default: the system's).</param>
    /// <param name="errors">
    /// The console of errors and warnings (default: stderr when <paramref name="console"/> is the default, otherwise
    /// <paramref name="console"/> itself).
    /// </param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code: 0 success, 1 bad data or a failed load, 2 usage error.</returns>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, TimeProvider? time = null, IAnsiConsole? errors = null, CancellationToken cancellationToken = default)
    {
        if (console is null)
        {
            console = AnsiConsole.Console;
            if (Console.IsOutputRedirected)
            {
                // Redirected output has no width; 80 columns would wrap the wide result tables cell by cell.
                console.Profile.Width = 240;
            }

            if (errors is null)
            {
                errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                if (Console.IsErrorRedirected)
                {
                    // An error is one line for a log or a grep, not wrapped at 80 columns.
                    errors.Profile.Width = 4096;
                }
            }
        }

        var environment = new RetailEnvironment(console, time ?? TimeProvider.System, errors);
        var app = new CommandApp();
        app.SetDefaultCommand<DemoCommand>();
        app.Configure(config =>
        {
            config.SetApplicationName("dotnet run --project samples/Retail --");
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(environment);
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) =>
            {
                // Parse and validation errors (unknown command or option, bad value, --db with --provider) are usage
                // errors; anything else that escaped a command is a failure.
                var usage = exception is CommandAppException;
                environment.Error(exception.Message);
                return usage ? ExitCodes.Usage : ExitCodes.Failed;
            });

            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Recreate the vault, generate and load three batches, build the PITs, print the report and the analytics (default)");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write deterministic fake source files (customers, products, stores, promotions, transactions)")
                .WithExample("generate", "--out", "data", "--batches", "3");
            config.AddCommand<LoadCommand>("load")
                .WithDescription("Load one batch folder into the vault (all or nothing)")
                .WithExample("load", "--from", "data/batch-01", "--load-date", "2026-03-01T06:00:00Z");
            config.AddCommand<PitCommand>("pit")
                .WithDescription("Build pit_customer and pit_product for a range of daily snapshots");
            config.AddCommand<DdlCommand>("ddl")
                .WithDescription("Write the script that creates the retail vault (tables, views, PITs, batch log, quarantine, ghost records) for a DBA; needs no database")
                .WithExample("ddl", "--provider", "sqlserver", "--out", "retail.sql");
            config.AddCommand<DriftCommand>("drift")
                .WithDescription("Compare the retail model with the database's tables (exit 1 when they differ); changes nothing");
            config.AddCommand<MigrateCommand>("migrate")
                .WithDescription("Bring an existing vault to the retail model: add new attributes, recreate views and reshaped PITs; refuse what would lose data")
                .WithExample("migrate", "--dry-run");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Data-quality report: hub and link counts, current satellite rows, history, batch log");
            config.AddCommand<QueryCommand>("query")
                .WithDescription("Run one of the analytics queries")
                .WithExample("query", "sales-as-of", "--as-of", "2026-03-01", "--format", "json");
        });
        return await app.RunAsync(args, cancellationToken);
    }
}

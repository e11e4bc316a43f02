using DataVault.Core.Drift;
using Retail.Loading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary><c>drift</c>: compares the retail model with the database's tables; changes nothing.</summary>
internal sealed class DriftCommand : AsyncCommand<DatabaseSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public DriftCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            await using var vault = await RetailVault.OpenAsync(settings.Target(), _environment.Time, cancellationToken);
            var report = await vault.Loader.DetectDriftAsync(cancellationToken);
            Write(_environment.Console, report);
            return report.HasDrift ? ExitCodes.Failed : ExitCodes.Success;
        });

    /// <summary>Prints the report: one row per difference, or a line saying there is none.</summary>
    /// <param name="console">The console.</param>
    /// <param name="report">The report.</param>
    public static void Write(IAnsiConsole console, VaultDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        if (report.HasDrift)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Drift: {report.Differences.Count} difference(s)[/]")
                .AddColumn("table").AddColumn("column").AddColumn("difference").AddColumn("model").AddColumn("database");
            foreach (var d in report.Differences)
            {
                table.AddRow(Markup.Escape(d.Table), Markup.Escape(d.Column), d.Kind.ToString(), Markup.Escape(d.Expected ?? "-"), Markup.Escape(d.Actual ?? "-"));
            }

            console.Write(table);
        }
        else
        {
            console.WriteLine(report.ToString());
        }

        if (report.MissingTables.Count > 0)
        {
            console.WriteLine($"Not created yet: {string.Join(", ", report.MissingTables)}.");
        }
    }
}

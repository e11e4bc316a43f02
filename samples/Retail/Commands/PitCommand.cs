using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using DataVault.Core.BusinessVault;
using DataVault.Core.Execution;
using DataVault.Core.Sql;
using Retail.Database;
using Retail.Loading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>pit</c>.</summary>
internal sealed class PitSettings : DatabaseSettings
{
    /// <summary>The first snapshot date.</summary>
    [CommandOption("--from <DATE>")]
    [Description("First daily snapshot (default: the date of the first load)")]
    public string? From { get; set; }

    /// <summary>The last snapshot date.</summary>
    [CommandOption("--to <DATE>")]
    [Description("Last daily snapshot (default: today, UTC)")]
    public string? To { get; set; }
}

/// <summary><c>pit</c>: builds pit_customer and pit_product, set-based, for a range of daily snapshots.</summary>
internal sealed class PitCommand : AsyncCommand<PitSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public PitCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, PitSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            DateOnly? from = settings.From is null ? null : Dates.Date(settings.From, "--from");
            var to = settings.To is null ? _environment.Today() : Dates.Date(settings.To, "--to");
            if (from > to)
            {
                throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
            }

            await using var vault = await RetailVault.OpenAsync(settings.Target(), _environment.Time, cancellationToken);
            await vault.Loader.EnsureVaultAsync(cancellationToken);
            from ??= await FirstLoadDateAsync(vault.Connection, vault.Dialect, cancellationToken) ?? to;
            if (from > to)
            {
                from = to; // the first load is after --to: build that one day
            }

            var results = await BuildAsync(_environment, vault, from.Value, to, cancellationToken);
            Write(_environment.Console, results);
            return ExitCodes.Success;
        });

    /// <summary>Builds both PITs under a status spinner.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="vault">The vault.</param>
    /// <param name="from">First snapshot.</param>
    /// <param name="to">Last snapshot.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>One result per PIT.</returns>
    public static Task<IReadOnlyList<PitRefreshResult>> BuildAsync(RetailEnvironment environment, RetailVault vault, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(vault);
        var refresher = new PitRefresher(vault.Session, environment.Time) { DdlOptions = vault.Options.Ddl };
        var days = to.DayNumber - from.DayNumber + 1;
        return environment.Console.Status().StartAsync(
            $"building {string.Join(" and ", vault.Model.PointInTimes.Select(p => p.TableName))} for {days} daily snapshots",
            _ => refresher.RefreshAllAsync(vault.Model, from, to, cancellationToken));
    }

    /// <summary>Prints the results.</summary>
    /// <param name="console">The console.</param>
    /// <param name="results">The results.</param>
    public static void Write(IAnsiConsole console, IReadOnlyList<PitRefreshResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Point-in-time tables[/]")
            .AddColumn("pit").AddColumn("from").AddColumn("to").AddColumn(new Spectre.Console.TableColumn("snapshots").RightAligned())
            .AddColumn(new Spectre.Console.TableColumn("rows written").RightAligned()).AddColumn(new Spectre.Console.TableColumn("ms").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.PointInTime), r.From.ToString("yyyy-MM-dd", c), r.To.ToString("yyyy-MM-dd", c), r.Snapshots.ToString("N0", c),
                r.RowsWritten.ToString("N0", c), r.Duration.TotalMilliseconds.ToString("N0", c));
        }

        console.Write(table);
    }

    /// <summary>The date of the first load (the earliest hub row that is not a ghost record), or <see langword="null"/> for an empty vault.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The date.</returns>
    public static async Task<DateOnly?> FirstLoadDateAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        string Q(string identifier) => dialect.QuoteIdentifier(identifier);
        var ghost = dialect.ParameterPlaceholder("ghost");
        var text = $"""
            SELECT MIN({Q("load_date")}) FROM (
                SELECT {Q("load_date")} FROM {Q("hub_customer")} WHERE {Q("record_source")} <> {ghost}
                UNION ALL
                SELECT {Q("load_date")} FROM {Q("hub_product")} WHERE {Q("record_source")} <> {ghost}) f
            """;
        var value = await new VaultSession(connection, dialect).ScalarAsync(new SqlStatement(text, [new("ghost", SqlDialect.GhostRecordSource)]), null, cancellationToken);
        return value switch
        {
            DateTime t => DateOnly.FromDateTime(t),
            string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => DateOnly.FromDateTime(t),
            _ => null,
        };
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Retail.Data;
using Retail.Loading;
using Retail.Output;
using Retail.Queries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>demo</c>.</summary>
internal sealed class DemoSettings : DatabaseSettings
{
    /// <summary>The seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("Random seed of the generated data")]
    [DefaultValue(42)]
    public int Seed { get; set; } = 42;

    /// <summary>Where to keep the generated files.</summary>
    [CommandOption("--data <DIR>")]
    [Description("Keep the generated CSV batches in this folder (default: a temporary folder, deleted afterwards)")]
    public string? Data { get; set; }
}

/// <summary>
/// <c>demo</c> (the default command): recreates the vault, generates the seed's volumes in three batches, loads them
/// with load timestamps today − 2 days, − 1 day and now, builds the PITs, and prints the report and the analytics.
/// </summary>
internal sealed class DemoCommand : AsyncCommand<DemoSettings>
{
    private const int Batches = 3;
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public DemoCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            var console = _environment.Console;
            var target = settings.Target();
            var now = _environment.UtcNow();
            var today = DateOnly.FromDateTime(now);
            var folder = settings.Data ?? Path.Combine(Path.GetTempPath(), "retail-demo-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                console.Write(new Rule($"[bold]Retail Data Vault demo[/] on {Markup.Escape(target.Display)}").LeftJustified());

                // 1. Source data: the seed's volumes, then two incremental batches.
                var options = GeneratorOptions.Default(today, Batches) with { Seed = settings.Seed };
                var batches = GenerateCommand.Generate(options, folder);
                console.MarkupLine($"generated {batches.Count} batches ({batches.Sum(b => b.Rows).ToString("N0", CultureInfo.InvariantCulture)} rows) in [grey]{Markup.Escape(folder)}[/]");

                // 2. A fresh vault.
                await using var vault = await RetailVault.OpenAsync(target, _environment.Time, cancellationToken);
                await vault.Loader.DropVaultAsync(cancellationToken);
                await vault.Loader.EnsureVaultAsync(cancellationToken);

                // 3. Three loads: today - 2 days (the full extract), today - 1 day, now.
                for (var i = 0; i < batches.Count; i++)
                {
                    var loadDate = now.AddDays(i - (batches.Count - 1));
                    var stopwatch = Stopwatch.StartNew();
                    var result = await LoadCommand.LoadAsync(console, vault, batches[i].Folder, loadDate, LoadSettings.DefaultRecordSource, cancellationToken);
                    stopwatch.Stop();
                    LoadSummary.Write(console, result, detail: i == 0);
                    LoadSummary.WarnAboutRejectedRows(_environment, result);
                    if (i == 0)
                    {
                        console.MarkupLine($"full load of the default volumes: [bold]{stopwatch.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture)} ms[/] (wall clock, incl. reading the CSV files)");
                    }
                }

                // 4. PITs: one snapshot per day from the first load to today.
                var pits = await PitCommand.BuildAsync(_environment, vault, DateOnly.FromDateTime(now.AddDays(1 - batches.Count)), today, cancellationToken);
                PitCommand.Write(console, pits);

                // 5. Report and analytics.
                ReportWriter.Write(console, await VaultReport.ReadAsync(vault.Connection, vault.Dialect, vault.Model, vault.Options.BatchLogTable, cancellationToken));
                await ShowAsync(vault, "sales-by-segment", new QueryParameters());
                await ShowAsync(vault, "top-products", new QueryParameters(Limit: 10));
                await ShowAsync(vault, "sales-context", new QueryParameters(Limit: 10));
                await ShowAsync(vault, "current-customers", new QueryParameters(Limit: 5));
                if (Interesting.CustomerChangedBack(batches.Select(b => b.Batch).ToList()) is { } customer)
                {
                    await ShowAsync(vault, "customer-history", new QueryParameters(CustomerId: customer), $"customer-history {customer} (segment A -> B -> A)");
                }

                if (Interesting.CustomerWithChangedPhones(batches.Select(b => b.Batch).ToList()) is { } withPhones)
                {
                    await ShowAsync(vault, "customer-phones", new QueryParameters(CustomerId: withPhones), $"customer-phones {withPhones} (a multi-active satellite: each change inserts the whole set)");
                }

                if (Interesting.ProductMovedBack(batches.Select(b => b.Batch).ToList()) is { } moved)
                {
                    await ShowAsync(vault, "promotion-history", new QueryParameters(ProductId: moved), $"promotion-history {moved} (an effectivity satellite driven by the product: A -> B -> A)");
                }

                await ShowAsync(vault, "discontinued-products", new QueryParameters(Limit: 10), "discontinued-products (absent from the catalogue's latest full extract: the seed's track_deletes)");
                if (Interesting.RepricedProduct(batches.Select(b => b.Batch).ToList()) is { } product)
                {
                    await ShowAsync(vault, "price-history", new QueryParameters(ProductId: product), $"price-history {product}");
                    await ShowAsync(vault, "sales-as-of", new QueryParameters(AsOf: today.AddDays(-2), ProductId: product, Limit: 5), $"sales-as-of {today.AddDays(-2):yyyy-MM-dd} for {product} (old price)");
                    await ShowAsync(vault, "sales-as-of", new QueryParameters(AsOf: today, ProductId: product, Limit: 5), $"sales-as-of {today:yyyy-MM-dd} for {product} (new price)");
                }

                return ExitCodes.Success;
            }
            finally
            {
                if (settings.Data is null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            async Task ShowAsync(RetailVault vault, string name, QueryParameters parameters, string? title = null)
            {
                var result = await QueryCommand.RunAsync(vault, name, parameters, cancellationToken);
                ResultWriter.Write(_environment.Console, result, OutputFormat.Table, title ?? name);
            }
        });
}

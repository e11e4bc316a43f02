using System.ComponentModel;
using Retail.Database;
using Retail.Loading;
using Retail.Output;
using Retail.Queries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>query</c>.</summary>
internal sealed class QuerySettings : DatabaseSettings
{
    /// <summary>The query.</summary>
    [CommandArgument(0, "<NAME>")]
    [Description("current-customers, customer-history, price-history, sales-context, sales-as-of, sales-by-segment or top-products")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The snapshot date.</summary>
    [CommandOption("--as-of <DATE>")]
    [Description("Snapshot date for sales-as-of (UTC; default today)")]
    public string? AsOf { get; set; }

    /// <summary>A customer.</summary>
    [CommandOption("--customer <ID>")]
    [Description("Customer id (customer-history; filters current-customers, sales-context, sales-as-of)")]
    public string? Customer { get; set; }

    /// <summary>A product.</summary>
    [CommandOption("--product <ID>")]
    [Description("Product id (price-history; filters sales-context, sales-as-of)")]
    public string? Product { get; set; }

    /// <summary>The row limit.</summary>
    [CommandOption("--limit <N>")]
    [Description("Most rows to show")]
    public int? Limit { get; set; }

    /// <summary>The output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table, csv or json")]
    [DefaultValue("table")]
    public string Format { get; set; } = "table";

    /// <summary>The parsed format.</summary>
    public OutputFormat OutputFormat => Enum.Parse<OutputFormat>(Format, ignoreCase: true);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var database = base.Validate();
        if (!database.Successful)
        {
            return database;
        }

        if (!RetailQueries.Names.Contains(Name))
        {
            return ValidationResult.Error($"unknown query '{Name}': use one of {string.Join(", ", RetailQueries.Names)}");
        }

        if (!Enum.TryParse<OutputFormat>(Format, ignoreCase: true, out _) || int.TryParse(Format, out _))
        {
            return ValidationResult.Error($"unknown format '{Format}': use table, csv or json");
        }

        return Limit is < 1 ? ValidationResult.Error("--limit must be at least 1")
            : Name == "customer-history" && Customer is null ? ValidationResult.Error("customer-history needs --customer ID")
            : Name == "price-history" && Product is null ? ValidationResult.Error("price-history needs --product ID")
            : ValidationResult.Success();
    }
}

/// <summary><c>query NAME</c>: one of the seed's analytics, parameterised, as a table, CSV or JSON.</summary>
internal sealed class QueryCommand : AsyncCommand<QuerySettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public QueryCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, QuerySettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            var parameters = new QueryParameters(
                settings.AsOf is null ? _environment.Today() : Dates.Date(settings.AsOf, "--as-of"),
                settings.Customer,
                settings.Product,
                settings.Limit);
            await using var vault = await RetailVault.OpenAsync(settings.Target(), _environment.Time, cancellationToken);
            await vault.Loader.EnsureVaultAsync(cancellationToken);
            var result = await RunAsync(vault, settings.Name, parameters, cancellationToken);
            ResultWriter.Write(_environment.Console, result, settings.OutputFormat, settings.Name);
            return ExitCodes.Success;
        });

    /// <summary>Runs a named query.</summary>
    /// <param name="vault">The vault.</param>
    /// <param name="name">The query name.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The rows, decimals with their declared scale (<see cref="DeclaredScale"/>).</returns>
    public static async Task<QueryResult> RunAsync(RetailVault vault, string name, QueryParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var result = await Sql.QueryAsync(vault.Connection, RetailQueries.Build(vault.Dialect, name, parameters), cancellationToken);
        return DeclaredScale.Apply(result, vault.Dialect.Types);
    }
}

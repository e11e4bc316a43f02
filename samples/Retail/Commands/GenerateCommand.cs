using System.ComponentModel;
using System.Globalization;
using Retail.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>generate</c>.</summary>
internal sealed class GenerateSettings : CommandSettings
{
    /// <summary>The output folder.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Output folder (required); with --batches K > 1, batch-01 … batch-K inside it")]
    public string? Out { get; set; }

    /// <summary>The seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("Random seed: the same seed makes the same files")]
    [DefaultValue(42)]
    public int Seed { get; set; } = 42;

    /// <summary>Customers.</summary>
    [CommandOption("--customers <N>")]
    [DefaultValue(1000)]
    public int Customers { get; set; } = 1000;

    /// <summary>Products.</summary>
    [CommandOption("--products <N>")]
    [DefaultValue(500)]
    public int Products { get; set; } = 500;

    /// <summary>Stores.</summary>
    [CommandOption("--stores <N>")]
    [DefaultValue(20)]
    public int Stores { get; set; } = 20;

    /// <summary>Promotions.</summary>
    [CommandOption("--promotions <N>")]
    [DefaultValue(50)]
    public int Promotions { get; set; } = 50;

    /// <summary>Transaction lines.</summary>
    [CommandOption("--transactions <N>")]
    [Description("Transaction lines of the first batch (later batches: a tenth each)")]
    [DefaultValue(10_000)]
    public int Transactions { get; set; } = 10_000;

    /// <summary>Batches.</summary>
    [CommandOption("--batches <K>")]
    [Description("Number of batches: batch-01 is a full extract, later ones hold only what changed")]
    [DefaultValue(1)]
    public int Batches { get; set; } = 1;

    /// <summary>The date of the last batch.</summary>
    [CommandOption("--date <DATE>")]
    [Description("Business date of the last batch (default today, UTC); batch i of K is dated K - i days earlier")]
    public string? Date { get; set; }

    /// <summary>The generator options.</summary>
    /// <param name="today">Today, UTC.</param>
    /// <returns>The options.</returns>
    public GeneratorOptions Options(DateOnly today) =>
        new(Seed, Customers, Products, Stores, Promotions, Transactions, Batches, Date is null ? today : Dates.Date(Date, "--date"));

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("generate needs --out DIR");
        }

        var problem = new GeneratorOptions(Seed, Customers, Products, Stores, Promotions, Transactions, Batches, default).Problem();
        return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
    }
}

/// <summary><c>generate</c>: deterministic fake source files.</summary>
internal sealed class GenerateCommand : AsyncCommand<GenerateSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public GenerateCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, () =>
        {
            var options = settings.Options(_environment.Today());
            var written = Generate(options, settings.Out!);
            var table = new Table().Border(TableBorder.Rounded).AddColumn("batch").AddColumn("date").AddColumn("folder").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (batch, folder, rows) in written)
            {
                table.AddRow(batch.Name, batch.BatchDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(folder), rows.ToString("N0", CultureInfo.InvariantCulture));
            }

            _environment.Console.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });

    /// <summary>Generates and writes the batches.</summary>
    /// <param name="options">The generator options.</param>
    /// <param name="output">The output folder.</param>
    /// <returns>Each batch, its folder and its row count.</returns>
    public static IReadOnlyList<(RetailBatch Batch, string Folder, long Rows)> Generate(GeneratorOptions options, string output)
    {
        ArgumentNullException.ThrowIfNull(options);
        var batches = new RetailDataGenerator(options).Generate();
        var written = new List<(RetailBatch, string, long)>();
        foreach (var batch in batches)
        {
            var folder = options.Batches == 1 ? output : Path.Combine(output, batch.Name);
            written.Add((batch, folder, RetailCsv.WriteBatch(folder, batch)));
        }

        return written;
    }
}

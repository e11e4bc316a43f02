using System.ComponentModel;
using Retail.Data;
using Retail.Loading;
using Retail.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>load</c>.</summary>
internal sealed class LoadSettings : DatabaseSettings
{
    /// <summary>The batch folder.</summary>
    [CommandOption("--from <DIR>")]
    [Description("Batch folder with any of customers.csv, products.csv, stores.csv, promotions.csv, transactions.csv (required)")]
    public string? From { get; set; }

    /// <summary>The load date.</summary>
    [CommandOption("--load-date <ISO8601>")]
    [Description("Load timestamp of the batch (UTC unless it has an offset); default now")]
    public string? LoadDate { get; set; }

    /// <summary>The record source.</summary>
    [CommandOption("--record-source <NAME>")]
    [Description("Record source stamped on every row")]
    [DefaultValue(DefaultRecordSource)]
    public string RecordSource { get; set; } = DefaultRecordSource;

    /// <summary>The default record source.</summary>
    public const string DefaultRecordSource = "retail.csv";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var database = base.Validate();
        return !database.Successful ? database
            : string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("load needs --from DIR")
            : string.IsNullOrWhiteSpace(RecordSource) ? ValidationResult.Error("--record-source must not be empty")
            : ValidationResult.Success();
    }
}

/// <summary><c>load</c>: one batch folder, all or nothing.</summary>
internal sealed class LoadCommand : AsyncCommand<LoadSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public LoadCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, LoadSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            var folder = settings.From!;
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--from {folder}: no such folder");
            }

            DateTime? loadDate = settings.LoadDate is null ? null : Dates.Instant(settings.LoadDate, "--load-date");
            await using var vault = await RetailVault.OpenAsync(settings.Target(), _environment.Time, cancellationToken);
            var result = await LoadAsync(_environment.Console, vault, folder, loadDate, settings.RecordSource, cancellationToken);
            LoadSummary.Write(_environment.Console, result, detail: true);
            LoadSummary.WarnAboutRejectedRows(_environment, result);
            return ExitCodes.Success;
        });

    /// <summary>Loads a folder under a progress bar.</summary>
    /// <param name="console">The console.</param>
    /// <param name="vault">The vault.</param>
    /// <param name="folder">The batch folder.</param>
    /// <param name="loadDate">The load date, or <see langword="null"/> for now.</param>
    /// <param name="recordSource">The record source.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The result.</returns>
    public static Task<DataVault.Core.Loading.LoadResult> LoadAsync(IAnsiConsole console, RetailVault vault, string folder, DateTime? loadDate, string recordSource, CancellationToken cancellationToken)
    {
        var rows = RetailCsv.Files.Select(f => Path.Combine(folder, f)).Where(File.Exists).Sum(CountLines);
        return LoadProgressDisplay.RunAsync(console, "load " + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), rows,
            progress => RetailBatchLoader.LoadFolderAsync(vault, folder, loadDate, recordSource, progress, cancellationToken));
    }

    private static long CountLines(string path)
    {
        // Only for the progress bar: bounded by the file's length, and silent about what is not a readable regular file
        // (a directory, a device such as /dev/zero, a dangling link) — the loader reports those with their names.
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var length = stream.CanSeek ? stream.Length : 0;
            var buffer = new byte[1 << 16];
            long lines = 0, read = 0;
            while (read < length && stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - read)) is var n and > 0)
            {
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
                read += n;
            }

            return Math.Max(0, lines - 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

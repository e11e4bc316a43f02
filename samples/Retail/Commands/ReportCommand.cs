using Retail.Loading;
using Retail.Output;
using Retail.Queries;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary><c>report</c>: the seed's data-quality report.</summary>
internal sealed class ReportCommand : AsyncCommand<DatabaseSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public ReportCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            await using var vault = await RetailVault.OpenAsync(settings.Target(), _environment.Time, cancellationToken);
            await vault.Loader.EnsureVaultAsync(cancellationToken);
            var report = await VaultReport.ReadAsync(vault.Connection, vault.Dialect, vault.Model, vault.Options.BatchLogTable, cancellationToken);
            ReportWriter.Write(_environment.Console, report);
            return ExitCodes.Success;
        });
}

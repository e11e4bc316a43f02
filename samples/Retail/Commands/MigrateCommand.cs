using System.ComponentModel;
using DataVault.Core.Migrations;
using Retail.Loading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>migrate</c>.</summary>
internal sealed class MigrateSettings : DatabaseSettings
{
    /// <summary>Only print the plan.</summary>
    [CommandOption("--dry-run")]
    [Description("Print the plan and change nothing")]
    public bool DryRun { get; set; }

    /// <summary>Allow dropping columns the model no longer declares.</summary>
    [CommandOption("--allow-dropping-columns")]
    [Description("Drop satellite columns the model no longer declares (their values are lost)")]
    public bool AllowDroppingColumns { get; set; }
}

/// <summary><c>migrate</c>: brings an existing vault to the retail model (additive changes; refuses what would lose data).</summary>
internal sealed class MigrateCommand : AsyncCommand<MigrateSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public MigrateCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, MigrateSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            await using var vault = await RetailVault.OpenAsync(settings.Target(), _environment.Time, cancellationToken);
            var options = new MigrationOptions { AllowDroppingColumns = settings.AllowDroppingColumns };
            var plan = settings.DryRun
                ? await vault.Loader.PlanMigrationAsync(options, cancellationToken)
                : await vault.Loader.MigrateAsync(options, cancellationToken);
            _environment.Console.WriteLine((settings.DryRun ? "Plan (nothing changed): " : "Migrated: ") + plan);
            return plan.CanApply ? ExitCodes.Success : ExitCodes.Failed;
        });
}

using System.ComponentModel;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using Retail.Loading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of <c>ddl</c>.</summary>
internal sealed class DdlSettings : CommandSettings
{
    /// <summary>The engine whose SQL is written.</summary>
    [CommandOption("--provider <NAME>")]
    [Description("sqlite (default), postgres, mariadb, duckdb or sqlserver")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The file to write; standard output when absent.</summary>
    [CommandOption("--out <FILE>")]
    [Description("Write the script to this file (default: standard output)")]
    public string? Out { get; set; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        SqlDialects.All.ContainsKey(Provider)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--provider {Provider} is not known; use one of {string.Join(", ", SqlDialects.All.Keys.Order(StringComparer.Ordinal))}");
}

/// <summary><c>ddl</c>: the script that creates the retail vault — what the loader would create — for a DBA; needs no database.</summary>
internal sealed class DdlCommand : AsyncCommand<DdlSettings>
{
    private readonly RetailEnvironment _environment;

    /// <summary>Creates the command.</summary>
    /// <param name="environment">The environment.</param>
    public DdlCommand(RetailEnvironment environment) => _environment = environment;

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DdlSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(_environment, async () =>
        {
            var dialect = SqlDialects.All[settings.Provider];
            var script = VaultLoader.CreateVaultScript(dialect, RetailModel.Model, RetailVault.OptionsFor(_environment.Time)).ToString();
            if (settings.Out is null)
            {
                _environment.Console.Profile.Out.Writer.Write(script);
                _environment.Console.Profile.Out.Writer.Flush();
            }
            else
            {
                await File.WriteAllTextAsync(settings.Out, script, cancellationToken);
                _environment.Console.WriteLine($"wrote {settings.Out}: the {dialect.Name} script of the retail vault");
            }

            return ExitCodes.Success;
        });
}

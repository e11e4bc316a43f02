using System.ComponentModel;
using Retail.Database;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retail.Commands;

/// <summary>The options of every command that touches a database.</summary>
internal class DatabaseSettings : CommandSettings
{
    /// <summary>The SQLite file.</summary>
    [CommandOption("--db <FILE>")]
    [Description("SQLite database file (default retail.db in the current folder); same as --provider sqlite --connection \"Data Source=FILE\"")]
    public string? Db { get; set; }

    /// <summary>The provider.</summary>
    [CommandOption("--provider <NAME>")]
    [Description("sqlite, postgres, mariadb or duckdb (with --connection)")]
    public string? Provider { get; set; }

    /// <summary>The connection string.</summary>
    [CommandOption("--connection <STRING>")]
    [Description("The provider's connection string")]
    public string? Connection { get; set; }

    /// <summary>The database the options name.</summary>
    /// <returns>The target.</returns>
    public DatabaseTarget Target() =>
        DatabaseTarget.TryParse(Db, Provider, Connection, out var target) is { } problem ? throw new UsageException(problem) : target;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        DatabaseTarget.TryParse(Db, Provider, Connection, out _) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}

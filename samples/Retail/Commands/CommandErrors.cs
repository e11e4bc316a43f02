using System.Data.Common;
using DataVault.Core.Drift;
using DataVault.Core.Loading;
using DataVault.Core.Migrations;
using DataVault.Core.Modeling;

namespace Retail.Commands;

/// <summary>Turns a command's failures into one clear error line and an exit code.</summary>
internal static class CommandErrors
{
    /// <summary>Runs a command body.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="body">The body; returns the exit code.</param>
    /// <returns>The exit code: the body's, 1 for bad data or a failed load, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(RetailEnvironment environment, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (UsageException e)
        {
            environment.Error(e.Message);
            return ExitCodes.Usage;
        }
        catch (DataVaultLoadException e)
        {
            // The message says what and where: file, line, column, reason. The batch was rolled back.
            environment.Error(e.Message);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is DataVaultDriftException or DataVaultMigrationException)
        {
            // The database differs from the model: the message lists every difference (see the drift and migrate commands).
            environment.Error(e.Message);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is DbException or DataVaultModelException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            environment.Error(e.Message);
            return ExitCodes.Failed;
        }
    }
}

using DataVault.Core.Drift;

namespace DataVault.Core.Migrations;

/// <summary>A migration was refused (its plan has refusals) before it changed anything.</summary>
public sealed class DataVaultMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataVaultMigrationException()
        : this(new MigrationPlan(new VaultDriftReport([], [], []), [], []))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DataVaultMigrationException(string message)
        : base(message)
    {
        Plan = new MigrationPlan(new VaultDriftReport([], [], []), [], []);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataVaultMigrationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Plan = new MigrationPlan(new VaultDriftReport([], [], []), [], []);
    }

    /// <summary>Creates the exception for a refused plan; the message lists the refusals.</summary>
    /// <param name="plan">The plan.</param>
    public DataVaultMigrationException(MigrationPlan plan)
        : base(MessageOf(plan))
    {
        Plan = plan;
    }

    /// <summary>The refused plan.</summary>
    public MigrationPlan Plan { get; }

    private static string MessageOf(MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"The migration was refused; nothing was changed.{Environment.NewLine}{plan}";
    }
}

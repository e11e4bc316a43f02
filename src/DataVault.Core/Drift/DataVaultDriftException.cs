namespace DataVault.Core.Drift;

/// <summary>The database's tables differ from the model: thrown by <see cref="Loading.VaultLoader.EnsureVaultAsync"/> before it changes anything.</summary>
public sealed class DataVaultDriftException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataVaultDriftException()
        : this(new VaultDriftReport([], [], []))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DataVaultDriftException(string message)
        : base(message)
    {
        Report = new VaultDriftReport([], [], []);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataVaultDriftException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Report = new VaultDriftReport([], [], []);
    }

    /// <summary>Creates the exception for a report; the message lists every difference.</summary>
    /// <param name="report">The report.</param>
    public DataVaultDriftException(VaultDriftReport report)
        : base(MessageOf(report))
    {
        Report = report;
    }

    /// <summary>The differences.</summary>
    public VaultDriftReport Report { get; }

    private static string MessageOf(VaultDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"The database does not match the model; nothing was created or changed. {report}{Environment.NewLine}" +
            "Change the database (or the model) so they agree, then run EnsureVaultAsync again.";
    }
}

namespace DataVault.Core.Rehashing;

/// <summary>
/// A rehash was refused or stopped: the target model is not the same vault under other standards, the target standard
/// would merge keys the current one keeps apart, rows were loaded while it ran, or another rehash is in progress. The
/// vault's tables are as they were; a rerun resumes (or, after a refusal, starts again).
/// </summary>
public sealed class DataVaultRehashException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataVaultRehashException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DataVaultRehashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataVaultRehashException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

namespace DataVault.Core.Loading;

/// <summary>
/// A batch failed and was rolled back: the vault is exactly as it was. The message says what and where —
/// e.g. <c>transactions.csv, line 6, column quantity: 'abc' is not an integer</c>.
/// </summary>
public class DataVaultLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataVaultLoadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public DataVaultLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataVaultLoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a bad value or row of a source.</summary>
    /// <param name="sourceName">The source, e.g. <c>transactions.csv</c>.</param>
    /// <param name="line">The line (CSV) or row number (other sources), 1-based.</param>
    /// <param name="column">The column, if one column is at fault.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DataVaultLoadException(string? sourceName, long? line, string? column, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
    }

    /// <summary>The source at fault, if the error is about source data.</summary>
    public string? SourceName { get; }

    /// <summary>The line (CSV files) or row number (readers, objects), 1-based, if one row is at fault.</summary>
    public long? Line { get; }

    /// <summary>The column at fault, if one is.</summary>
    public string? Column { get; }
}

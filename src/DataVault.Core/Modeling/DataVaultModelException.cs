namespace DataVault.Core.Modeling;

/// <summary>Thrown by <see cref="DataVaultModelBuilder.Build()"/> with every problem of the model at once.</summary>
public sealed class DataVaultModelException : Exception
{
    /// <summary>Creates the exception from the diagnostics.</summary>
    /// <param name="diagnostics">Every problem found.</param>
    public DataVaultModelException(IReadOnlyList<ModelDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = [.. diagnostics];
    }

    /// <summary>Creates an exception with a message only (no diagnostics).</summary>
    public DataVaultModelException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message only (no diagnostics).</summary>
    /// <param name="message">The message.</param>
    public DataVaultModelException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates an exception with a message and an inner exception (no diagnostics).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataVaultModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found, in model order.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<ModelDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return $"The Data Vault model has {diagnostics.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics.Select(d => "- " + d))}";
    }
}

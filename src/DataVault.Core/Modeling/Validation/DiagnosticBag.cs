namespace DataVault.Core.Modeling.Validation;

/// <summary>
/// Collects the diagnostics of one validation in the order they are reported. Every rule reports into it and none
/// stops the others: the user sees every problem of the model at once.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<ModelDiagnostic> _diagnostics = [];

    /// <summary>How many diagnostics were reported.</summary>
    public int Count => _diagnostics.Count;

    /// <summary>Reports one diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic, made by a descriptor of <see cref="ModelDiagnostics"/>.</param>
    public void Add(ModelDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>The diagnostics, in reported order, as a read-only copy.</summary>
    /// <returns>The list; empty when the model is valid.</returns>
    public IReadOnlyList<ModelDiagnostic> ToReadOnlyList() => [.. _diagnostics];
}

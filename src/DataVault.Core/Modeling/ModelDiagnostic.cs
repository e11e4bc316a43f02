namespace DataVault.Core.Modeling;

/// <summary>One problem of a model: a stable code, where it is, what is wrong and how to fix it.</summary>
/// <param name="Code">The stable code, e.g. <c>DV1003</c> (docs/diagnostics.md lists them).</param>
/// <param name="Path">Where: the entity and member, e.g. <c>link:sales/hub:store</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ModelDiagnostic(string Code, string Path, string Message, string Fix)
{
    /// <summary>The diagnostic on one line: <c>DV1003 link:sales/hub:store: message Fix: ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code} {Path}: {Message} Fix: {Fix}";
}

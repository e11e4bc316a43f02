namespace DataVault.Core.Modeling.Resolution;

/// <summary>A reference from one declaration to another (a satellite's parent, a PIT's hub or satellite) and how it resolved.</summary>
/// <typeparam name="T">The kind of target.</typeparam>
/// <param name="Kind">The target's kind as paths and messages name it: <c>hub</c>, <c>link</c> or <c>satellite</c>; empty for <see cref="ReferenceOutcome.Missing"/> and <see cref="ReferenceOutcome.Several"/>.</param>
/// <param name="Name">The referenced name; empty for <see cref="ReferenceOutcome.Missing"/> and <see cref="ReferenceOutcome.Several"/>.</param>
/// <param name="Path">The diagnostic path of the reference, e.g. <c>sat:ghost/hub:nobody</c> (the referring entity's path when there is no single name).</param>
/// <param name="Outcome">How it resolved.</param>
/// <param name="Target">The target when <see cref="ReferenceOutcome.Resolved"/> (or, for a PIT's satellite, <see cref="ReferenceOutcome.OtherParent"/>).</param>
internal sealed record ResolvedReference<T>(string Kind, string Name, string Path, ReferenceOutcome Outcome, T? Target)
    where T : class
{
    /// <summary>A reference that names no single target: none or several were declared.</summary>
    /// <param name="path">The referring entity's path.</param>
    /// <param name="count">How many were declared.</param>
    /// <returns>A <see cref="ReferenceOutcome.Missing"/> or <see cref="ReferenceOutcome.Several"/> reference.</returns>
    public static ResolvedReference<T> NotOne(string path, int count) =>
        new(string.Empty, string.Empty, path, count == 0 ? ReferenceOutcome.Missing : ReferenceOutcome.Several, null);
}

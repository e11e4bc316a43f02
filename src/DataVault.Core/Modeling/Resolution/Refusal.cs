namespace DataVault.Core.Modeling.Resolution;

/// <summary>
/// Why the resolver left a declaration out of the model. A refused entity is not linked to: whatever references it
/// resolves to <see cref="ReferenceOutcome.Refused"/>, so only the refusal itself is reported.
/// </summary>
internal enum Refusal
{
    /// <summary>The declaration is part of the model.</summary>
    None,

    /// <summary>An earlier declaration of the same kind has the name (DV1003).</summary>
    DuplicateName,

    /// <summary>The name is not a safe identifier (DV1001).</summary>
    UnsafeName,
}

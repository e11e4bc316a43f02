namespace DataVault.Core.Modeling.Resolution;

/// <summary>A declared hub, named and, unless refused, built.</summary>
/// <param name="Declaration">Its name, path, table and refusal.</param>
/// <param name="HashKey">Its hash-key column.</param>
/// <param name="Builder">The declaration as written (business keys, hashing standard override).</param>
/// <param name="Hub">The hub, or <see langword="null"/> when refused.</param>
internal sealed record ResolvedHub(Declaration Declaration, string HashKey, HubBuilder Builder, Hub? Hub);

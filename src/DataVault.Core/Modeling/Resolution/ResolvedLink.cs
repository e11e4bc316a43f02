namespace DataVault.Core.Modeling.Resolution;

/// <summary>A declared link, named, its hubs resolved and, unless refused, built.</summary>
/// <param name="Declaration">Its name, path, table and refusal.</param>
/// <param name="HashKey">Its hash-key column.</param>
/// <param name="Builder">The declaration as written (child keys, hashing standard override).</param>
/// <param name="References">Every declared hub reference, in declared order, with its outcome.</param>
/// <param name="Hubs">The resolved references (the link's hubs), in declared order.</param>
/// <param name="Link">The link, or <see langword="null"/> when refused.</param>
internal sealed record ResolvedLink(Declaration Declaration, string HashKey, LinkBuilder Builder, IReadOnlyList<ResolvedHubReference> References, IReadOnlyList<LinkHubReference> Hubs, Link? Link);

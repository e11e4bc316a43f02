namespace DataVault.Core.Modeling.Resolution;

/// <summary>One hub a link declares, and how it resolved.</summary>
/// <param name="HubName">The hub's declared name.</param>
/// <param name="Role">The role, or <see langword="null"/>.</param>
/// <param name="Path">The diagnostic path, e.g. <c>link:sale/hub:store</c>.</param>
/// <param name="Outcome"><see cref="ReferenceOutcome.Resolved"/>, <see cref="ReferenceOutcome.Undeclared"/>, <see cref="ReferenceOutcome.Refused"/>, or <see cref="ReferenceOutcome.Repeated"/> (same hub, same role).</param>
/// <param name="Reference">The link's reference, with its column, when resolved.</param>
internal sealed record ResolvedHubReference(string HubName, string? Role, string Path, ReferenceOutcome Outcome, LinkHubReference? Reference);

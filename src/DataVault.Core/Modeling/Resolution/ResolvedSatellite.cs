namespace DataVault.Core.Modeling.Resolution;

/// <summary>A declared satellite, named, its parent resolved and, unless refused or without a parent, built.</summary>
/// <param name="Declaration">Its name, path, table and refusal.</param>
/// <param name="Builder">The declaration as written (parents, attributes, hashing standard override).</param>
/// <param name="Parent">Its parent hub or link and how it resolved.</param>
/// <param name="Satellite">The satellite, or <see langword="null"/> when refused or when its parent did not resolve.</param>
internal sealed record ResolvedSatellite(Declaration Declaration, SatelliteBuilder Builder, ResolvedReference<VaultEntity> Parent, Satellite? Satellite);

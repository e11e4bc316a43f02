namespace DataVault.Core.Modeling;

/// <summary>
/// The database schemas of the vault's layers, each a plain identifier (never a dotted string): the raw vault (hubs,
/// links, satellites, their views) and the business vault (point-in-time tables). <see langword="null"/> is the
/// connection's default schema. Declared with <see cref="DataVaultModelBuilder.UseSchemas"/>; the loader's own tables
/// have theirs in <see cref="Loading.LoadOptions.LoaderSchema"/>. On engines without schemas (SQLite) a declared schema is DV1008.
/// </summary>
/// <param name="RawVault">The raw vault's schema, e.g. <c>raw_vault</c>.</param>
/// <param name="BusinessVault">The business vault's schema, e.g. <c>business_vault</c>.</param>
public sealed record VaultSchemas(string? RawVault = null, string? BusinessVault = null)
{
    /// <summary>No schema: every object in the connection's default schema.</summary>
    public static VaultSchemas None { get; } = new();

    /// <summary>The schemas declared, each once, raw vault first.</summary>
    public IReadOnlyList<string> Declared => new[] { RawVault, BusinessVault }.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}

namespace DataVault.Core.Modeling;

/// <summary>One hub of a link, with its optional role and the link column that holds the hub's hash key.</summary>
/// <param name="Hub">The hub.</param>
/// <param name="Role">The role (e.g. <c>referred_by</c>), or <see langword="null"/>.</param>
/// <param name="HashKeyColumn">The link's column for the hub's hash key, e.g. <c>hub_customer_hk</c> or <c>referred_by_hub_customer_hk</c>.</param>
public sealed record LinkHubReference(Hub Hub, string? Role, string HashKeyColumn)
{
    /// <summary>
    /// The names under which this reference's business keys appear in a link's staging row: the hub's business-key
    /// names, prefixed with <c>{role}_</c> when the reference has a role.
    /// </summary>
    /// <returns>The names, in the hub's key order.</returns>
    public IReadOnlyList<ColumnDefinition> BusinessKeyColumns() =>
        Role is null ? Hub.BusinessKeys : [.. Hub.BusinessKeys.Select(k => k with { Name = Role + "_" + k.Name })];
}

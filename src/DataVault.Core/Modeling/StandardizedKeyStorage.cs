namespace DataVault.Core.Modeling;

/// <summary>
/// What a hub stores of its text business keys (<see cref="HubBuilder.StoreStandardizedKeys"/>): the value as the
/// source delivered it (default), the value as the key's hashing standard standardises it — trimmed, empty as NULL,
/// cased, control characters removed as the standard says, but not escaped — or both.
/// </summary>
public enum StandardizedKeyStorage
{
    /// <summary>The key column holds the value as delivered (after the mapping's cleaning).</summary>
    Delivered,

    /// <summary>The key column holds the value as delivered, and a column <c>&lt;key&gt;_std</c> beside it the standardised value.</summary>
    Beside,

    /// <summary>The key column holds the standardised value only (what the hash key is computed from).</summary>
    Instead,
}

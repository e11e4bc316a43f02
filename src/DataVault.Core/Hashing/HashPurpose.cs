namespace DataVault.Core.Hashing;

/// <summary>Whether a row of parts is hashed as a business key or as a satellite's attribute set.</summary>
public enum HashPurpose
{
    /// <summary>A hash key: business-key parts (hubs, links, dependent child keys).</summary>
    Key = 0,

    /// <summary>A hash diff: the descriptive attributes of a satellite row.</summary>
    Diff = 1,
}

namespace DataVault.Core.Loading;

/// <summary>The phases of a batch, in order.</summary>
public enum LoadPhase
{
    /// <summary>Creating staging tables and the batch log entry.</summary>
    Preparing = 0,

    /// <summary>Reading, parsing, hashing and staging source rows.</summary>
    Reading = 1,

    /// <summary>Checking staged rows against the vault (conflicts, late data).</summary>
    Checking = 2,

    /// <summary>Running the set-based merges into hubs, links and satellites.</summary>
    Merging = 3,

    /// <summary>Committing the batch's transaction.</summary>
    Committing = 4,

    /// <summary>The batch is committed.</summary>
    Done = 5,
}

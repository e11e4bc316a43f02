namespace DataVault.Core.Loading;

/// <summary>What the loader does with a satellite row older than the latest stored version of its key.</summary>
public enum LateDataHandling
{
    /// <summary>Fail the batch with an error naming the satellite, the key and both load timestamps (the default).</summary>
    Reject = 0,

    /// <summary>
    /// Insert the row in load-date order when it differs from its chronological predecessor; end dates (when
    /// maintained) are recomputed for the key, so the late version ends where its successor starts.
    /// </summary>
    InsertInOrder = 1,
}

namespace DataVault.Core.Loading;

/// <summary>What the loader does with a source row it cannot parse or validate.</summary>
public enum BadRowHandling
{
    /// <summary>Reject the whole batch: nothing is written, and the error names the source, line, column, value and reason.</summary>
    Reject = 0,

    /// <summary>
    /// Write the bad row, whole and unchanged, with its reason into the quarantine table (in the batch's transaction) and
    /// load the rest. Nothing is lost: every source row ends up either in the vault or in quarantine.
    /// </summary>
    Quarantine = 1,
}

namespace DataVault.Core.Loading;

/// <summary>
/// The state of a batch in the batch log. Stored as the lower-case words <c>running</c>, <c>succeeded</c>,
/// <c>failed</c>, <c>cancelled</c> and <c>abandoned</c> (see <see cref="Sql.Writers.LoaderStatements.StatusText"/>).
/// </summary>
internal enum BatchStatus
{
    /// <summary>Started and not finished; its loader's session is alive (or no one has looked since it died).</summary>
    Running,

    /// <summary>Committed.</summary>
    Succeeded,

    /// <summary>Rolled back after an error.</summary>
    Failed,

    /// <summary>Rolled back because it was cancelled.</summary>
    Cancelled,

    /// <summary>Its loader's session ended before the batch finished (killed, disconnected); marked by the next load or <see cref="VaultLoader.RecoverAbandonedBatchesAsync"/>.</summary>
    Abandoned,
}

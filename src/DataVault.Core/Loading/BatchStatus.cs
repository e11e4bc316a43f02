namespace DataVault.Core.Loading;

/// <summary>
/// The state of a batch in the batch log. Stored as the lower-case words <c>running</c>, <c>succeeded</c>,
/// <c>failed</c> and <c>cancelled</c> (see <see cref="Sql.Writers.LoaderStatements.StatusText"/>).
/// </summary>
internal enum BatchStatus
{
    /// <summary>Started and not finished (or the process died).</summary>
    Running,

    /// <summary>Committed.</summary>
    Succeeded,

    /// <summary>Rolled back after an error.</summary>
    Failed,

    /// <summary>Rolled back because it was cancelled.</summary>
    Cancelled,
}

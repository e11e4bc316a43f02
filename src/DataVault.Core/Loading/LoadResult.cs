namespace DataVault.Core.Loading;

/// <summary>What a committed batch did.</summary>
/// <param name="BatchId">The batch's id in the batch log (0 when the batch log is off).</param>
/// <param name="BatchName">The batch's name.</param>
/// <param name="LoadDate">The batch's load timestamp (UTC, microseconds).</param>
/// <param name="RowsRead">Source rows read, all sources together.</param>
/// <param name="RowsRejected">Source rows written to quarantine (only with <see cref="BadRowHandling.Quarantine"/>).</param>
/// <param name="InsertedByTable">Rows inserted per vault table.</param>
/// <param name="RowsEndDated">Satellite rows whose load end date was set or changed.</param>
/// <param name="Duration">Wall time of the batch.</param>
public sealed record LoadResult(
    long BatchId,
    string BatchName,
    DateTime LoadDate,
    long RowsRead,
    long RowsRejected,
    IReadOnlyDictionary<string, long> InsertedByTable,
    long RowsEndDated,
    TimeSpan Duration)
{
    /// <summary>
    /// The satellites a source had the parent key and some attributes of, but was not loaded into because it lacks the
    /// others (<see cref="PartialSatelliteHandling.Report"/>); empty when every source fed its satellites whole.
    /// </summary>
    public IReadOnlyList<SkippedSatellite> SkippedSatellites { get; init; } = [];

    /// <summary>
    /// Per link table, the source rows that fed no row of it because one of its hub keys was empty and the link skips
    /// such rows (<see cref="Modeling.NullHubKeyPolicy.Skip"/>) or the source's mapping does
    /// (<see cref="SourceMapping.RequireAllKeys"/>); also logged (event 4019). Empty when no row was skipped.
    /// </summary>
    public IReadOnlyDictionary<string, long> SkippedLinkRows { get; init; } = new Dictionary<string, long>();

    /// <summary>Rows inserted into the vault, all tables together.</summary>
    public long RowsInserted => InsertedByTable.Values.Sum();
}

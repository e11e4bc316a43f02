namespace DataVault.Core.BusinessVault;

/// <summary>What one refresh of a point-in-time table did.</summary>
/// <param name="PointInTime">The PIT's model name.</param>
/// <param name="From">The first snapshot date refreshed.</param>
/// <param name="To">The last snapshot date refreshed.</param>
/// <param name="RowsDeleted">The rows of the range that were there before (a previous refresh's).</param>
/// <param name="RowsWritten">The rows written: one per hub key and snapshot date on which the key existed.</param>
/// <param name="Duration">How long the transaction took, from its start to its commit.</param>
public sealed record PitRefreshResult(string PointInTime, DateOnly From, DateOnly To, int RowsDeleted, int RowsWritten, TimeSpan Duration)
{
    /// <summary>The number of daily snapshots in the range.</summary>
    public int Snapshots => To.DayNumber - From.DayNumber + 1;
}

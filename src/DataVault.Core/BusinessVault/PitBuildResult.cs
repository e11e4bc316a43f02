namespace DataVault.Core.BusinessVault;

/// <summary>What one build of a point-in-time table did.</summary>
/// <param name="PointInTime">The PIT's model name.</param>
/// <param name="From">The first snapshot date built.</param>
/// <param name="To">The last snapshot date built.</param>
/// <param name="RowsDeleted">The rows of the range that were there before (a previous build's).</param>
/// <param name="RowsWritten">The rows written: one per hub key and snapshot date on which the key existed.</param>
/// <param name="Duration">How long the transaction took, from its start to its commit.</param>
public sealed record PitBuildResult(string PointInTime, DateOnly From, DateOnly To, int RowsDeleted, int RowsWritten, TimeSpan Duration)
{
    /// <summary>The number of daily snapshots in the range.</summary>
    public int Snapshots => To.DayNumber - From.DayNumber + 1;
}

namespace DataVault.Core.Sql;

/// <summary>
/// The pieces of a PIT build's insert (<see cref="SqlDialect.InsertPitSnapshots"/>), for an engine that arranges them
/// in another order (T-SQL puts the common table expression first).
/// </summary>
/// <param name="Insert">The <c>INSERT INTO … (…)</c> line.</param>
/// <param name="Snapshots">The body of the recursive common table expression of snapshot dates, without the <c>WITH</c> keyword: <c>dv_snapshots (snapshot_date, dv_snapshot_end) AS (…)</c>.</param>
/// <param name="Select">The <c>SELECT</c> that reads it.</param>
/// <param name="Parameters">The parameters of the statement.</param>
public sealed record PitInsertParts(string Insert, string Snapshots, string Select, IReadOnlyList<SqlParameterValue> Parameters);

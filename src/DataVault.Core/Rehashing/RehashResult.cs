namespace DataVault.Core.Rehashing;

/// <summary>What a rehash did.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="StepsRun">The steps this call ran, in order.</param>
/// <param name="StepsResumed">The steps an earlier, interrupted call had completed (found in the rehash log) and this call skipped.</param>
/// <param name="RowsByTable">Rows written into each vault table by the swap (empty when the swap was done before).</param>
/// <param name="Elapsed">How long this call took.</param>
public sealed record RehashResult(RehashPlan Plan, IReadOnlyList<RehashStep> StepsRun, IReadOnlyList<RehashStep> StepsResumed, IReadOnlyDictionary<string, long> RowsByTable, TimeSpan Elapsed)
{
    /// <summary>Whether an earlier call had already completed the whole rehash, so this one did nothing.</summary>
    public bool WasAlreadyComplete => StepsRun.Count == 0;
}

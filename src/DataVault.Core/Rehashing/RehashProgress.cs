namespace DataVault.Core.Rehashing;

/// <summary>Progress of a rehash: reported after each step, and while a step reads a large table.</summary>
/// <param name="Step">The step.</param>
/// <param name="StepCount">How many steps the plan has.</param>
/// <param name="Rows">Rows the step has read or written so far.</param>
/// <param name="Completed">Whether the step is done (then it is in the rehash log).</param>
public sealed record RehashProgress(RehashStep Step, int StepCount, long Rows, bool Completed);

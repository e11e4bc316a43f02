namespace DataVault.Core.Rehashing;

/// <summary>One step of a <see cref="RehashPlan"/>.</summary>
/// <param name="Number">Its position, from 1.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Table">The vault table it reads (<c>vault</c> for <see cref="RehashStepKind.Swap"/> and <see cref="RehashStepKind.Cleanup"/>).</param>
/// <param name="Description">What it does, in words, with the tables it writes.</param>
public sealed record RehashStep(int Number, RehashStepKind Kind, string Table, string Description)
{
    /// <summary>The step's name in the rehash log, e.g. <c>MapHubKeys:hub_customer</c>.</summary>
    public string Id => $"{Kind}:{Table}";

    /// <inheritdoc />
    public override string ToString() => $"{Number}. {Description}";
}

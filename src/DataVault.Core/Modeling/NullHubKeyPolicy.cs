namespace DataVault.Core.Modeling;

/// <summary>
/// What a link does with a source row in which one of its hubs' keys is NULL or blank (and another is not)
/// (<see cref="LinkBuilder.OnNullHubKey"/>). A row whose every key part is empty feeds no link whatever the policy.
/// </summary>
public enum NullHubKeyPolicy
{
    /// <summary>The empty reference is the hub's zero key, which the ghost record holds (default; the seed's and datavault4dbt's behaviour).</summary>
    ZeroKey,

    /// <summary>The row feeds no row of this link (AutomateDV's behaviour); the hubs and satellites it feeds still load.</summary>
    Skip,

    /// <summary>The row is bad, named by the empty key's column: the batch is rejected, or the row quarantined (<see cref="Loading.BadRowHandling"/>).</summary>
    Reject,
}

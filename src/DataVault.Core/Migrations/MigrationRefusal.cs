using DataVault.Core.Drift;

namespace DataVault.Core.Migrations;

/// <summary>A difference a migration does not resolve, and why; a plan with any refusal is not applied.</summary>
/// <param name="Difference">The difference.</param>
/// <param name="Reason">Why it is refused and what to do instead.</param>
public sealed record MigrationRefusal(DriftDifference Difference, string Reason)
{
    /// <summary>One line: the difference, then the reason.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Difference}: {Reason}";
}

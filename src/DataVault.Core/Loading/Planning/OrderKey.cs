using DataVault.Core.Loading.Stages;

namespace DataVault.Core.Loading.Planning;

/// <summary>
/// An order value with its tie-break (<see cref="SourceMapping.OrderBy(string, string)"/>): compared by the order value,
/// then by the tie-break, each as <see cref="SatelliteStage.CompareValues"/> compares order values.
/// </summary>
/// <param name="Primary">The order column's value.</param>
/// <param name="TieBreak">The tie-break column's value.</param>
internal sealed record OrderKey(object Primary, object TieBreak) : IComparable
{
    /// <inheritdoc />
    public int CompareTo(object? obj)
    {
        if (obj is not OrderKey other)
        {
            return 1;
        }

        var byPrimary = SatelliteStage.CompareValues(Primary, other.Primary);
        return byPrimary != 0 ? byPrimary : SatelliteStage.CompareValues(TieBreak, other.TieBreak);
    }
}

namespace DataVault.Core.Loading;

/// <summary>
/// A satellite a source was not loaded into although it has the parent key and some attributes: the columns it lacks
/// (<see cref="PartialSatelliteHandling"/>).
/// </summary>
/// <param name="Source">The source's name.</param>
/// <param name="Satellite">The satellite's table.</param>
/// <param name="MissingColumns">The attributes the source lacks, in declared order.</param>
/// <param name="PresentColumns">The attributes the source has, in declared order.</param>
public sealed record SkippedSatellite(string Source, string Satellite, IReadOnlyList<string> MissingColumns, IReadOnlyList<string> PresentColumns)
{
    /// <summary>One line: <c>customers.csv: sat_customer_details not loaded, the source lacks credit_limit (has name, birth_date)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => LoadMessages.PartialSatellite(Source, Satellite, MissingColumns, PresentColumns);
}

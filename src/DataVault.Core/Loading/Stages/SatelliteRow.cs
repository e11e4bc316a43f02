namespace DataVault.Core.Loading.Stages;

/// <summary>
/// The layout of a staged satellite row — the order in which <see cref="Planning.StageSet"/> declares the satellite's
/// staging columns: named ordinals instead of bare indexes.
/// </summary>
internal static class SatelliteRow
{
    /// <summary>The parent's hash key.</summary>
    public const int ParentHashKey = 0;

    /// <summary>The load date (for ordered sources: the load date plus the version's number in microseconds).</summary>
    public const int LoadDate = 1;

    /// <summary>The hash diff.</summary>
    public const int HashDiff = 2;

    /// <summary>The record source.</summary>
    public const int RecordSource = 3;

    /// <summary>The first attribute; the attributes follow in the satellite's order, then the source row (<see cref="TargetStage.SourceRowColumn"/>).</summary>
    public const int FirstAttribute = 4;

    /// <summary>A staged row.</summary>
    public static object?[] Create(object key, DateTime loadDate, object diff, string recordSource, object?[] attributes, long sourceRow)
    {
        var row = new object?[FirstAttribute + attributes.Length + 1];
        row[ParentHashKey] = key;
        row[LoadDate] = loadDate;
        row[HashDiff] = diff;
        row[RecordSource] = recordSource;
        attributes.CopyTo(row, FirstAttribute);
        row[^1] = sourceRow;
        return row;
    }
}

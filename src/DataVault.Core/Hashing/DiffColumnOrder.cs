namespace DataVault.Core.Hashing;

/// <summary>The order in which a satellite's attributes enter its hash diff.</summary>
public enum DiffColumnOrder
{
    /// <summary>The order in which the attributes are declared.</summary>
    Declared = 0,

    /// <summary>Sorted by column name, ordinal and case-insensitive (AutomateDV's rule).</summary>
    SortedByName = 1,
}

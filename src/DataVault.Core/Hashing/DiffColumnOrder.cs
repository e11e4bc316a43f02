namespace DataVault.Core.Hashing;

/// <summary>The order in which a satellite's attributes enter its hash diff.</summary>
public enum DiffColumnOrder
{
    /// <summary>The order in which the attributes are declared.</summary>
    Declared = 0,

    /// <summary>Sorted by the lower-cased column name, ordinally and stably: Jinja's <c>|sort</c>, as AutomateDV sorts hash-diff columns.</summary>
    SortedByName = 1,
}

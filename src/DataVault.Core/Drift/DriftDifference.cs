namespace DataVault.Core.Drift;

/// <summary>One difference between the model and the live database.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column.</param>
/// <param name="Kind">What differs.</param>
/// <param name="Expected">What the model declares (e.g. <c>VARCHAR(100) NULL</c>), or <see langword="null"/> when it declares nothing.</param>
/// <param name="Actual">What the database has (e.g. <c>NOT NULL</c>), or <see langword="null"/> when it has nothing.</param>
public sealed record DriftDifference(string Table, string Column, DriftKind Kind, string? Expected, string? Actual)
{
    /// <summary>One line for a report: <c>table t: column c is missing (the model declares VARCHAR(100) NULL)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        DriftKind.MissingColumn => $"table {Table}: column {Column} is missing (the model declares {Expected})",
        DriftKind.UnexpectedColumn => $"table {Table}: column {Column} is not in the model",
        DriftKind.NullabilityDiffers or DriftKind.TypeDiffers => $"table {Table}: column {Column} is {Actual} in the database, {Expected} in the model",
        DriftKind.PrimaryKeyDiffers => $"table {Table}: the primary key is {Actual} in the database, {Expected} in the model",
        DriftKind.ViewDiffers => $"view {Table}: its columns are {Actual} in the database, {Expected} in the model",
        DriftKind.MissingForeignKey => $"table {Table}: the foreign key {Column} -> {Expected} is missing",
        DriftKind.MissingIndex => $"table {Table}: index {Column} {Expected} is missing",
        DriftKind.IndexDiffers => $"table {Table}: index {Column} covers {Actual} in the database, {Expected} in the model",
        _ => $"table {Table}: column {Column}: {Kind}",
    };
}

namespace DataVault.Core.Loading;

/// <summary>The current source row as typed values, for <see cref="SourceMapping.Derive"/>.</summary>
public sealed class SourceRow
{
    private readonly Func<string, object?> _lookup;

    internal SourceRow(Func<string, object?> lookup) => _lookup = lookup;

    /// <summary>
    /// The value of a column, parsed into the model type of the column of the same name (text for columns the model does
    /// not know), or <see langword="null"/> for NULL.
    /// </summary>
    /// <param name="column">A source column (after renames) or a derived column declared before this one.</param>
    /// <exception cref="KeyNotFoundException">The source has no such column.</exception>
    public object? this[string column] => _lookup(column);
}

namespace DataVault.Core.Loading.Planning;

/// <summary>
/// Finds source columns by model column name: case-insensitive, ignoring underscores and spaces (so a property
/// <c>CustomerId</c> matches <c>customer_id</c>), after the mapping's renames. Duplicate headers are an error.
/// </summary>
internal sealed class SourceColumns
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly SourceMapping _mapping;

    public SourceColumns(LoadSource source, IReadOnlyList<string> columns)
    {
        _mapping = source.Mapping;
        Names = [.. columns, .. source.Mapping.DerivedColumns.Select(d => d.Name)];
        for (var i = 0; i < Names.Count; i++)
        {
            var key = Normalize(Names[i]);
            if (key.Length == 0)
            {
                throw new DataVaultLoadException(source.Name, 1, Names[i], LoadMessages.EmptyColumnName(source.Name, i + 1));
            }

            if (!_ordinals.TryAdd(key, i))
            {
                throw new DataVaultLoadException(source.Name, 1, Names[i], LoadMessages.DuplicateColumn(source.Name, Names[i], _ordinals[key] + 1, i + 1));
            }
        }

        SourceCount = columns.Count;
    }

    /// <summary>Source columns, then derived columns.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many of <see cref="Names"/> come from the source itself.</summary>
    public int SourceCount { get; }

    /// <summary>The ordinal of a model column, or -1.</summary>
    public int Find(string modelColumn)
    {
        var name = _mapping.Renames.TryGetValue(modelColumn, out var renamed) ? renamed : modelColumn;
        return _ordinals.TryGetValue(Normalize(name), out var ordinal) ? ordinal : -1;
    }

    /// <summary>The ordinal of a source column by its own name (no renames), or -1.</summary>
    public int FindSourceColumn(string column) => _ordinals.TryGetValue(Normalize(column), out var ordinal) ? ordinal : -1;

    private static string Normalize(string name) =>
        string.Concat(name.Where(c => c != '_' && !char.IsWhiteSpace(c))).ToUpperInvariant();
}

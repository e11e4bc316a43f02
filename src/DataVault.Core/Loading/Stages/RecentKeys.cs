namespace DataVault.Core.Loading.Stages;

/// <summary>
/// A bounded memory of recently staged keys (and their hash diffs and source rows, for satellites): repeats are dropped
/// before staging and conflicting repeats are caught with both rows named. When full it forgets everything and notes
/// that it did, so the loader then asks the database for the conflicts it may have missed.
/// </summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly Dictionary<object, (object? Diff, long SourceRow)> _seen = new(Math.Min(capacity, 4096), StagedValueComparer.Instance);

    /// <summary>Whether entries were forgotten, so the memory is no longer complete for the batch.</summary>
    public bool Forgot { get; private set; }

    /// <summary>
    /// Remembers a key. Returns <see langword="true"/> if it is new (stage it); <see langword="false"/> if it was seen —
    /// then <paramref name="previous"/> holds the diff and source row seen first.
    /// </summary>
    public bool Add(object key, object? diff, long sourceRow, out (object? Diff, long SourceRow) previous)
    {
        if (capacity == 0)
        {
            Forgot = true;
            previous = default;
            return true;
        }

        if (_seen.TryGetValue(key, out previous))
        {
            return false;
        }

        if (_seen.Count >= capacity)
        {
            _seen.Clear();
            Forgot = true;
        }

        _seen.Add(key, (diff, sourceRow));
        return true;
    }

    /// <summary>Replaces what is remembered of a key that was seen (a hub or link row dated earlier than the first).</summary>
    public void Replace(object key, object? diff, long sourceRow)
    {
        if (capacity > 0)
        {
            _seen[key] = (diff, sourceRow);
        }
    }
}

namespace DataVault.Core.Loading.Stages;

/// <summary>
/// The identity of a multi-active satellite's row in a batch — its parent's hash key and its multi-active key values —
/// by which <see cref="RecentKeys"/> drops repeated rows and catches two different rows of one set member.
/// </summary>
internal sealed class MultiActiveRowKey(object key, object?[] values) : IEquatable<MultiActiveRowKey>
{
    /// <summary>The parent's hash key.</summary>
    public object Key { get; } = key;

    /// <summary>The multi-active key's values, in the satellite's order.</summary>
    public object?[] Values { get; } = values;

    /// <inheritdoc />
    public bool Equals(MultiActiveRowKey? other)
    {
        if (other is null || !StagedValueComparer.Instance.Equals(Key, other.Key) || Values.Length != other.Values.Length)
        {
            return false;
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (!Equals(Values[i], other.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MultiActiveRowKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(StagedValueComparer.Instance.GetHashCode(Key));
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}

namespace DataVault.Core.Loading.Stages;

/// <summary>Equality of staged hash values: strings and GUIDs by value, byte arrays by content.</summary>
internal sealed class StagedValueComparer : IEqualityComparer<object>
{
    public static StagedValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => (x, y) switch
    {
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        _ => object.Equals(x, y),
    };

    public int GetHashCode(object obj)
    {
        if (obj is byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }

        return obj.GetHashCode();
    }
}

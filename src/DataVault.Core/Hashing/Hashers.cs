using System.Collections.Concurrent;

namespace DataVault.Core.Hashing;

/// <summary>One shared <see cref="DataVaultHasher"/> per hashing standard (standards are values, hashers are immutable).</summary>
public static class Hashers
{
    private static readonly ConcurrentDictionary<HashingStandard, DataVaultHasher> Cache = new();

    /// <summary>The shared hasher of <paramref name="standard"/>, created and validated on first use.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The hasher.</returns>
    public static DataVaultHasher For(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return Cache.GetOrAdd(standard, static s => new DataVaultHasher(s));
    }
}

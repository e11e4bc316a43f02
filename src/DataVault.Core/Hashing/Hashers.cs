using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DataVault.Core.Hashing;

/// <summary>One shared <see cref="DataVaultHasher"/> per hashing standard (standards are values, hashers are immutable).</summary>
public static class Hashers
{
    private static readonly ConcurrentDictionary<HashingStandard, DataVaultHasher> Cache = new();

    // Looked up first, by reference: comparing a standard by value (a record with many members) costs more than
    // hashing a short key, and a model hands the same standard instance to every call.
    private static readonly ConditionalWeakTable<HashingStandard, DataVaultHasher> ByReference = new();

    /// <summary>The shared hasher of <paramref name="standard"/>, created and validated on first use.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The hasher.</returns>
    public static DataVaultHasher For(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (ByReference.TryGetValue(standard, out var hasher))
        {
            return hasher;
        }

        hasher = Cache.GetOrAdd(standard, static s => new DataVaultHasher(s));
        ByReference.AddOrUpdate(standard, hasher);
        return hasher;
    }
}

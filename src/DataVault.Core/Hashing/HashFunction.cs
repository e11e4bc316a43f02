using System.IO.Hashing;
using System.Security.Cryptography;

namespace DataVault.Core.Hashing;

/// <summary>Computes the digest of a <see cref="HashAlgorithmKind"/> over bytes: the one place that knows the functions.</summary>
internal static class HashFunction
{
    /// <summary>
    /// Inputs up to this length use the managed <see cref="Md5"/>; longer ones the platform's, whose per-call
    /// cost no longer matters and whose block function is faster.
    /// </summary>
    internal const int ManagedMd5MaxLength = 1024;

    public static int GetLengthInBytes(HashAlgorithmKind algorithm) => algorithm switch
    {
        HashAlgorithmKind.Md5 => Md5.HashSizeInBytes,
        HashAlgorithmKind.Sha1 => SHA1.HashSizeInBytes,
        HashAlgorithmKind.Sha256 => SHA256.HashSizeInBytes,
        HashAlgorithmKind.XxHash128 => 16,
        _ => throw UnknownAlgorithm(algorithm),
    };

    /// <summary>Writes the digest of <paramref name="source"/>; <paramref name="destination"/> holds exactly the digest length.</summary>
#pragma warning disable CA5350, CA5351 // Hash keys identify rows; they are not a security boundary. MD5 and SHA-1 are what warehouses compute.
    public static void Hash(HashAlgorithmKind algorithm, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        switch (algorithm)
        {
            case HashAlgorithmKind.Md5 when source.Length <= ManagedMd5MaxLength:
                Md5.HashData(source, destination);
                break;
            case HashAlgorithmKind.Md5:
                MD5.HashData(source, destination);
                break;
            case HashAlgorithmKind.Sha1:
                SHA1.HashData(source, destination);
                break;
            case HashAlgorithmKind.Sha256:
                SHA256.HashData(source, destination);
                break;
            case HashAlgorithmKind.XxHash128:
                XxHash128.Hash(source, destination);
                break;
            default:
                throw UnknownAlgorithm(algorithm);
        }
    }
#pragma warning restore CA5350, CA5351

    internal static NotSupportedException UnknownAlgorithm(HashAlgorithmKind algorithm) =>
        new($"Hash algorithm {(int)algorithm} is not supported; use one of {string.Join(", ", Enum.GetNames<HashAlgorithmKind>())}.");
}

using BenchmarkDotNet.Attributes;
using DataVault.Core.Hashing;

namespace DataVault.Benchmarks;

/// <summary>Hash keys through the public API, per algorithm: hex into a caller's <see cref="Span{T}"/> and raw bytes.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class HashKeyBenchmarks
{
    private readonly char[] _hex = new char[2 * DataVaultHasher.MaxHashLengthInBytes];
    private readonly byte[] _digest = new byte[DataVaultHasher.MaxHashLengthInBytes];
    private DataVaultHasher _hasher = DataVaultHasher.Default;

    /// <summary>The hash function.</summary>
    [Params(HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256, HashAlgorithmKind.XxHash128)]
    public HashAlgorithmKind Algorithm { get; set; }

    /// <summary>Builds the hasher and checks the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Inputs.CheckAgreement();
        _hasher = Inputs.Hasher(Algorithm);
    }

    /// <summary>"CUST000123" → hex.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int Key10Hex() => _hasher.FormatHashKey(Inputs.Key10, _hex);

    /// <summary>"CUST000123" → raw digest.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int Key10Bytes() => _hasher.ComputeHashKey(Inputs.Key10, _digest);

    /// <summary>5 parts, 55 bytes of input → hex.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int Composite5Hex() => _hasher.FormatHashKey(Inputs.Composite5, _hex);

    /// <summary>5 parts, 55 bytes of input → raw digest.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int Composite5Bytes() => _hasher.ComputeHashKey(Inputs.Composite5, _digest);
}

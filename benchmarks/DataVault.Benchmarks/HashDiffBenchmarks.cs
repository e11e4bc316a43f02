using BenchmarkDotNet.Attributes;
using DataVault.Core.Hashing;

namespace DataVault.Benchmarks;

/// <summary>The hash diff of a 12-attribute row with mixed types through the typed <see cref="HashRowWriter"/>, per algorithm.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class HashDiffBenchmarks
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

    /// <summary>12 typed attributes → hex.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int Diff12Hex()
    {
        var row = _hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        try
        {
            Inputs.AppendRow(ref row, Inputs.Row);
            return row.FormatHash(_hex);
        }
        finally
        {
            row.Dispose();
        }
    }

    /// <summary>12 typed attributes → raw digest.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int Diff12Bytes()
    {
        var row = _hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        try
        {
            Inputs.AppendRow(ref row, Inputs.Row);
            return row.ComputeHash(_digest);
        }
        finally
        {
            row.Dispose();
        }
    }
}

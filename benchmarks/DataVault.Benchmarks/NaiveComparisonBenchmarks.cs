using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DataVault.Core.Hashing;

namespace DataVault.Benchmarks;

/// <summary>
/// MD5, hex: the naive code a user writes (the baseline of each group), the library's standardisation followed by the
/// platform's span MD5, and the library. All three produce the same hash (checked in the setup).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NaiveComparisonBenchmarks
{
    private readonly char[] _hex = new char[2 * DataVaultHasher.MaxHashLengthInBytes];
    private readonly DataVaultHasher _hasher = DataVaultHasher.Default;

    /// <summary>Checks that the three paths agree.</summary>
    [GlobalSetup]
    public void Setup() => Inputs.CheckAgreement();

    /// <summary>Naive: join, upper, UTF-8, MD5, hex string.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Key10")]
    public string Key10Naive() => Inputs.NaiveHashKey(Inputs.Key10);

    /// <summary>Library standardisation, then <c>MD5.HashData(span, span)</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Key10")]
    [ZeroAllocation]
    public int Key10PlatformMd5Span() => Inputs.PlatformMd5HashKey(_hasher, Inputs.Key10, _hex);

    /// <summary>The library (managed MD5), hex into a span.</summary>
    [Benchmark]
    [BenchmarkCategory("Key10")]
    [ZeroAllocation]
    public int Key10DataVault() => _hasher.FormatHashKey(Inputs.Key10, _hex);

    /// <summary>Naive, 5-part key.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Composite5")]
    public string Composite5Naive() => Inputs.NaiveHashKey(Inputs.Composite5);

    /// <summary>Library standardisation + platform span MD5, 5-part key.</summary>
    [Benchmark]
    [BenchmarkCategory("Composite5")]
    [ZeroAllocation]
    public int Composite5PlatformMd5Span() => Inputs.PlatformMd5HashKey(_hasher, Inputs.Composite5, _hex);

    /// <summary>The library, 5-part key.</summary>
    [Benchmark]
    [BenchmarkCategory("Composite5")]
    [ZeroAllocation]
    public int Composite5DataVault() => _hasher.FormatHashKey(Inputs.Composite5, _hex);

    /// <summary>Naive, 12-attribute diff (each value formatted by hand).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Diff12")]
    public string Diff12Naive() => Inputs.NaiveHashDiff(Inputs.Row);

    /// <summary>Typed writer + platform span MD5, 12-attribute diff.</summary>
    [Benchmark]
    [BenchmarkCategory("Diff12")]
    [ZeroAllocation]
    public int Diff12PlatformMd5Span() => Inputs.PlatformMd5HashDiff(_hasher, Inputs.Row, _hex);

    /// <summary>The library's typed writer, 12-attribute diff.</summary>
    [Benchmark]
    [BenchmarkCategory("Diff12")]
    [ZeroAllocation]
    public int Diff12DataVault()
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
}

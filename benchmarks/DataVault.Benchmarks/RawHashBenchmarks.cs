using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DataVault.Core.Hashing;

namespace DataVault.Benchmarks;

/// <summary>
/// The limit: the raw digest of a 16-byte and a 64-byte message, no standardisation, no hex — the in-process
/// counterpart of <c>openssl speed -bytes 16 md5</c> and <c>-bytes 64</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class RawHashBenchmarks
{
    private readonly byte[] _digest = new byte[DataVaultHasher.MaxHashLengthInBytes];
    private byte[] _message = [];

    /// <summary>The message length in bytes.</summary>
    [Params(16, 64)]
    public int Bytes { get; set; }

    /// <summary>Fills the message.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _message = new byte[Bytes];
        for (var i = 0; i < _message.Length; i++)
        {
            _message[i] = (byte)('A' + (i % 26));
        }
    }

    /// <summary>The library's managed MD5 (internal).</summary>
    [Benchmark(Baseline = true)]
    [ZeroAllocation]
    public byte ManagedMd5()
    {
        Md5.HashData(_message, _digest);
        return _digest[0];
    }

#pragma warning disable CA5350, CA5351 // Measured, not used for security.

    /// <summary>The platform's one-shot span MD5 (OpenSSL on Linux).</summary>
    [Benchmark]
    [ZeroAllocation]
    public int PlatformMd5() => MD5.HashData(_message, _digest);

    /// <summary>The platform's one-shot span SHA-1.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int PlatformSha1() => SHA1.HashData(_message, _digest);
#pragma warning restore CA5350, CA5351

    /// <summary>The platform's one-shot span SHA-256.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int PlatformSha256() => SHA256.HashData(_message, _digest);

    /// <summary>System.IO.Hashing's XXH3 128-bit.</summary>
    [Benchmark]
    [ZeroAllocation]
    public int XxHash128() => System.IO.Hashing.XxHash128.Hash(_message, _digest);
}

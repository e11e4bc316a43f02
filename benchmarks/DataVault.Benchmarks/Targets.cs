using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DataVault.Core.Hashing;

namespace DataVault.Benchmarks;

/// <summary>
/// <c>targets</c>: checks the performance targets of the hashing engine in one run. Runs <c>openssl speed</c> for the
/// single-block MD5 limit, then measures keys per second on one thread with a Stopwatch loop (warm-up first), and
/// prints PASS/FAIL. Returns 1 if any target fails or cannot be measured.
/// </summary>
internal static partial class Targets
{
    private const int Batch = 1_000;
    private const int Rounds = 5;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(1);

    private static int _sink;

    private interface IOperation
    {
        int Invoke();
    }

    public static int Run(string[] args)
    {
        var opensslSeconds = 3;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--openssl-seconds")
            {
                opensslSeconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        Inputs.CheckAgreement();
        PrintEnvironment();

        Console.WriteLine($"Running openssl speed -seconds {opensslSeconds} -bytes 16 md5 and -bytes 64 ...");
        var openssl16 = OpenSslMd5(16, opensslSeconds);
        var openssl64 = OpenSslMd5(64, opensslSeconds);

        var hex = new char[2 * DataVaultHasher.MaxHashLengthInBytes];
        var digest = new byte[DataVaultHasher.MaxHashLengthInBytes];
        var message16 = "CUST000123ABCDEF"u8.ToArray();
        var md5 = DataVaultHasher.Default;
        var xx = Inputs.Hasher(HashAlgorithmKind.XxHash128);

        Console.WriteLine($"Measuring on one thread: {Warmup.TotalSeconds:0} s warm-up, then {Rounds} rounds of {Round.TotalSeconds:0} s; the median round is reported.");
        var md5Hex = Measure("DataVault MD5, 10-char key, hex into Span<char>", new KeyHex(md5, Inputs.Key10, hex));
        var md5Bytes = Measure("DataVault MD5, 10-char key, raw bytes", new KeyBytes(md5, Inputs.Key10, digest));
        var naive = Measure("Naive MD5 (Join + ToUpperInvariant + GetBytes + MD5.HashData + ToHexString)", new Naive(Inputs.Key10));
        var platform = Measure("Standardise + platform MD5.HashData(span, span), hex", new PlatformSpan(md5, Inputs.Key10, hex));
        var xxHex = Measure("DataVault xxHash128, 10-char key, hex into Span<char>", new KeyHex(xx, Inputs.Key10, hex));
        var xxBytes = Measure("DataVault xxHash128, 10-char key, raw bytes", new KeyBytes(xx, Inputs.Key10, digest));
        var composite = Measure("DataVault MD5, 5-part 55-byte key, hex", new KeyHex(md5, Inputs.Composite5, hex));
        var managedRaw = Measure("Managed Md5.HashData, 16-byte message (in-process limit)", new ManagedMd5Raw(message16, digest));
        var platformRaw = Measure("Platform MD5.HashData(span, span), 16-byte message", new PlatformMd5Raw(message16, digest));

        Console.WriteLine();
        Console.WriteLine("| Measurement | keys/s | ns/key | bytes allocated/key |");
        Console.WriteLine("|---|---:|---:|---:|");
        if (openssl16 is { } o16)
        {
            Console.WriteLine($"| openssl speed -bytes 16 md5 ({o16.Kilobytes:0.00}k) | {M(o16.HashesPerSecond)} | {1e9 / o16.HashesPerSecond:0.0} | – |");
        }

        if (openssl64 is { } o64)
        {
            Console.WriteLine($"| openssl speed -bytes 64 md5 ({o64.Kilobytes:0.00}k) | {M(o64.HashesPerSecond)} | {1e9 / o64.HashesPerSecond:0.0} | – |");
        }

        foreach (var m in new[] { md5Hex, md5Bytes, naive, platform, xxHex, xxBytes, composite, managedRaw, platformRaw })
        {
            Console.WriteLine($"| {m.Name} | {M(m.KeysPerSecond)} | {1e9 / m.KeysPerSecond:0.0} | {m.BytesPerKey:0.#} |");
        }

        var results = new List<(string Target, string Measured, string Required, bool? Pass)>
        {
            ("MD5 10-char hex key allocates nothing", $"{md5Hex.BytesPerKey:0.###} B/key", "0 B/key", md5Hex.AllocatedBytes == 0),
            ("MD5 10-char raw key allocates nothing", $"{md5Bytes.BytesPerKey:0.###} B/key", "0 B/key", md5Bytes.AllocatedBytes == 0),
            ("xxHash128 10-char hex key allocates nothing", $"{xxHex.BytesPerKey:0.###} B/key", "0 B/key", xxHex.AllocatedBytes == 0),
            openssl16 is { } limit
                ? ("MD5 10-char hex key ≥ 75 % of openssl -bytes 16", $"{M(md5Hex.KeysPerSecond)} keys/s = {100 * md5Hex.KeysPerSecond / limit.HashesPerSecond:0} %", $"≥ {M(0.75 * limit.HashesPerSecond)} keys/s", md5Hex.KeysPerSecond >= 0.75 * limit.HashesPerSecond)
                : ("MD5 10-char hex key ≥ 75 % of openssl -bytes 16", "openssl not measured", "–", null),
            ("MD5 10-char hex key ≥ 2.5 × naive", $"{md5Hex.KeysPerSecond / naive.KeysPerSecond:0.00} ×", "≥ 2.50 ×", md5Hex.KeysPerSecond >= 2.5 * naive.KeysPerSecond),
            ("xxHash128 10-char hex key ≥ 20 M keys/s", $"{M(xxHex.KeysPerSecond)} keys/s", "≥ 20.00 M keys/s", xxHex.KeysPerSecond >= 20e6),
        };

        Console.WriteLine();
        Console.WriteLine("| Target | Measured | Required | Verdict |");
        Console.WriteLine("|---|---:|---:|:---:|");
        foreach (var (target, measured, required, pass) in results)
        {
            Console.WriteLine($"| {target} | {measured} | {required} | {(pass switch { true => "PASS", false => "FAIL", null => "NOT MEASURED" })} |");
        }

        var failed = results.Count(r => r.Pass != true);
        Console.WriteLine();
        Console.WriteLine(failed == 0 ? "All targets met." : $"{failed} target(s) not met.");
        GC.KeepAlive(_sink);
        return failed == 0 ? 0 : 1;
    }

    private static string M(double perSecond) => (perSecond / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M";

    private static void PrintEnvironment()
    {
        var cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        Console.WriteLine($"CPU: {cpu}; logical processors: {Environment.ProcessorCount}");
        Console.WriteLine($"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Console.WriteLine($"Runtime: {RuntimeInformation.FrameworkDescription}; server GC: {System.Runtime.GCSettings.IsServerGC}; tiered PGO on by default");
        Console.WriteLine($"openssl: {RunProcess("openssl", "version")?.Trim() ?? "not found"}");
        Console.WriteLine();
    }

    /// <summary>Runs <c>openssl speed -seconds N -bytes B md5</c>; its figures are in 1000s of bytes per second.</summary>
    private static OpenSslResult? OpenSslMd5(int bytes, int seconds)
    {
        var output = RunProcess("openssl", string.Create(CultureInfo.InvariantCulture, $"speed -seconds {seconds} -bytes {bytes} md5"));
        if (output is null)
        {
            Console.WriteLine("openssl could not be run.");
            return null;
        }

        foreach (var line in output.Split('\n'))
        {
            var match = OpenSslLine().Match(line.Trim());
            if (match.Success)
            {
                var kilobytes = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                Console.WriteLine($"  {line.Trim()}  →  {kilobytes * 1000 / bytes / 1e6:0.00} M hashes/s of {bytes} bytes");
                return new OpenSslResult(kilobytes, kilobytes * 1000 / bytes);
            }
        }

        Console.WriteLine($"Could not parse the output of openssl speed:{Environment.NewLine}{output}");
        return null;
    }

    private static string? RunProcess(string fileName, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = stderr.GetAwaiter().GetResult();
            return process.ExitCode == 0 ? stdout : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static Measurement Measure<T>(string name, T operation)
        where T : struct, IOperation
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Warmup)
        {
            _sink += RunBatch(ref operation);
        }

        var rates = new double[Rounds];
        long allocated = 0;
        long total = 0;
        for (var r = 0; r < Rounds; r++)
        {
            long count = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            stopwatch.Restart();
            while (stopwatch.Elapsed < Round)
            {
                _sink += RunBatch(ref operation);
                count += Batch;
            }

            stopwatch.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            total += count;
            rates[r] = count / stopwatch.Elapsed.TotalSeconds;
        }

        Array.Sort(rates);
        var result = new Measurement(name, rates[Rounds / 2], allocated, (double)allocated / total);
        var spread = (rates[^1] - rates[0]) / rates[Rounds / 2];
        Console.WriteLine($"  {name}: {M(result.KeysPerSecond)} keys/s (rounds {M(rates[0])} … {M(rates[^1])}), {result.BytesPerKey:0.###} B/key{(spread > 0.15 ? $"  ← rounds differ by {spread:P0}: the machine was busy, re-run" : string.Empty)}");
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBatch<T>(ref T operation)
        where T : struct, IOperation
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += operation.Invoke();
        }

        return sum;
    }

    [GeneratedRegex(@"^md5\s+([0-9.]+)k$")]
    private static partial Regex OpenSslLine();

    private readonly record struct OpenSslResult(double Kilobytes, double HashesPerSecond);

    private sealed record Measurement(string Name, double KeysPerSecond, long AllocatedBytes, double BytesPerKey);

    private readonly struct KeyHex(DataVaultHasher hasher, string?[] parts, char[] destination) : IOperation
    {
        public int Invoke() => hasher.FormatHashKey(parts, destination);
    }

    private readonly struct KeyBytes(DataVaultHasher hasher, string?[] parts, byte[] destination) : IOperation
    {
        public int Invoke() => hasher.ComputeHashKey(parts, destination);
    }

    private readonly struct Naive(string?[] parts) : IOperation
    {
        public int Invoke() => Inputs.NaiveHashKey(parts).Length;
    }

    private readonly struct PlatformSpan(DataVaultHasher hasher, string?[] parts, char[] destination) : IOperation
    {
        public int Invoke() => Inputs.PlatformMd5HashKey(hasher, parts, destination);
    }

    private readonly struct ManagedMd5Raw(byte[] message, byte[] destination) : IOperation
    {
        public int Invoke()
        {
            Md5.HashData(message, destination.AsSpan(0, 16));
            return destination[0];
        }
    }

    private readonly struct PlatformMd5Raw(byte[] message, byte[] destination) : IOperation
    {
#pragma warning disable CA5351 // Measured, not used for security.
        public int Invoke() => MD5.HashData(message, destination);
#pragma warning restore CA5351
    }
}

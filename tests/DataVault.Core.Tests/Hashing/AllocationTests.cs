using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The span API allocates nothing once warmed up. Each case runs its operation 1,000 times between two readings of
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> (which counts only this thread, so tests running in parallel do
/// not disturb it); pooled arrays are allowed, since after warm-up renting and returning them allocates nothing.
/// Each run also checks its result, so an operation that silently did nothing could not pass.
/// </summary>
public class AllocationTests
{
    private const int Iterations = 1_000;
    private const int WarmUpIterations = 200;

    private static readonly Guid SampleGuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static TheoryData<HashAlgorithmKind> Algorithms => new()
    {
        HashAlgorithmKind.Md5,
        HashAlgorithmKind.Sha1,
        HashAlgorithmKind.Sha256,
        HashAlgorithmKind.XxHash128,
    };

    [Fact]
    public void ComputeHashKey_of_one_part_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var expected = hasher.HashKeyBytes("CUST0001")!;
        var digest = new byte[16];
        AssertAllocatesNothing(() =>
        {
            var written = hasher.ComputeHashKey(["CUST0001"], digest);
            return written == 16 && digest.AsSpan().SequenceEqual(expected);
        });
    }

    [Fact]
    public void ComputeHashKey_of_a_five_part_composite_key_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        string? a = "DE", b = " 4711 ", c = null, d = "ORDER-2024-0001", e = "x|y";
        var expected = hasher.HashKeyBytes(a, b, c, d, e)!;
        var digest = new byte[16];
        AssertAllocatesNothing(() =>
        {
            ReadOnlySpan<string?> parts = [a, b, c, d, e];
            var written = hasher.ComputeHashKey(parts, digest);
            return written == 16 && digest.AsSpan().SequenceEqual(expected);
        });
    }

    [Fact]
    public void FormatHashKey_into_a_stack_buffer_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var expected = hasher.HashKeyHex("CUST0001", "2024")!;
        AssertAllocatesNothing(() =>
        {
            Span<char> hex = stackalloc char[32];
            var written = hasher.FormatHashKey(["CUST0001", "2024"], hex);
            return written == 32 && hex.SequenceEqual(expected);
        });
    }

    [Fact]
    public void FormatHashKeyUtf8_and_TryFormatHashKey_allocate_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var expected = hasher.HashKeyHex("CUST0001")!;
        AssertAllocatesNothing(() =>
        {
            Span<byte> utf8 = stackalloc byte[32];
            Span<char> chars = stackalloc char[32];
            var utf8Written = hasher.FormatHashKeyUtf8(["CUST0001"], utf8);
            var ok = hasher.TryFormatHashKey(["CUST0001"], chars, out var charsWritten);
            return ok && utf8Written == 32 && charsWritten == 32 && chars.SequenceEqual(expected) && utf8[31] == (byte)expected[31];
        });
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Typed_twelve_attribute_diff_allocates_nothing(HashAlgorithmKind algorithm)
    {
        var hasher = algorithm == HashAlgorithmKind.Md5
            ? DataVaultHasher.Default
            : new DataVaultHasher(HashingStandards.Default with { Id = "test-alloc-" + algorithm.ToString().ToLowerInvariant() + "-v1", Algorithm = algorithm });
        var length = hasher.HashLengthInBytes;
        var expected = new byte[length];
        TypedDiff(hasher, expected).Should().Be(length);
        expected.Should().NotEqual(new byte[length]);
        var digest = new byte[length];

        AssertAllocatesNothing(() => TypedDiff(hasher, digest) == length && digest.AsSpan().SequenceEqual(expected));
    }

    [Fact]
    public void Typed_twelve_attribute_diff_formatted_as_hex_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var expected = new byte[16];
        TypedDiff(hasher, expected).Should().Be(16);
        var expectedHex = Convert.ToHexStringLower(expected);
        AssertAllocatesNothing(() =>
        {
            Span<char> hex = stackalloc char[32];
            return TypedDiff(hasher, default, hex) == 32 && hex.SequenceEqual(expectedHex);
        });
    }

    [Fact]
    public void Non_ASCII_key_on_the_general_path_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var expected = hasher.HashKeyBytes("Straße-Müller", "café|ı")!;
        var digest = new byte[16];
        AssertAllocatesNothing(() =>
        {
            var written = hasher.ComputeHashKey(["Straße-Müller", "café|ı"], digest);
            return written == 16 && digest.AsSpan().SequenceEqual(expected);
        });
    }

    [Fact]
    public void Long_2000_char_key_on_the_pooled_path_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var longKey = string.Concat(Enumerable.Repeat("cust0001", 250));
        longKey.Should().HaveLength(2000);
        var expected = hasher.HashKeyBytes(longKey)!;
        var digest = new byte[16];
        AssertAllocatesNothing(() =>
        {
            var written = hasher.ComputeHashKey([longKey], digest);
            return written == 16 && digest.AsSpan().SequenceEqual(expected);
        });
    }

    [Fact]
    public void Long_2000_char_non_ASCII_escaped_key_on_the_pooled_path_allocates_nothing()
    {
        var hasher = DataVaultHasher.Default;
        var longKey = string.Concat(Enumerable.Repeat("ä|ß^", 500));
        longKey.Should().HaveLength(2000);
        var expected = hasher.HashKeyBytes(longKey)!;
        var digest = new byte[16];
        AssertAllocatesNothing(() =>
        {
            var written = hasher.ComputeHashKey([longKey], digest);
            return written == 16 && digest.AsSpan().SequenceEqual(expected);
        });
    }

    [Fact]
    public void Measurement_detects_an_allocation()
    {
        // The harness itself must be able to fail: an operation that allocates is measured as allocating.
        var allocated = MeasureAllocatedBytes(() => new string('x', 8).Length == 8);
        allocated.Should().BeGreaterThan(0);
    }

    /// <summary>
    /// Hashes a typed 12-attribute diff (strings, decimals, date, time, timestamps, bool, guid, NULL, integer): as hex
    /// into <paramref name="hex"/> if it is not empty, else raw into <paramref name="digest"/>.
    /// </summary>
    private static int TypedDiff(DataVaultHasher hasher, Span<byte> digest, Span<char> hex = default)
    {
        using var row = hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        row.Append("Alice");
        row.Append("  Smith  ");
        row.Append(1234.5m, 12, 2);
        row.Append(-0.25m, 10, 4);
        row.Append(new DateOnly(1990, 5, 17));
        row.Append(new TimeOnly(13, 45, 30, 123));
        row.Append(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567));
        row.Append(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)));
        row.Append(true);
        row.Append(SampleGuid);
        row.Append((string?)null);
        row.Append(42L);
        if (row.PartCount != 12)
        {
            return -1;
        }

        return hex.IsEmpty ? row.ComputeHash(digest) : row.FormatHash(hex);
    }

    /// <summary>
    /// Warms the operation up, then measures <see cref="Iterations"/> runs. A real per-call allocation shows in every
    /// measurement, so the smallest of (at most) three is taken: that keeps a one-off runtime event (say, a pool
    /// trimmed by a garbage collection) from failing the test, without hiding any allocation the operation makes.
    /// </summary>
    private static void AssertAllocatesNothing(Func<bool> operation)
    {
        for (var i = 0; i < WarmUpIterations; i++)
        {
            operation().Should().BeTrue("the operation must produce the expected result");
        }

        var smallest = long.MaxValue;
        for (var attempt = 0; attempt < 3 && smallest > 0; attempt++)
        {
            smallest = Math.Min(smallest, MeasureAllocatedBytes(operation));
        }

        smallest.Should().Be(0, "the span path must not allocate after warm-up ({0} runs)", Iterations);
    }

    private static long MeasureAllocatedBytes(Func<bool> operation)
    {
        var ok = true;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            ok &= operation();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        ok.Should().BeTrue("every measured run must produce the expected result");
        return allocated;
    }
}

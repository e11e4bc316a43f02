using System.Globalization;
using System.Security.Cryptography;
using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The internal managed MD5 must be byte-equal to the platform's <see cref="MD5.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// Every input comes from a <see cref="Random"/> with a fixed seed, so a failure reproduces exactly; the assertion
/// message names the failing length (and the input, in hex, when it is short).
/// </summary>
public class ManagedMd5EquivalenceTests
{
    private const int MaxLength = 4096;
    private const int InputsPerLength = 4;
    private const int ShortInputCount = 1_000_000;
    private const int MaxShortLength = 120;

    [Fact]
    public void Managed_Md5_equals_platform_Md5_for_every_length_from_0_to_4096()
    {
        var random = new Random(20240601);
        var buffer = new byte[MaxLength];
        Span<byte> managed = stackalloc byte[16];
        Span<byte> platform = stackalloc byte[16];
        var failures = new List<string>();
        var compared = 0;

        for (var length = 0; length <= MaxLength; length++)
        {
            for (var variant = 0; variant < InputsPerLength; variant++)
            {
                var input = buffer.AsSpan(0, length);
                FillInput(random, input, variant);
                Md5.HashData(input, managed);
                MD5.HashData(input, platform);
                compared++;
                if (!managed.SequenceEqual(platform))
                {
                    failures.Add(Describe(length, variant, input, managed, platform));
                }
            }
        }

        compared.Should().Be((MaxLength + 1) * InputsPerLength);
        failures.Should().BeEmpty("the managed MD5 must equal the platform's at every length (seed 20240601); first failures: {0}", string.Join("; ", failures.Take(5)));
    }

    [Fact]
    public void HashFunction_Md5_equals_platform_Md5_for_every_length_on_both_sides_of_the_managed_limit()
    {
        // HashFunction switches from the managed MD5 to the platform's above ManagedMd5MaxLength: both sides must agree.
        var random = new Random(1321);
        var buffer = new byte[MaxLength];
        Span<byte> viaHashFunction = stackalloc byte[16];
        Span<byte> platform = stackalloc byte[16];
        var failures = new List<string>();

        for (var length = 0; length <= MaxLength; length++)
        {
            var input = buffer.AsSpan(0, length);
            FillInput(random, input, variant: 0);
            HashFunction.Hash(HashAlgorithmKind.Md5, input, viaHashFunction);
            MD5.HashData(input, platform);
            if (!viaHashFunction.SequenceEqual(platform))
            {
                failures.Add(Describe(length, 0, input, viaHashFunction, platform));
            }
        }

        HashFunction.ManagedMd5MaxLength.Should().BeInRange(1, MaxLength - 1, "the sweep must cross the switch to the platform MD5");
        failures.Should().BeEmpty("HashFunction's MD5 must equal the platform's at every length (seed 1321); first failures: {0}", string.Join("; ", failures.Take(5)));
    }

    [Fact]
    public void Managed_Md5_equals_platform_Md5_on_a_million_random_short_inputs()
    {
        var random = new Random(1_000_003);
        var buffer = new byte[MaxShortLength];
        Span<byte> managed = stackalloc byte[16];
        Span<byte> platform = stackalloc byte[16];
        var failures = new List<string>();
        var lengthsSeen = new bool[MaxShortLength + 1];

        for (var i = 0; i < ShortInputCount; i++)
        {
            var length = random.Next(MaxShortLength + 1);
            lengthsSeen[length] = true;
            var input = buffer.AsSpan(0, length);
            random.NextBytes(input);
            Md5.HashData(input, managed);
            MD5.HashData(input, platform);
            if (!managed.SequenceEqual(platform) && failures.Count < 10)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"input #{i}, ") + Describe(length, 0, input, managed, platform));
            }
        }

        lengthsSeen.Should().AllBeEquivalentTo(true, "every length from 0 to {0} must have been tried", MaxShortLength);
        failures.Should().BeEmpty("the managed MD5 must equal the platform's on random short inputs (seed 1000003); first failures: {0}", string.Join("; ", failures));
    }

    /// <summary>
    /// Fills an input: variant 1 with 0x00, variant 2 with 0xFF (constant inputs at every length, for the padding
    /// and carries), the others with random bytes.
    /// </summary>
    private static void FillInput(Random random, Span<byte> input, int variant)
    {
        switch (variant)
        {
            case 1:
                input.Clear();
                break;
            case 2:
                input.Fill(0xFF);
                break;
            default:
                random.NextBytes(input);
                break;
        }
    }

    private static string Describe(int length, int variant, ReadOnlySpan<byte> input, ReadOnlySpan<byte> managed, ReadOnlySpan<byte> platform) =>
        string.Create(CultureInfo.InvariantCulture, $"length {length} (variant {variant}): {Convert.ToHexStringLower(managed)} != platform {Convert.ToHexStringLower(platform)}")
        + (length <= 64 ? " for input " + Convert.ToHexStringLower(input) : string.Empty);
}

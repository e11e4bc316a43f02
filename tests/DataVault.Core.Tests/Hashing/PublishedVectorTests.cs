using System.Text;
using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The hash functions against their published test vectors: the internal managed MD5 and every algorithm behind
/// <see cref="HashFunction.Hash"/>. The expected digests are copied from the cited publications, never computed here.
/// </summary>
public class PublishedVectorTests
{
    private const string MillionA = "a×1000000";

    /// <summary>
    /// RFC 1321, "The MD5 Message-Digest Algorithm", appendix A.5 "Test suite" (all seven strings).
    /// https://www.rfc-editor.org/rfc/rfc1321#appendix-A.5
    /// </summary>
    public static TheoryData<string, string> Rfc1321TestSuite => new()
    {
        { string.Empty, "d41d8cd98f00b204e9800998ecf8427e" },
        { "a", "0cc175b9c0f1b6a831c399e269772661" },
        { "abc", "900150983cd24fb0d6963f7d28e17f72" },
        { "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
        { "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
        { "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f" },
        { "12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a" },
    };

    /// <summary>
    /// FIPS 180-2 (Secure Hash Standard), appendix A: SHA-1 examples A.1 ("abc"), A.2 (the 448-bit message) and
    /// A.3 (one million 'a'); the same messages and digests are in NIST's "Example Algorithms" SHA1.pdf
    /// (csrc.nist.gov). The million-'a' message is written as the marker <see cref="MillionA"/>.
    /// </summary>
    public static TheoryData<string, string> Fips180Sha1 => new()
    {
        { "abc", "a9993e364706816aba3e25717850c26c9cd0d89d" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },
        { MillionA, "34aa973cd4c4daa4f61eeb2bdbad27316534016f" },
    };

    /// <summary>
    /// FIPS 180-2 (Secure Hash Standard), appendix B: SHA-256 examples B.1 ("abc"), B.2 (the 448-bit message) and
    /// B.3 (one million 'a'); the same in NIST's "Example Algorithms" SHA256.pdf (csrc.nist.gov).
    /// </summary>
    public static TheoryData<string, string> Fips180Sha256 => new()
    {
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { MillionA, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
    };

    /// <summary>
    /// XXH3_128bits with seed 0, from the reference implementation's own self-test: the seed-0 rows of table
    /// <c>XSUM_XXH128_testdata</c> in <c>cli/xsum_sanity_check.c</c> of https://github.com/Cyan4973/xxHash
    /// (as of commit 08ae0257300ddde62ccca5b0765d66bc7a2fc1b4). The input of length n is the first n bytes of the
    /// buffer <c>XSUM_fillTestBuffer</c> fills (reproduced in <see cref="XxHashSanityBuffer"/>). The table gives
    /// <c>XXH128_hash_t { low64, high64 }</c>; the canonical byte order, which System.IO.Hashing writes, is
    /// big-endian with high64 first.
    /// </summary>
    public static TheoryData<int, ulong, ulong> XxHash128Seed0 => new()
    {
        { 0, 0x6001C324468D497FUL, 0x99AA06D3014798D8UL }, // empty string
        { 1, 0xC44BDFF4074EECDBUL, 0xA6CD5E9392000F6AUL }, // 1 - 3
        { 6, 0x3E7039BDDA43CFC6UL, 0x082AFE0B8162D12AUL }, // 4 - 8
        { 12, 0x061A192713F69AD9UL, 0x6E3EFD8FC7802B18UL }, // 9 - 16
        { 24, 0x1E7044D28B1B901DUL, 0x0CE966E4678D3761UL }, // 17 - 32
        { 48, 0xF942219AED80F67BUL, 0xA002AC4E5478227EUL }, // 33 - 64
        { 81, 0x5E8BAFB9F95FB803UL, 0x4952F58181AB0042UL }, // 65 - 96
        { 222, 0xF1AEBD597CEC6B3AUL, 0x337E09641B948717UL }, // 129 - 240
        { 403, 0xCDEB804D65C6DEA4UL, 0x1B6DE21E332DD73DUL }, // one block, last stripe is overlapping
        { 512, 0x617E49599013CB6BUL, 0x18D2D110DCC9BCA1UL }, // one block, finishing at stripe boundary
        { 2048, 0xDD59E2C3A5F038E0UL, 0xF736557FD47073A5UL }, // 2 blocks, finishing at block boundary
        { 2240, 0x6E73A90539CF2948UL, 0xCCB134FBFA7CE49DUL }, // 3 blocks, finishing at stripe boundary
        { 2367, 0xCB37AEB9E5D361EDUL, 0xE89C0F6FF369B427UL }, // 3 blocks, last stripe is overlapping
    };

    [Theory]
    [MemberData(nameof(Rfc1321TestSuite))]
    public void Managed_Md5_matches_the_RFC_1321_test_suite(string message, string expectedHex)
    {
        var digest = new byte[Md5.HashSizeInBytes];
        Md5.HashData(Encoding.ASCII.GetBytes(message), digest);
        Convert.ToHexStringLower(digest).Should().Be(expectedHex);
    }

    [Theory]
    [MemberData(nameof(Rfc1321TestSuite))]
    public void HashFunction_Md5_matches_the_RFC_1321_test_suite(string message, string expectedHex) =>
        HashWithHashFunction(HashAlgorithmKind.Md5, Encoding.ASCII.GetBytes(message)).Should().Be(expectedHex);

    [Theory]
    [MemberData(nameof(Rfc1321TestSuite))]
    public void Default_hash_diff_of_one_attribute_is_the_RFC_1321_digest_of_its_text(string message, string expectedHex)
    {
        // A diff keeps case, and none of these strings has a leading or trailing space or a character to escape, so
        // the standardised input is the message itself; the empty string is NULL, and an all-NULL diff is MD5("").
        DataVaultHasher.Default.HashDiffHex(message).Should().Be(expectedHex);
    }

    [Theory]
    [MemberData(nameof(Fips180Sha1))]
    public void HashFunction_Sha1_matches_the_FIPS_180_examples(string message, string expectedHex) =>
        HashWithHashFunction(HashAlgorithmKind.Sha1, Message(message)).Should().Be(expectedHex);

    [Theory]
    [MemberData(nameof(Fips180Sha256))]
    public void HashFunction_Sha256_matches_the_FIPS_180_examples(string message, string expectedHex) =>
        HashWithHashFunction(HashAlgorithmKind.Sha256, Message(message)).Should().Be(expectedHex);

    [Theory]
    [MemberData(nameof(Fips180Sha1))]
    public void Sha1_standard_hash_diff_of_one_attribute_is_the_FIPS_180_digest_of_its_text(string message, string expectedHex)
    {
        var hasher = new DataVaultHasher(HashingStandards.Default with { Id = "test-sha1-v1", Algorithm = HashAlgorithmKind.Sha1 });
        hasher.HashDiffHex(Text(message)).Should().Be(expectedHex);
    }

    [Theory]
    [MemberData(nameof(Fips180Sha256))]
    public void Sha256_standard_hash_diff_of_one_attribute_is_the_FIPS_180_digest_of_its_text(string message, string expectedHex)
    {
        var hasher = new DataVaultHasher(HashingStandards.Default with { Id = "test-sha256-v1", Algorithm = HashAlgorithmKind.Sha256 });
        hasher.HashDiffHex(Text(message)).Should().Be(expectedHex);
    }

    [Theory]
    [MemberData(nameof(XxHash128Seed0))]
    public void HashFunction_XxHash128_matches_the_xxHash_sanity_vectors_for_seed_0(int length, ulong low64, ulong high64)
    {
        var expectedHex = $"{high64:x16}{low64:x16}";
        HashWithHashFunction(HashAlgorithmKind.XxHash128, XxHashSanityBuffer(length)).Should().Be(expectedHex);
    }

    private static string HashWithHashFunction(HashAlgorithmKind algorithm, byte[] input)
    {
        var digest = new byte[HashFunction.GetLengthInBytes(algorithm)];
        HashFunction.Hash(algorithm, input, digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string Text(string message) => message == MillionA ? new string('a', 1_000_000) : message;

    private static byte[] Message(string message) => Encoding.ASCII.GetBytes(Text(message));

    /// <summary><c>XSUM_fillTestBuffer</c> of xxHash's <c>cli/xsum_sanity_check.c</c>: its first <paramref name="length"/> bytes.</summary>
    private static byte[] XxHashSanityBuffer(int length)
    {
        const ulong Prime32 = 2654435761UL;
        const ulong Prime64 = 11400714785074694797UL;
        var buffer = new byte[length];
        var byteGen = Prime32;
        for (var i = 0; i < length; i++)
        {
            buffer[i] = (byte)(byteGen >> 56);
            byteGen = unchecked(byteGen * Prime64);
        }

        return buffer;
    }
}

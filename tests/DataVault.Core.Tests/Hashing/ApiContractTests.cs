using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// The contract of the public API: the members of each triad agree, too-short destinations fail the documented way
/// (and Try* methods write nothing), invalid input fails with a message that names the problem, and each algorithm
/// and output form has the documented lengths.
/// </summary>
public class ApiContractTests
{
    private const byte Sentinel = 0xEE;
    private const char SentinelChar = '#';

    /// <summary>Rows that take every path: plain, trimmed, NULLs, all NULL, escaping, non-ASCII, lone surrogate, pooled.</summary>
    private static readonly string?[][] Rows =
    [
        ["CUST0001"],
        [" cust0001 "],
        ["a", null, "b"],
        ["a", null, null],
        [null, null],
        [string.Empty],
        ["straße", "é|^\\"],
        ["😀", "\uD800"],
        [new string('x', 3000)],
        [string.Concat(Enumerable.Repeat("ä|", 800)), "tail"],
    ];

    public static TheoryData<HashAlgorithmKind, int> Algorithms => new()
    {
        { HashAlgorithmKind.Md5, 16 },
        { HashAlgorithmKind.Sha1, 20 },
        { HashAlgorithmKind.Sha256, 32 },
        { HashAlgorithmKind.XxHash128, 16 },
    };

    public static TheoryData<HashAlgorithmKind, HashPurpose> AlgorithmsAndPurposes
    {
        get
        {
            var data = new TheoryData<HashAlgorithmKind, HashPurpose>();
            foreach (var algorithm in Enum.GetValues<HashAlgorithmKind>())
            {
                data.Add(algorithm, HashPurpose.Key);
                data.Add(algorithm, HashPurpose.Diff);
            }

            return data;
        }
    }

    // ---- The triads agree ----

    [Theory]
    [MemberData(nameof(AlgorithmsAndPurposes))]
    public void Every_way_of_computing_a_hash_gives_the_same_digest(HashAlgorithmKind algorithm, HashPurpose purpose)
    {
        var hasher = HasherFor(algorithm);
        var length = hasher.HashLengthInBytes;
        foreach (var parts in Rows)
        {
            var because = $"{algorithm} {purpose} of [{Describe(parts)}]";
            var bytes = ToBytes(hasher, purpose, parts);
            bytes.Should().NotBeNull(because).And.HaveCount(length, because);
            var hex = Convert.ToHexStringLower(bytes!);

            // Compute: writes exactly the digest and nothing after it.
            var computed = Filled(length + 8);
            Compute(hasher, purpose, parts, computed).Should().Be(length, because);
            computed[..length].Should().Equal(bytes, because);
            computed[length..].Should().OnlyContain(b => b == Sentinel, because);

            var tried = Filled(length);
            TryCompute(hasher, purpose, parts, tried, out var bytesWritten).Should().BeTrue(because);
            bytesWritten.Should().Be(length, because);
            tried.Should().Equal(bytes, because);

            ToHex(hasher, purpose, parts).Should().Be(hex, because);

            var chars = FilledChars((2 * length) + 8);
            Format(hasher, purpose, parts, chars).Should().Be(2 * length, because);
            new string(chars, 0, 2 * length).Should().Be(hex, because);
            chars[(2 * length)..].Should().OnlyContain(c => c == SentinelChar, because);

            var triedChars = FilledChars(2 * length);
            TryFormat(hasher, purpose, parts, triedChars, out var charsWritten).Should().BeTrue(because);
            charsWritten.Should().Be(2 * length, because);
            new string(triedChars).Should().Be(hex, because);

            var utf8 = Filled((2 * length) + 8);
            FormatUtf8(hasher, purpose, parts, utf8).Should().Be(2 * length, because);
            Encoding.ASCII.GetString(utf8, 0, 2 * length).Should().Be(hex, because);
            utf8[(2 * length)..].Should().OnlyContain(b => b == Sentinel, because);

            // The writer, part by part, gives the same digest.
            var (writerBytes, writerHex) = WithWriter(hasher, purpose, parts);
            writerBytes.Should().Equal(bytes, because);
            writerHex.Should().Be(hex, because);
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Each_algorithm_hashes_the_standardised_input_with_that_function(HashAlgorithmKind algorithm, int length)
    {
        var hasher = HasherFor(algorithm);
        var input = "CUST0001||\\|X"u8.ToArray(); // the key [" cust0001 ", "|x"]
        var expected = algorithm switch
        {
            HashAlgorithmKind.Md5 => MD5.HashData(input),
            HashAlgorithmKind.Sha1 => SHA1.HashData(input),
            HashAlgorithmKind.Sha256 => SHA256.HashData(input),
            HashAlgorithmKind.XxHash128 => XxHash128.Hash(input),
            _ => throw new InvalidOperationException("unexpected algorithm"),
        };
        expected.Should().HaveCount(length);
        hasher.HashKeyBytes(" cust0001 ", "|x").Should().Equal(expected);
    }

    // ---- Lengths ----

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Each_algorithm_has_its_digest_length_and_hex_length(HashAlgorithmKind algorithm, int length)
    {
        var hasher = HasherFor(algorithm);
        hasher.HashLengthInBytes.Should().Be(length);
        hasher.HexLength.Should().Be(2 * length);
        hasher.StoredLength.Should().Be(2 * length, "the default output form is hex");
        hasher.Standard.HashLengthInBytes.Should().Be(length);
        HashFunction.GetLengthInBytes(algorithm).Should().Be(length);
        hasher.HashKeyBytes("k").Should().HaveCount(length);
        hasher.HashKeyHex("k").Should().MatchRegex($"^[0-9a-f]{{{2 * length}}}$");
        hasher.HashDiffHex("d").Should().MatchRegex($"^[0-9a-f]{{{2 * length}}}$");
        hasher.HashKeyBytes(null, " ").Should().Equal(new byte[length], "an all-NULL key is the zero key of the digest length");
        hasher.HashKeyHex((string?)null).Should().Be(new string('0', 2 * length));
    }

    [Fact]
    public void Longest_digest_constant_covers_every_algorithm()
    {
        foreach (var algorithm in Enum.GetValues<HashAlgorithmKind>())
        {
            HashFunction.GetLengthInBytes(algorithm).Should().BeLessThanOrEqualTo(DataVaultHasher.MaxHashLengthInBytes);
        }
    }

    [Fact]
    public void Binary_output_form_stores_the_raw_digest_length()
    {
        var hasher = new DataVaultHasher(HashingStandards.Default with { Id = "test-binary-v1", OutputForm = HashOutputForm.Binary });
        hasher.StoredLength.Should().Be(16);
        hasher.HexLength.Should().Be(32);
        hasher.HashKeyBytes("k").Should().Equal(DataVaultHasher.Default.HashKeyBytes("k"));
    }

    // ---- Output form ----

    [Fact]
    public void UpperHex_output_form_writes_upper_case_hex()
    {
        var hasher = new DataVaultHasher(HashingStandards.Default with { Id = "test-upper-v1", OutputForm = HashOutputForm.UpperHex });
        var expected = Convert.ToHexString(MD5.HashData("CUST0001"u8));
        expected.Should().MatchRegex("^[0-9A-F]{32}$").And.MatchRegex("[A-F]", "the digest must contain letters for the test to mean something");

        hasher.HashKeyHex("cust0001").Should().Be(expected);
        var chars = new char[32];
        hasher.FormatHashKey(["cust0001"], chars).Should().Be(32);
        new string(chars).Should().Be(expected);
        Array.Clear(chars);
        hasher.TryFormatHashKey(["cust0001"], chars, out _).Should().BeTrue();
        new string(chars).Should().Be(expected);
        var utf8 = new byte[32];
        hasher.FormatHashKeyUtf8(["cust0001"], utf8).Should().Be(32);
        Encoding.ASCII.GetString(utf8).Should().Be(expected);
        hasher.HashDiffHex("Alice").Should().Be(Convert.ToHexString(MD5.HashData("Alice"u8)));

        DataVaultHasher.Default.HashKeyHex("cust0001").Should().Be(expected.ToLowerInvariant(), "the default output form is lower-case hex");
    }

    // ---- Destination too short ----

    [Theory]
    [MemberData(nameof(AlgorithmsAndPurposes))]
    public void Too_short_digest_destination_throws_naming_the_needed_length_and_Try_writes_nothing(HashAlgorithmKind algorithm, HashPurpose purpose)
    {
        var hasher = HasherFor(algorithm);
        var length = hasher.HashLengthInBytes;
        foreach (var parts in new[] { new string?[] { "CUST0001" }, new string?[] { null } })
        {
            foreach (var shortLength in new[] { 0, length - 1 })
            {
                var destination = Filled(shortLength);
                var act = () => Compute(hasher, purpose, parts, destination);
                var exception = act.Should().Throw<ArgumentException>().Which;
                exception.Message.Should().Contain(length.ToString(CultureInfo.InvariantCulture));
                exception.ParamName.Should().Be("destination");
                destination.All(b => b == Sentinel).Should().BeTrue("nothing may be written to a destination that is too short");

                TryCompute(hasher, purpose, parts, destination, out var written).Should().BeFalse();
                written.Should().Be(0);
                destination.All(b => b == Sentinel).Should().BeTrue("nothing may be written to a destination that is too short");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AlgorithmsAndPurposes))]
    public void Too_short_hex_destination_throws_naming_the_needed_length_and_Try_writes_nothing(HashAlgorithmKind algorithm, HashPurpose purpose)
    {
        var hasher = HasherFor(algorithm);
        var hexLength = hasher.HexLength;
        string?[] parts = ["CUST0001", null];
        foreach (var shortLength in new[] { 0, hasher.HashLengthInBytes, hexLength - 1 })
        {
            var chars = FilledChars(shortLength);
            var format = () => Format(hasher, purpose, parts, chars);
            var exception = format.Should().Throw<ArgumentException>().Which;
            exception.Message.Should().Contain(hexLength.ToString(CultureInfo.InvariantCulture));
            exception.ParamName.Should().Be("destination");
            chars.All(c => c == SentinelChar).Should().BeTrue("nothing may be written to a destination that is too short");

            TryFormat(hasher, purpose, parts, chars, out var charsWritten).Should().BeFalse();
            charsWritten.Should().Be(0);
            chars.All(c => c == SentinelChar).Should().BeTrue("nothing may be written to a destination that is too short");

            var utf8 = Filled(shortLength);
            var formatUtf8 = () => FormatUtf8(hasher, purpose, parts, utf8);
            formatUtf8.Should().Throw<ArgumentException>().Which.Message.Should().Contain(hexLength.ToString(CultureInfo.InvariantCulture));
            utf8.All(b => b == Sentinel).Should().BeTrue("nothing may be written to a destination that is too short");
        }
    }

    [Fact]
    public void Too_short_destination_message_says_what_is_needed_and_what_was_given()
    {
        var act = () => DataVaultHasher.Default.ComputeHashKey(["CUST0001"], new byte[15]);
        act.Should().Throw<ArgumentException>().WithMessage("*16 bytes*15*");
        var format = () => DataVaultHasher.Default.FormatHashDiff(["x"], new char[31]);
        format.Should().Throw<ArgumentException>().WithMessage("*32 characters*31*");
    }

    // ---- Decimals that do not fit ----

    [Theory]
    [InlineData("19.999")]
    [InlineData("-19.999")]
    [InlineData("0.001")]
    public void Decimal_with_more_fractional_digits_than_the_scale_throws_naming_value_and_type(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var act = () =>
        {
            using var row = DataVaultHasher.Default.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
            row.Append(value, 10, 2);
        };
        var exception = act.Should().Throw<ArgumentOutOfRangeException>().Which;
        exception.Message.Should().Contain(text).And.Contain("decimal(10,2)");
        exception.ActualValue.Should().Be(value);
    }

    [Theory]
    [InlineData("123456789.00")]
    [InlineData("-123456789.00")]
    [InlineData("100000000")]
    public void Decimal_with_more_integer_digits_than_the_precision_allows_throws_naming_value_and_type(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var act = () =>
        {
            using var row = DataVaultHasher.Default.CreateWriter(HashPurpose.Key, stackalloc byte[256]);
            row.Append((decimal?)value, 10, 2);
        };
        var exception = act.Should().Throw<ArgumentOutOfRangeException>().Which;
        exception.Message.Should().Contain(text).And.Contain("decimal(10,2)");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(39, 2)]
    [InlineData(10, -1)]
    [InlineData(5, 6)]
    [InlineData(38, 29)]
    public void Decimal_with_an_invalid_precision_or_scale_throws(int precision, int scale)
    {
        var act = () =>
        {
            using var row = DataVaultHasher.Default.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
            row.Append(1m, precision, scale);
        };
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- Invalid standards ----

    [Fact]
    public void Invalid_standard_throws_listing_every_problem()
    {
        var invalid = HashingStandards.Default with { Id = string.Empty, Delimiter = string.Empty };
        var construct = () => new DataVaultHasher(invalid);
        construct.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Id").And.Contain("Delimiter");

        var validate = invalid.Validate;
        validate.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Id").And.Contain("Delimiter");

        var validateDefault = HashingStandards.Default.Validate;
        validateDefault.Should().NotThrow();
    }

    [Fact]
    public void Unknown_algorithm_throws_naming_it()
    {
        var unknown = (HashAlgorithmKind)99;
        var construct = () => new DataVaultHasher(HashingStandards.Default with { Id = "test-unknown-v1", Algorithm = unknown });
        construct.Should().Throw<ArgumentException>().Which.Message.Should().Contain("99");

        var hash = () => HashFunction.Hash(unknown, "x"u8.ToArray(), new byte[32]);
        hash.Should().Throw<NotSupportedException>().Which.Message.Should().Contain("99");

        var length = () => HashFunction.GetLengthInBytes(unknown);
        length.Should().Throw<NotSupportedException>().Which.Message.Should().Contain("99");
    }

    [Fact]
    public void Unknown_standard_id_throws_listing_the_known_ids()
    {
        var act = () => HashingStandards.Get("nope");
        var message = act.Should().Throw<KeyNotFoundException>().Which.Message;
        message.Should().Contain("nope");
        foreach (var id in HashingStandards.All.Keys)
        {
            message.Should().Contain(id);
        }

        HashingStandards.All.Keys.Should().Contain("dv2-default-v1");
    }

    // ---- Keys need parts ----

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Key_with_zero_parts_throws_InvalidOperationException(HashAlgorithmKind algorithm, int length)
    {
        var hasher = HasherFor(algorithm);
        string?[] none = [];
        FluentActions.Invoking(() => hasher.ComputeHashKey(none, new byte[length])).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => hasher.TryComputeHashKey(none, new byte[length], out _)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => hasher.FormatHashKey(none, new char[2 * length])).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => hasher.TryFormatHashKey(none, new char[2 * length], out _)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => hasher.FormatHashKeyUtf8(none, new byte[2 * length])).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => hasher.HashKeyHex()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => hasher.HashKeyBytes()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() =>
        {
            using var row = hasher.CreateWriter(HashPurpose.Key, stackalloc byte[256]);
            return row.ComputeHash(new byte[length]);
        }).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Writer_rejects_an_unknown_purpose()
    {
        var act = () =>
        {
            using var row = DataVaultHasher.Default.CreateWriter((HashPurpose)7, stackalloc byte[256]);
        };
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- Helpers ----

    private static DataVaultHasher HasherFor(HashAlgorithmKind algorithm) => algorithm == HashAlgorithmKind.Md5
        ? DataVaultHasher.Default
        : new DataVaultHasher(HashingStandards.Default with { Id = "test-" + algorithm.ToString().ToLowerInvariant() + "-v1", Algorithm = algorithm });

    private static (byte[]? Bytes, string? Hex) WithWriter(DataVaultHasher hasher, HashPurpose purpose, string?[] parts)
    {
        using var row = hasher.CreateWriter(purpose, stackalloc byte[256]);
        foreach (var part in parts)
        {
            row.Append(part);
        }

        return (row.ToHashBytes(), row.ToHexString());
    }

    private static byte[] Filled(int length)
    {
        var array = new byte[length];
        array.AsSpan().Fill(Sentinel);
        return array;
    }

    private static char[] FilledChars(int length)
    {
        var array = new char[length];
        array.AsSpan().Fill(SentinelChar);
        return array;
    }

    private static string Describe(string?[] parts) =>
        string.Join(", ", parts.Select(p => p is null ? "null" : p.Length > 20 ? $"\"{p[..20]}…\" ({p.Length} chars)" : $"\"{p}\""));

    private static int Compute(DataVaultHasher hasher, HashPurpose purpose, string?[] parts, Span<byte> destination) =>
        purpose == HashPurpose.Key ? hasher.ComputeHashKey(parts, destination) : hasher.ComputeHashDiff(parts, destination);

    private static bool TryCompute(DataVaultHasher hasher, HashPurpose purpose, string?[] parts, Span<byte> destination, out int written) =>
        purpose == HashPurpose.Key ? hasher.TryComputeHashKey(parts, destination, out written) : hasher.TryComputeHashDiff(parts, destination, out written);

    private static int Format(DataVaultHasher hasher, HashPurpose purpose, string?[] parts, Span<char> destination) =>
        purpose == HashPurpose.Key ? hasher.FormatHashKey(parts, destination) : hasher.FormatHashDiff(parts, destination);

    private static bool TryFormat(DataVaultHasher hasher, HashPurpose purpose, string?[] parts, Span<char> destination, out int written) =>
        purpose == HashPurpose.Key ? hasher.TryFormatHashKey(parts, destination, out written) : hasher.TryFormatHashDiff(parts, destination, out written);

    private static int FormatUtf8(DataVaultHasher hasher, HashPurpose purpose, string?[] parts, Span<byte> destination) =>
        purpose == HashPurpose.Key ? hasher.FormatHashKeyUtf8(parts, destination) : hasher.FormatHashDiffUtf8(parts, destination);

    private static string? ToHex(DataVaultHasher hasher, HashPurpose purpose, string?[] parts) =>
        purpose == HashPurpose.Key ? hasher.HashKeyHex(parts) : hasher.HashDiffHex(parts);

    private static byte[]? ToBytes(DataVaultHasher hasher, HashPurpose purpose, string?[] parts) =>
        purpose == HashPurpose.Key ? hasher.HashKeyBytes(parts) : hasher.HashDiffBytes(parts);
}

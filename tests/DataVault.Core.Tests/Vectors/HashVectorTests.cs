using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;
using Xunit;

namespace DataVault.Core.Tests.Vectors;

/// <summary>
/// Replays every case of every vector file (tests/vectors/*.json, written by the independent Python reference) on
/// the C# engine: the exact hashed input, and the MD5, SHA-1, SHA-256 and xxHash128 digests.
/// </summary>
public sealed class HashVectorTests
{
    private const int MinimumCaseCount = 40;

    private static readonly HashAlgorithmKind[] Algorithms =
        [HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256, HashAlgorithmKind.XxHash128];

    private static readonly Lazy<IReadOnlyList<HashVectorFile>> Files = new(() => HashVectorFile.LoadDirectory());

    /// <summary>One row per case: "standard: case name".</summary>
    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Files.Value)
            {
                foreach (var vector in file.Cases)
                {
                    data.Add(Id(file, vector));
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_vector_folder_holds_at_least_one_file_and_enough_cases()
    {
        var files = Files.Value;
        Assert.True(files.Count > 0, $"No vector files in {HashVectorFile.DefaultDirectory}; the test project copies ../vectors/*.json there.");
        var count = files.Sum(f => f.Cases.Count);
        Assert.True(count >= MinimumCaseCount, $"Only {count} vector cases in {HashVectorFile.DefaultDirectory}; expected at least {MinimumCaseCount}.");
        foreach (var id in HashingStandards.All.Keys)
        {
            Assert.True(files.Any(f => f.Standard == id), $"No vector file for the built-in standard '{id}' in {HashVectorFile.DefaultDirectory}.");
        }

        foreach (var file in files)
        {
            var standard = HashingStandards.Get(file.Standard); // every file names a built-in standard
            Assert.True(
                file.HashOutputForm == standard.OutputForm,
                $"{file.Standard}: the file's output form is {file.HashOutputForm}, the standard's is {standard.OutputForm}.");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_the_reference(string id)
    {
        var (file, vector) = Find(id);
        var standard = HashingStandards.Get(file.Standard);
        var expectedInput = vector.ExpectedInputUtf8();

        // The file against the platform's MD5: separates "the file is wrong" from "the engine is wrong".
        Assert.True(
            vector.ZeroKey || vector.NullResult || Convert.ToHexStringLower(MD5.HashData(expectedInput!)) == vector.Md5,
            $"{id}: the file's md5 is not the MD5 of its own input; regenerate the file.");

        Span<byte> buffer = stackalloc byte[256];
        foreach (var algorithm in Algorithms)
        {
            var hasher = new DataVaultHasher(standard with { Algorithm = algorithm });
            var row = vector.CreateWriter(hasher, buffer);
            try
            {
                Check(id, vector, algorithm, expectedInput, ref row);
            }
            finally
            {
                row.Dispose();
            }
        }

        // Again without a caller buffer (pooled from the first byte), and through the string API where it applies.
        var md5 = new DataVaultHasher(standard);
        var pooled = vector.CreateWriter(md5, default);
        try
        {
            Check(id + " (no caller buffer)", vector, HashAlgorithmKind.Md5, expectedInput, ref pooled);
        }
        finally
        {
            pooled.Dispose();
        }

        if (vector.StringParts(standard) is { } strings)
        {
            var hex = vector.HashPurpose == HashPurpose.Key ? md5.HashKeyHex(strings) : md5.HashDiffHex(strings);
            Assert.True(hex == vector.Md5, $"{id} (string API): expected MD5 {vector.Md5 ?? "NULL"}, got {hex ?? "NULL"}.");
            var bytes = vector.HashPurpose == HashPurpose.Key ? md5.HashKeyBytes(strings) : md5.HashDiffBytes(strings);
            var bytesHex = bytes is null ? null : Convert.ToHexStringLower(bytes);
            Assert.True(bytesHex == vector.Md5, $"{id} (string API, bytes): expected MD5 {vector.Md5 ?? "NULL"}, got {bytesHex ?? "NULL"}.");
        }
    }

    [Fact]
    public void Named_diff_columns_are_hashed_in_the_standard_order()
    {
        // The files' column cases are only meaningful if the engine is asked for the order: make sure they exist
        // for a standard that sorts, and that declared order and hashing order really differ there.
        var sorted = Files.Value.Where(f => HashingStandards.Get(f.Standard).DiffColumnOrder == DiffColumnOrder.SortedByName).ToList();
        Assert.NotEmpty(sorted);
        foreach (var file in sorted)
        {
            var standard = HashingStandards.Get(file.Standard);
            var reordered = file.Cases.Count(c => c.HasColumns && !c.PartsInHashingOrder(standard).SequenceEqual(c.Parts));
            Assert.True(reordered >= 3, $"{file.Standard}: only {reordered} cases whose hashing order differs from their declared order.");
        }
    }

    private static void Check(string id, HashVectorCase vector, HashAlgorithmKind algorithm, byte[]? expectedInput, ref HashRowWriter row)
    {
        var what = $"{id} [{algorithm}]";
        var hashLength = HashFunctionLength(algorithm);
        var actualHex = row.ToHexString();
        var actualBytes = row.ToHashBytes();
        if (vector.NullResult)
        {
            Assert.True(row.AllPartsNull, $"{what}: every part should be NULL (NULL result), but the row has a non-NULL part; input: {Show(row.HashInput)}");
            Assert.True(row.IsNull, $"{what}: expected a NULL result (no hash), but IsNull is false.");
            Assert.True(actualHex is null, $"{what}: expected a NULL result (no hash), got {actualHex}.");
            Assert.True(actualBytes is null, $"{what}: expected a NULL result (no hash), got {actualBytes?.Length} bytes.");
            Assert.Equal(0, row.ComputeHash(stackalloc byte[DataVaultHasher.MaxHashLengthInBytes]));
            return;
        }

        Assert.False(row.IsNull, $"{what}: the row is a NULL result, but the reference hashes it.");
        var actualBytesHex = actualBytes is null ? null : Convert.ToHexStringLower(actualBytes);
        if (vector.ZeroKey)
        {
            var zero = new string('0', 2 * hashLength);
            Assert.True(row.AllPartsNull, $"{what}: every part should be NULL (zero key), but the row has a non-NULL part; input: {Show(row.HashInput)}");
            Assert.True(actualHex == zero, $"{what}: expected the zero key, got {actualHex ?? "NULL"}.");
            Assert.True(actualBytesHex == zero, $"{what}: expected the zero key as bytes, got {actualBytesHex ?? "NULL"}.");
            return;
        }

        var actualInput = row.HashInput;
        if (!actualInput.SequenceEqual(expectedInput))
        {
            Assert.Fail(DescribeDifference(what, expectedInput!, actualInput));
        }

        var expectedHex = algorithm == HashAlgorithmKind.XxHash128
            ? Convert.ToHexStringLower(XxHash128.Hash(expectedInput!)) // Python has no XXH3: the platform is the reference
            : vector.ExpectedHex(algorithm);
        Assert.True(actualHex == expectedHex, $"{what}: the input matches but the digest differs: expected {expectedHex}, got {actualHex ?? "NULL"}.");
        Assert.True(actualBytesHex == expectedHex, $"{what}: the raw digest (binary output form) differs: expected {expectedHex}, got {actualBytesHex ?? "NULL"}.");
    }

    private static int HashFunctionLength(HashAlgorithmKind algorithm) => algorithm switch
    {
        HashAlgorithmKind.Md5 or HashAlgorithmKind.XxHash128 => 16,
        HashAlgorithmKind.Sha1 => 20,
        HashAlgorithmKind.Sha256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    private static string Id(HashVectorFile file, HashVectorCase vector) => $"{file.Standard}: {vector.Name}";

    private static (HashVectorFile File, HashVectorCase Case) Find(string id)
    {
        foreach (var file in Files.Value)
        {
            foreach (var vector in file.Cases)
            {
                if (Id(file, vector) == id)
                {
                    return (file, vector);
                }
            }
        }

        throw new InvalidOperationException($"No vector case '{id}'.");
    }

    private static string DescribeDifference(string what, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var at = expected.CommonPrefixLength(actual);
        var text = new StringBuilder();
        text.Append(what).Append(": the hashed input differs at byte ").Append(at)
            .Append(" (expected ").Append(expected.Length).Append(" bytes, got ").Append(actual.Length).AppendLine(" bytes).");
        const int Window = 120;
        if (expected.Length <= 2 * Window && actual.Length <= 2 * Window)
        {
            text.Append("expected: ").AppendLine(Show(expected));
            text.Append("actual:   ").AppendLine(Show(actual));
            text.Append("expected hex: ").AppendLine(Convert.ToHexStringLower(expected));
            text.Append("actual hex:   ").Append(Convert.ToHexStringLower(actual));
        }
        else
        {
            var from = Math.Max(0, at - (Window / 2));
            text.Append("expected[").Append(from).Append("..]: ").AppendLine(Show(expected[Math.Min(from, expected.Length)..][..Math.Min(Window, Math.Max(0, expected.Length - from))]));
            text.Append("actual[").Append(from).Append("..]:   ").Append(Show(actual[Math.Min(from, actual.Length)..][..Math.Min(Window, Math.Max(0, actual.Length - from))]));
        }

        return text.ToString();
    }

    /// <summary>The bytes as text, with control characters, white space other than U+0020 and marks escaped.</summary>
    private static string Show(ReadOnlySpan<byte> utf8)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in Encoding.UTF8.GetString(utf8).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var invisible = rune.Value != ' ' && (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
                || category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark
                    or System.Globalization.UnicodeCategory.EnclosingMark);
            if (invisible)
            {
                text.Append(rune.Value <= 0xFFFF ? $"\\u{rune.Value:X4}" : $"\\U{rune.Value:X8}");
            }
            else if (rune.Value == '"')
            {
                text.Append("\\\"");
            }
            else
            {
                text.Append(rune.ToString());
            }
        }

        return text.Append('"').ToString();
    }
}

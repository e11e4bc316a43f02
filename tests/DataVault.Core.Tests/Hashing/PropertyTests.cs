using System.Buffers;
using System.Text;
using DataVault.Core.Hashing;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>
/// Properties of the default standard (<c>dv2-default-v1</c>) over generated inputs. Each property states exactly
/// the inputs for which it holds; "different hash" means different with overwhelming probability (a collision of
/// the hash function is the only way it could fail).
/// </summary>
public class PropertyTests
{
    private static readonly DataVaultHasher Hasher = DataVaultHasher.Default;

    /// <summary>
    /// Tokens for generated text: letters of both cases (with special mappings among them), every escaped character,
    /// the delimiter and the NULL token themselves, a tab, a surrogate pair. No U+0020.
    /// </summary>
    private static readonly string[] Tokens = ["a", "B", "z", "é", "É", "ß", "ı", "ǅ", "1", "|", "^", "\\", "||", "^^", "\t", "😀", "-"];

    /// <summary>Values of whole parts, chosen so that different values often standardise alike (trimming, casing, empty ⇒ NULL).</summary>
    private static readonly string?[] PartValues = [null, string.Empty, " ", "a", "A", " a", "a ", "  A  ", "b", "^^", " ^^", "|", "\\", "a|", "|a", "\t", "é", "É", "ß", "ı", "I"];

    // ---- Trimming ----

    [Property(MaxTest = 500)]
    public bool Key_and_diff_ignore_leading_and_trailing_spaces(NonNull<string> value)
    {
        // Trimming U+0020 is idempotent, so adding spaces around any string never changes its key or diff.
        var s = value.Get;
        return Key(s) == Key(" " + s + " ")
            && Key(s) == Key("    " + s)
            && Key(s) == Key(s.Trim(' '))
            && Diff(s, "z") == Diff(" " + s + "   ", "z");
    }

    [Property(MaxTest = 500)]
    public bool A_leading_tab_is_not_trimmed(NonNull<string> value)
    {
        // "\t" + s always standardises differently from s: the tab survives, and the part is never NULL.
        var s = value.Get;
        return Key("\t" + s) != Key(s) && Diff("\t" + s, "z") != Diff(s, "z");
    }

    // ---- Casing ----

    [Property(MaxTest = 500)]
    public bool Key_equals_the_key_of_the_simple_upper_case_mapping_applied_per_rune(NonNull<string> value)
    {
        // Keys are upper-cased rune by rune with Unicode's simple mapping, so pre-applying that mapping changes nothing.
        var s = value.Get;
        return Key(s) == Key(SimpleUpper(s));
    }

    [Property(MaxTest = 500)]
    public Property Key_is_case_insensitive_for_ASCII_text() =>
        Prop.ForAll(AsciiText().ToArbitrary(), s => Key(s) == Key(s.ToUpperInvariant()) && Key(s) == Key(s.ToLowerInvariant()));

    [Property(MaxTest = 500)]
    public Property Diff_is_case_sensitive_and_key_is_not() =>
        // For text without lone surrogates whose trimmed form changes when upper-cased, the diff changes, the key does not.
        Prop.ForAll(TokenText(1, 8).ToArbitrary(), s =>
            Prop.When(!string.Equals(s.Trim(' '), SimpleUpper(s).Trim(' '), StringComparison.Ordinal), () =>
                Diff(s) != Diff(SimpleUpper(s)) && Key(s) == Key(SimpleUpper(s))));

    // ---- Escaping: splitting the same text differently ----

    [Fact]
    public void Moving_a_delimiter_character_between_parts_changes_key_and_diff()
    {
        Key("a|", "b").Should().NotBe(Key("a", "|b"));
        Diff("a|", "b").Should().NotBe(Diff("a", "|b"));
        Key("a^", "^b").Should().NotBe(Key("a", "^^b"));
        Key("a\\", "b").Should().NotBe(Key("a", "\\b"));
    }

    [Property(MaxTest = 1000)]
    public Property Splitting_the_same_text_at_different_places_gives_different_keys()
    {
        // The text is a run of tokens without U+0020, cut into non-empty parts at token boundaries (so no part is
        // trimmed or NULL, and no surrogate pair is cut). Two different sets of cuts must give different standardised
        // inputs, hence different keys and diffs: the escaping lets the joined text be split back into its parts.
        var gen =
            from n in Gen.Choose(2, 10)
            from tokens in Gen.ArrayOf(Gen.Elements(Tokens), n)
            from cutsA in Gen.SubListOf(Enumerable.Range(1, n - 1))
            from cutsB in Gen.SubListOf(Enumerable.Range(1, n - 1))
            select (Tokens: tokens, CutsA: cutsA.Order().ToArray(), CutsB: cutsB.Order().ToArray());

        return Prop.ForAll(gen.ToArbitrary(), c =>
            Prop.When(!c.CutsA.SequenceEqual(c.CutsB), () =>
            {
                var a = Split(c.Tokens, c.CutsA);
                var b = Split(c.Tokens, c.CutsB);
                return string.Concat(a) == string.Concat(b)
                    && !Input(HashPurpose.Key, a).SequenceEqual(Input(HashPurpose.Key, b))
                    && Key(a) != Key(b)
                    && Diff(a) != Diff(b);
            }));
    }

    // ---- NULL is not the text "^^" ----

    [Fact]
    public void NULL_part_never_equals_the_text_of_the_NULL_token()
    {
        Key([null]).Should().NotBe(Key("^^"));
        Diff([null]).Should().NotBe(Diff("^^"));
        Key("x", null).Should().NotBe(Key("x", "^^"));
        Diff(null, "x").Should().NotBe(Diff("^^", "x"));
    }

    [Property(MaxTest = 500)]
    public Property Replacing_a_NULL_part_with_the_text_of_the_NULL_token_changes_key_and_diff()
    {
        var gen =
            from row in Row(1, 5)
            from index in Gen.Choose(0, row.Length - 1)
            select (Row: row, Index: index);

        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var withNull = (string?[])c.Row.Clone();
            withNull[c.Index] = null;
            var withToken = (string?[])c.Row.Clone();
            withToken[c.Index] = "^^";
            return Key(withNull) != Key(withToken) && Diff(withNull) != Diff(withToken);
        });
    }

    // ---- Order matters ----

    [Property(MaxTest = 500)]
    public Property Swapping_two_different_parts_changes_the_key_and_the_diff()
    {
        // Two parts that are not NULL after trimming: if their key forms differ, swapping them changes the key; if
        // their (case-preserving) diff forms differ, swapping them changes the diff. A third part gives context.
        var gen =
            from a in TokenText(1, 5)
            from b in TokenText(1, 5)
            from context in Gen.Elements(PartValues)
            select (A: a, B: b, Context: context);

        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var keyFormsDiffer = !Input(HashPurpose.Key, [c.A]).SequenceEqual(Input(HashPurpose.Key, [c.B]));
            var diffFormsDiffer = !Input(HashPurpose.Diff, [c.A]).SequenceEqual(Input(HashPurpose.Diff, [c.B]));
            return Prop.When(diffFormsDiffer, () =>
                (keyFormsDiffer == (Key(c.A, c.B, c.Context) != Key(c.B, c.A, c.Context)))
                && Diff(c.A, c.B, c.Context) != Diff(c.B, c.A, c.Context));
        });
    }

    [Fact]
    public void Order_of_parts_matters()
    {
        Key("a", "b").Should().NotBe(Key("b", "a"));
        Diff("a", "b").Should().NotBe(Diff("b", "a"));
        Diff("a", "A").Should().NotBe(Diff("A", "a"));
        Key("a", "A").Should().Be(Key("A", "a"), "both parts standardise to 'A'");
    }

    // ---- Equal standardised input ⇔ equal hash ----

    [Property(MaxTest = 2000)]
    public Property Equal_standardised_input_if_and_only_if_equal_key()
    {
        // For keys with at least one non-NULL part (an all-NULL key is the zero key, whatever its part count).
        return Prop.ForAll(RowPairs().ToArbitrary(), c =>
        {
            var a = Evaluate(HashPurpose.Key, c.A);
            var b = Evaluate(HashPurpose.Key, c.B);
            var equalInputs = a.Input.SequenceEqual(b.Input);
            return Prop.When(!a.AllNull && !b.AllNull, () => equalInputs == a.Hash.SequenceEqual(b.Hash))
                .Classify(equalInputs, "equal inputs");
        });
    }

    [Property(MaxTest = 2000)]
    public Property Equal_standardised_input_if_and_only_if_equal_diff()
    {
        return Prop.ForAll(RowPairs().ToArbitrary(), c =>
        {
            var a = Evaluate(HashPurpose.Diff, c.A);
            var b = Evaluate(HashPurpose.Diff, c.B);
            var equalInputs = a.Input.SequenceEqual(b.Input);
            return (equalInputs == a.Hash.SequenceEqual(b.Hash)).Classify(equalInputs, "equal inputs");
        });
    }

    [Theory]
    [InlineData(HashPurpose.Key)]
    [InlineData(HashPurpose.Diff)]
    public void Equal_standardised_input_if_and_only_if_equal_hash_over_every_row_of_up_to_two_parts(HashPurpose purpose)
    {
        var rows = PartValues.Select(v => new[] { v })
            .Concat(PartValues.SelectMany(v => PartValues.Select(w => new[] { v, w })))
            .Select(row => (Row: row, Result: Evaluate(purpose, row)))
            .ToList();

        var zeroKey = new byte[Hasher.HashLengthInBytes];
        var hashed = rows;
        if (purpose == HashPurpose.Key)
        {
            // An all-NULL key is the zero key whatever its input ("^^" or "^^||^^"); every other key is a real digest.
            rows.Where(r => r.Result.AllNull).Should().NotBeEmpty().And.OnlyContain(r => r.Result.Hash.SequenceEqual(zeroKey));
            hashed = [.. rows.Where(r => !r.Result.AllNull)];
            hashed.Should().OnlyContain(r => !r.Result.Hash.SequenceEqual(zeroKey));
        }

        var byInput = hashed.GroupBy(r => Convert.ToHexString(r.Result.Input)).ToList();
        var byHash = hashed.GroupBy(r => Convert.ToHexString(r.Result.Hash)).ToList();
        byInput.Should().OnlyContain(g => g.Select(r => Convert.ToHexString(r.Result.Hash)).Distinct().Count() == 1, "equal inputs give equal hashes");
        byHash.Should().OnlyContain(g => g.Select(r => Convert.ToHexString(r.Result.Input)).Distinct().Count() == 1, "equal hashes come from equal inputs");
        byInput.Count.Should().BeLessThan(hashed.Count, "some different rows must standardise alike, or the check would be vacuous");
    }

    // ---- Helpers ----

    private static string? Key(params string?[] parts) => Hasher.HashKeyHex(parts);

    private static string? Diff(params string?[] parts) => Hasher.HashDiffHex(parts);

    private static byte[] Input(HashPurpose purpose, string?[] parts) => Evaluate(purpose, parts).Input;

    private static (byte[] Input, byte[] Hash, bool AllNull) Evaluate(HashPurpose purpose, string?[] parts)
    {
        using var row = Hasher.CreateWriter(purpose, stackalloc byte[256]);
        foreach (var part in parts)
        {
            row.Append(part);
        }

        var hash = new byte[Hasher.HashLengthInBytes];
        row.ComputeHash(hash).Should().Be(hash.Length);
        return (row.HashInput.ToArray(), hash, row.AllPartsNull);
    }

    /// <summary>
    /// Unicode's simple upper-case mapping, one scalar at a time: <see cref="Rune.ToUpperInvariant"/> plus U+0131 → 'I',
    /// the one simple mapping .NET's invariant casing leaves out. Lone surrogates are kept as they are.
    /// </summary>
    private static string SimpleUpper(string s)
    {
        var builder = new StringBuilder(s.Length);
        var rest = s.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) == OperationStatus.Done)
            {
                builder.Append(rune.Value == 0x0131 ? "I" : Rune.ToUpperInvariant(rune).ToString());
            }
            else
            {
                builder.Append(rest[..consumed]);
            }

            rest = rest[consumed..];
        }

        return builder.ToString();
    }

    private static string?[] Split(string[] tokens, int[] cuts)
    {
        var parts = new List<string?>();
        var start = 0;
        foreach (var cut in cuts.Append(tokens.Length))
        {
            parts.Add(string.Concat(tokens[start..cut]));
            start = cut;
        }

        return [.. parts];
    }

    private static Gen<string> AsciiText() =>
        Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c)).Select(chars => new string(chars));

    private static Gen<string> TokenText(int minTokens, int maxTokens) =>
        from n in Gen.Choose(minTokens, maxTokens)
        from tokens in Gen.ArrayOf(Gen.Elements(Tokens), n)
        from lead in Gen.Elements(string.Empty, " ", "  ")
        select lead + string.Concat(tokens);

    /// <summary>
    /// Pairs of rows: half independent, half a row and a variant of it (each part padded with spaces, upper- or
    /// lower-cased, blank turned NULL or NULL turned blank, sometimes a NULL appended), so that equal and nearly equal
    /// standardised inputs are both frequent.
    /// </summary>
    private static Gen<(string?[] A, string?[] B)> RowPairs() =>
        Gen.OneOf(
            from a in Row(1, 3) from b in Row(1, 3) select (A: a, B: b),
            from a in Row(1, 3)
            from variant in Gen.CollectToArray(a, Variant)
            from appendNull in Gen.Elements(false, false, true)
            select (A: a, B: appendNull ? [.. variant, null] : variant));

    private static Gen<string?> Variant(string? part) => Gen.Elements(
        part,
        part is null ? string.Empty : " " + part + " ",
        part?.ToUpperInvariant(),
        part?.ToLowerInvariant(),
        string.IsNullOrWhiteSpace(part) ? null : part,
        part ?? " ");

    private static Gen<string?[]> Row(int minParts, int maxParts) =>
        from n in Gen.Choose(minParts, maxParts)
        from parts in Gen.ArrayOf(Gen.Elements(PartValues), n)
        select parts;
}

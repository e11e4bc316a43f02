using System.Globalization;

namespace DataVault.Core.Hashing;

/// <summary>
/// A hashing standard: every rule that turns a row of values into the bytes of a hash key or a hash diff.
/// It is a value: two standards with the same rules are equal, and a variant is made with <c>with</c>
/// (<c>HashingStandards.Default with { Algorithm = HashAlgorithmKind.Sha256, Id = "my-sha256-v1" }</c>).
/// </summary>
/// <remarks>
/// Each part goes through these steps in this order: canonical text → trim (<see cref="Trim"/>) → empty ⇒ NULL
/// (<see cref="EmptyStringIsNull"/>) → escape (<see cref="Escape"/>) → casing (<see cref="KeyCasing"/> /
/// <see cref="DiffCasing"/>) → control-character removal (<see cref="RemoveControlCharacters"/>); a NULL part becomes
/// <see cref="NullToken"/>; parts are joined with <see cref="Delimiter"/>; the UTF-8 bytes of the result are hashed
/// with <see cref="Algorithm"/>. The full specification, with vectors, is <c>docs/hashing.md</c>.
/// </remarks>
public sealed record HashingStandard
{
    /// <summary>Characters that <see cref="RemoveControlCharacters"/> removes: CR, LF, TAB and VT.</summary>
    public const string ControlCharacters = "\r\n\t\v";

    /// <summary>A versioned, stable identifier, e.g. <c>dv2-default-v1</c>. Store it with the vault.</summary>
    public required string Id { get; init; }

    /// <summary>The hash function.</summary>
    public HashAlgorithmKind Algorithm { get; init; } = HashAlgorithmKind.Md5;

    /// <summary>How keys and diffs are written: lower-case hex, upper-case hex or binary.</summary>
    public HashOutputForm OutputForm { get; init; } = HashOutputForm.LowerHex;

    /// <summary>The text written between two parts.</summary>
    public string Delimiter { get; init; } = "||";

    /// <summary>The text written for a NULL part.</summary>
    public string NullToken { get; init; } = "^^";

    /// <summary>What is trimmed from both ends of each part.</summary>
    public TrimRule Trim { get; init; } = TrimRule.Spaces;

    /// <summary>Whether a part that is empty after trimming counts as NULL.</summary>
    public bool EmptyStringIsNull { get; init; } = true;

    /// <summary>The casing applied to the parts of hash keys.</summary>
    public TextCasing KeyCasing { get; init; } = TextCasing.Upper;

    /// <summary>The casing applied to the parts of hash diffs.</summary>
    public TextCasing DiffCasing { get; init; } = TextCasing.Preserve;

    /// <summary>How values are kept from imitating the delimiter or the NULL token.</summary>
    public EscapeRule Escape { get; init; } = EscapeRule.Backslash;

    /// <summary>The escape character of <see cref="EscapeRule.Backslash"/> and <see cref="EscapeRule.QuoteAndReplace"/>.</summary>
    public char EscapeCharacter { get; init; } = '\\';

    /// <summary>The character that wraps each value under <see cref="EscapeRule.QuoteAndReplace"/>.</summary>
    public char QuoteCharacter { get; init; } = '"';

    /// <summary>What replaces an occurrence of <see cref="QuoteCharacter"/> inside a value under <see cref="EscapeRule.QuoteAndReplace"/>.</summary>
    public string QuoteReplacement { get; init; } = "dv4dbt-quote-replacement";

    /// <summary>What replaces an occurrence of <see cref="NullToken"/> inside a value under <see cref="EscapeRule.QuoteAndReplace"/>.</summary>
    public string NullTokenReplacement { get; init; } = "dv4dbt-null-replacement";

    /// <summary>What replaces an occurrence of <see cref="Delimiter"/> inside a value under <see cref="EscapeRule.QuoteAndReplace"/>.</summary>
    public string DelimiterReplacement { get; init; } = "dv4dbt-concat-replacement";

    /// <summary>Whether CR, LF, TAB and VT are removed from every value (datavault4dbt's rule).</summary>
    public bool RemoveControlCharacters { get; init; }

    /// <summary>What a hash key is when all of its parts are NULL.</summary>
    public AllNullRule AllNullKey { get; init; } = AllNullRule.Zero;

    /// <summary>What a hash diff is when all of its parts are NULL.</summary>
    public AllNullRule AllNullDiff { get; init; } = AllNullRule.Hash;

    /// <summary>
    /// Whether trailing NULL parts of a hash diff are left out before joining, so that appending a new, still-NULL
    /// attribute to a satellite does not change the diffs of existing rows.
    /// </summary>
    public bool OmitTrailingNullDiffParts { get; init; } = true;

    /// <summary>The order in which attributes enter a hash diff.</summary>
    public DiffColumnOrder DiffColumnOrder { get; init; } = DiffColumnOrder.Declared;

    /// <summary>The number of bytes of a digest of <see cref="Algorithm"/>.</summary>
    public int HashLengthInBytes => HashFunction.GetLengthInBytes(Algorithm);

    /// <summary>What a hash for <paramref name="purpose"/> is when all of its parts are NULL.</summary>
    /// <param name="purpose">Key or diff.</param>
    /// <returns><see cref="AllNullKey"/> or <see cref="AllNullDiff"/>.</returns>
    public AllNullRule AllNullFor(HashPurpose purpose) => purpose == HashPurpose.Key ? AllNullKey : AllNullDiff;

    /// <summary>The casing applied to parts hashed for <paramref name="purpose"/>.</summary>
    /// <param name="purpose">Key or diff.</param>
    /// <returns><see cref="KeyCasing"/> or <see cref="DiffCasing"/>.</returns>
    public TextCasing CasingFor(HashPurpose purpose) => purpose == HashPurpose.Key ? KeyCasing : DiffCasing;

    /// <summary>
    /// Puts satellite attribute names into the order in which this standard hashes them
    /// (<see cref="DiffColumnOrder"/>). The model and the SQL writers use it, so both sides agree.
    /// </summary>
    /// <param name="declaredNames">The attribute names in declared order.</param>
    /// <returns>The indexes into <paramref name="declaredNames"/>, in hashing order.</returns>
    public int[] OrderDiffColumns(IReadOnlyList<string> declaredNames)
    {
        ArgumentNullException.ThrowIfNull(declaredNames);
        var order = Enumerable.Range(0, declaredNames.Count).ToArray();
        if (DiffColumnOrder == DiffColumnOrder.SortedByName)
        {
            // Jinja's case-insensitive |sort: compare the lower-cased names ordinally ('_' sorts before letters);
            // a stable sort, so ties keep their declared order.
            order = [.. order.OrderBy(i => declaredNames[i].ToLowerInvariant(), StringComparer.Ordinal)];
        }

        return order;
    }

    /// <summary>Checks that the rules are consistent, and throws an exception that lists every problem if not.</summary>
    /// <exception cref="ArgumentException">Some rule is invalid; the message lists each problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("Id is empty: give the standard a versioned identifier such as 'my-standard-v1'.");
        }

        if (!Enum.IsDefined(Algorithm))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Algorithm {(int)Algorithm} is not a known hash algorithm; use one of {string.Join(", ", Enum.GetNames<HashAlgorithmKind>())}."));
        }

        if (!Enum.IsDefined(OutputForm))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"OutputForm {(int)OutputForm} is not a known output form."));
        }

        if (string.IsNullOrEmpty(Delimiter))
        {
            problems.Add("Delimiter is empty: parts could run into each other; use a delimiter such as '||'.");
        }

        if (NullToken is null)
        {
            problems.Add("NullToken is null; use a token such as '^^'.");
        }

        if (Escape == EscapeRule.Backslash && (string.IsNullOrEmpty(NullToken) || NullToken.Contains(EscapeCharacter, StringComparison.Ordinal) || (Delimiter?.Contains(EscapeCharacter, StringComparison.Ordinal) ?? false)))
        {
            problems.Add("With EscapeRule.Backslash the NULL token must be non-empty and neither it nor the delimiter may contain the escape character.");
        }

        if (Escape == EscapeRule.QuoteAndReplace && (QuoteReplacement is null || NullTokenReplacement is null || DelimiterReplacement is null))
        {
            problems.Add("With EscapeRule.QuoteAndReplace the three replacement tokens must be set.");
        }

        if (!Enum.IsDefined(Escape) || !Enum.IsDefined(Trim) || !Enum.IsDefined(KeyCasing) || !Enum.IsDefined(DiffCasing) || !Enum.IsDefined(AllNullKey) || !Enum.IsDefined(AllNullDiff) || !Enum.IsDefined(DiffColumnOrder))
        {
            problems.Add("A rule has a value outside its enumeration.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Hashing standard '{Id}' is invalid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}");
        }
    }
}

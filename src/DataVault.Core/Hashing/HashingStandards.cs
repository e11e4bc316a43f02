namespace DataVault.Core.Hashing;

/// <summary>The built-in hashing standards. Each is pinned: its rules never change under its id.</summary>
public static class HashingStandards
{
    /// <summary>
    /// <c>dv2-default-v1</c>: canonical text → trim U+0020 → empty ⇒ NULL → upper-case (keys only) → escape
    /// <c>\ | ^</c> with <c>\</c>; NULL is <c>^^</c>; parts joined with <c>||</c>; an all-NULL key is the zero key;
    /// trailing NULL attributes are left out of diffs; MD5, lower-case hex. For ordinary values this is the common
    /// DV 2.0 convention (<c>UPPER(TRIM(x))</c>, <c>||</c>, <c>^^</c>), but it cannot collide on values that
    /// contain the delimiter.
    /// </summary>
    public static HashingStandard Default { get; } = new()
    {
        Id = "dv2-default-v1",
        Algorithm = HashAlgorithmKind.Md5,
        OutputForm = HashOutputForm.LowerHex,
        Delimiter = "||",
        NullToken = "^^",
        Trim = TrimRule.Spaces,
        EmptyStringIsNull = true,
        KeyCasing = TextCasing.Upper,
        DiffCasing = TextCasing.Preserve,
        Escape = EscapeRule.Backslash,
        AllNullKey = AllNullRule.Zero,
        AllNullDiff = AllNullRule.Hash,
        OmitTrailingNullDiffParts = true,
        DiffColumnOrder = DiffColumnOrder.Declared,
    };

    /// <summary>
    /// <c>automatedv-0.11-v1</c>: the default hashing of AutomateDV 0.11.4 (the <c>hash</c>, <c>standard_column_wrapper</c>
    /// and <c>null_expression</c> macros, as compiled for the PostgreSQL and Snowflake adapters, which give the same bytes).
    /// Every value <c>UPPER(TRIM(CAST(x AS VARCHAR)))</c> — keys and diffs alike —, <c>''</c> ≡ NULL, NULL → <c>^^</c>,
    /// joined with <c>||</c>, no escaping; an all-NULL key is NULL (no key); an all-NULL diff is hashed
    /// (<c>MD5('^^||^^||^^')</c>); hash-diff columns sorted by name (<see cref="HashingStandard.OrderDiffColumns"/>);
    /// MD5 as 16 raw bytes (PostgreSQL <c>DECODE(MD5(..), 'hex')</c>, Snowflake <c>BINARY(16)</c>).
    /// </summary>
    public static HashingStandard AutomateDv { get; } = new()
    {
        Id = "automatedv-0.11-v1",
        Algorithm = HashAlgorithmKind.Md5,
        OutputForm = HashOutputForm.Binary,
        Delimiter = "||",
        NullToken = "^^",
        Trim = TrimRule.Spaces,
        EmptyStringIsNull = true,
        KeyCasing = TextCasing.Upper,
        DiffCasing = TextCasing.Upper,
        Escape = EscapeRule.None,
        AllNullKey = AllNullRule.Null,
        AllNullDiff = AllNullRule.Hash,
        OmitTrailingNullDiffParts = false,
        DiffColumnOrder = DiffColumnOrder.SortedByName,
    };

    /// <summary>
    /// <c>datavault4dbt-2.0-v1</c>: the default hashing of datavault4dbt 2.0.0 (the <c>hash</c> and
    /// <c>attribute_standardise</c>/<c>concattenated_standardise</c> macros, Snowflake adapter). Each value trimmed,
    /// every <c>\</c> doubled, every <c>"</c>, <c>^^</c> and <c>||</c> replaced by <c>dv4dbt-quote-replacement</c>,
    /// <c>dv4dbt-null-replacement</c> and <c>dv4dbt-concat-replacement</c>, wrapped in <c>"</c>; NULL → <c>^^</c>
    /// (unquoted; <c>''</c> is not NULL); joined with <c>||</c>; keys upper-cased, diffs not; CR, LF, TAB and VT
    /// removed; all-NULL keys and diffs are the zero key; MD5, lower-case hex. Its PostgreSQL adapter differs only on
    /// values with two or more backslashes, quotes or equal control characters (its <c>regexp_replace</c> has no
    /// <c>'g'</c> flag): see docs/hashing.md.
    /// </summary>
    public static HashingStandard DataVault4Dbt { get; } = new()
    {
        Id = "datavault4dbt-2.0-v1",
        Algorithm = HashAlgorithmKind.Md5,
        OutputForm = HashOutputForm.LowerHex,
        Delimiter = "||",
        NullToken = "^^",
        Trim = TrimRule.Spaces,
        EmptyStringIsNull = false,
        KeyCasing = TextCasing.Upper,
        DiffCasing = TextCasing.Preserve,
        Escape = EscapeRule.QuoteAndReplace,
        EscapeCharacter = '\\',
        QuoteCharacter = '"',
        QuoteReplacement = "dv4dbt-quote-replacement",
        NullTokenReplacement = "dv4dbt-null-replacement",
        DelimiterReplacement = "dv4dbt-concat-replacement",
        RemoveControlCharacters = true,
        AllNullKey = AllNullRule.Zero,
        AllNullDiff = AllNullRule.Zero,
        OmitTrailingNullDiffParts = false,
        DiffColumnOrder = DiffColumnOrder.Declared,
    };

    /// <summary>Every built-in standard, by id.</summary>
    public static IReadOnlyDictionary<string, HashingStandard> All { get; } = new Dictionary<string, HashingStandard>(StringComparer.Ordinal)
    {
        [Default.Id] = Default,
        [AutomateDv.Id] = AutomateDv,
        [DataVault4Dbt.Id] = DataVault4Dbt,
    };

    /// <summary>Finds a built-in standard by its id.</summary>
    /// <param name="id">The id, e.g. <c>dv2-default-v1</c>.</param>
    /// <returns>The standard.</returns>
    /// <exception cref="KeyNotFoundException">No built-in standard has that id; the message lists the known ones.</exception>
    public static HashingStandard Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.TryGetValue(id, out var standard)
            ? standard
            : throw new KeyNotFoundException($"There is no built-in hashing standard '{id}'. Known: {string.Join(", ", All.Keys)}.");
    }
}

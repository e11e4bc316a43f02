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
        AllNullKey = AllNullKeyRule.ZeroKey,
        OmitTrailingNullDiffParts = true,
        DiffColumnOrder = DiffColumnOrder.Declared,
    };

    /// <summary>Every built-in standard, by id.</summary>
    public static IReadOnlyDictionary<string, HashingStandard> All { get; } = new Dictionary<string, HashingStandard>(StringComparer.Ordinal)
    {
        [Default.Id] = Default,
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

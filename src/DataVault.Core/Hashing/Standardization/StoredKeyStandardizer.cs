namespace DataVault.Core.Hashing.Standardization;

/// <summary>
/// The standardised value of a text business key, as a hub stores it (<see cref="Modeling.StandardizedKeyStorage"/>):
/// the key plan of its hashing standard — trim, empty as NULL, casing, removed characters — without the steps that only
/// encode the hash input (escaping, replacements, quoting). Running the plan again on the result changes nothing, so a
/// key stored standardised hashes as the delivered one did.
/// </summary>
internal struct StoredKeyStandardizer : IStandardizationInterpreter<string?>
{
    /// <summary>The standardised value of <paramref name="value"/> under <paramref name="standard"/>'s key plan.</summary>
    public static string? Standardize(HashingStandard standard, string? value)
    {
        var interpreter = default(StoredKeyStandardizer);
        return Hashers.For(standard).PlanFor(HashPurpose.Key).Run(ref interpreter, value);
    }

    /// <inheritdoc />
    public readonly string? TrimSpaces(string? value) => value?.Trim(' ');

    /// <inheritdoc />
    public readonly string? EmptyToNull(string? value) => value is { Length: 0 } ? null : value;

    /// <inheritdoc />
    public readonly string? Escape(string? value, char escapeCharacter, string characters) => value;

    /// <inheritdoc />
    public readonly string? Replace(string? value, string token, string replacement) => value;

    /// <inheritdoc />
    public readonly string? Wrap(string? value, char quote) => value;

    /// <inheritdoc />
    public readonly string? Upper(string? value) => value is null ? null : UnicodeCasing.ToUpper(value);

    /// <inheritdoc />
    public readonly string? RemoveCharacters(string? value, string characters) =>
        value is null || value.AsSpan().IndexOfAny(characters) < 0 ? value : string.Concat(value.Where(c => !characters.Contains(c, StringComparison.Ordinal)));
}

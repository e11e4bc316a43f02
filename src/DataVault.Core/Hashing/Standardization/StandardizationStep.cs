namespace DataVault.Core.Hashing.Standardization;

/// <summary>The kinds of <see cref="StandardizationStep"/>; each is one method of <see cref="IStandardizationInterpreter{TValue}"/>.</summary>
internal enum StandardizationStepKind
{
    /// <summary>Leading and trailing U+0020 removed (SQL <c>TRIM</c>).</summary>
    TrimSpaces,

    /// <summary>An empty text becomes NULL.</summary>
    EmptyToNull,

    /// <summary>Each of <see cref="StandardizationStep.Characters"/> is preceded by <see cref="StandardizationStep.Character"/>.</summary>
    Escape,

    /// <summary>Every non-overlapping occurrence of <see cref="StandardizationStep.Token"/>, left to right, becomes <see cref="StandardizationStep.Replacement"/> (SQL <c>REPLACE</c>).</summary>
    Replace,

    /// <summary>The text is wrapped in <see cref="StandardizationStep.Character"/> on both sides.</summary>
    Wrap,

    /// <summary>The simple Unicode upper-case mapping (<see cref="UnicodeCasing"/>).</summary>
    Upper,

    /// <summary>Each of <see cref="StandardizationStep.Characters"/> is removed.</summary>
    RemoveCharacters,
}

/// <summary>
/// One step of a <see cref="StandardizationPlan"/>: what it does and its constants. Steps are data; the interpreters
/// (<see cref="IStandardizationInterpreter{TValue}"/>) give them meaning — in C# on spans, in SQL as primitives.
/// </summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Character">The escape character (<see cref="StandardizationStepKind.Escape"/>) or the quote (<see cref="StandardizationStepKind.Wrap"/>).</param>
/// <param name="Characters">The characters escaped or removed.</param>
/// <param name="Token">The text replaced.</param>
/// <param name="Replacement">What replaces it.</param>
internal sealed record StandardizationStep(StandardizationStepKind Kind, char Character = '\0', string Characters = "", string Token = "", string Replacement = "")
{
    /// <summary>The characters whose presence in a value makes this step change more than casing and wrapping.</summary>
    public string SpecialCharacters => Kind switch
    {
        StandardizationStepKind.Escape or StandardizationStepKind.RemoveCharacters => Characters,
        StandardizationStepKind.Replace => Token,
        _ => string.Empty,
    };

    /// <summary>The step as docs/hashing.md writes it, e.g. <c>escape \ | ^ with \</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        StandardizationStepKind.TrimSpaces => "trim spaces",
        StandardizationStepKind.EmptyToNull => "empty ⇒ NULL",
        StandardizationStepKind.Escape => $"escape {string.Join(' ', Characters.Select(Show))} with {Show(Character)}",
        StandardizationStepKind.Replace => $"replace {Show(Token)} by {Show(Replacement)}",
        StandardizationStepKind.Wrap => $"wrap in {Show(Character)}",
        StandardizationStepKind.Upper => "upper-case",
        StandardizationStepKind.RemoveCharacters => $"remove {string.Join(' ', Characters.Select(Show))}",
        _ => Kind.ToString(),
    };

    private static string Show(char c) => c switch
    {
        '\r' => "CR",
        '\n' => "LF",
        '\t' => "TAB",
        '\v' => "VT",
        _ => c.ToString(),
    };

    private static string Show(string text) => text.Length == 1 ? Show(text[0]) : text;
}

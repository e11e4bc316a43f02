using System.Buffers;
using System.Text;

namespace DataVault.Core.Hashing.Standardization;

/// <summary>
/// How one part of a hash key or hash diff is standardised under a <see cref="HashingStandard"/>, after its canonical
/// text and before the NULL token and the join: an ordered list of steps, built once per standard and purpose, and
/// read by both interpreters — the C# span path (<see cref="SpanStandardizer"/>) and the SQL writer — so the two can
/// never apply the rules in different orders.
/// </summary>
/// <remarks>
/// The order is: trim → empty ⇒ NULL → escape (or datavault4dbt's replacements, then the quotes) → upper-case →
/// control characters removed. docs/hashing.md lists the plan of every built-in standard (a test keeps it true).
/// </remarks>
internal sealed class StandardizationPlan
{
    private StandardizationPlan(HashingStandard standard, HashPurpose purpose, IReadOnlyList<StandardizationStep> steps)
    {
        Standard = standard;
        Purpose = purpose;
        Steps = steps;
        TrimsSpaces = steps.Count > 0 && steps[0].Kind == StandardizationStepKind.TrimSpaces;
        var leading = TrimsSpaces ? 1 : 0;
        EmptyIsNull = steps.Count > leading && steps[leading].Kind == StandardizationStepKind.EmptyToNull;
        FirstTransform = leading + (EmptyIsNull ? 1 : 0);
        SpecialCharacters = SearchValues.Create(string.Concat(steps.Select(s => s.SpecialCharacters).Distinct()));
        Upper = steps.Any(s => s.Kind == StandardizationStepKind.Upper);
        FastPathWrap = FastWrap(steps, FirstTransform, out var simple);
        HasFastPath = simple;
    }

    /// <summary>The standard.</summary>
    public HashingStandard Standard { get; }

    /// <summary>Key or diff.</summary>
    public HashPurpose Purpose { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<StandardizationStep> Steps { get; }

    /// <summary>Whether the first step trims spaces (the span path slices instead of copying).</summary>
    public bool TrimsSpaces { get; }

    /// <summary>Whether empty text is NULL right after trimming (the span path decides before writing anything).</summary>
    public bool EmptyIsNull { get; }

    /// <summary>The index of the first step after the leading trim and empty ⇒ NULL.</summary>
    public int FirstTransform { get; }

    /// <summary>Characters whose presence sends a value down the general path: those escaped, replaced or removed.</summary>
    public SearchValues<char> SpecialCharacters { get; }

    /// <summary>Whether the plan upper-cases.</summary>
    public bool Upper { get; }

    /// <summary>
    /// Whether text with none of <see cref="SpecialCharacters"/> is standardised by <see cref="FastPathWrap"/> around it
    /// and upper-casing alone (true for every plan a <see cref="HashingStandard"/> yields).
    /// </summary>
    public bool HasFastPath { get; }

    /// <summary>The UTF-8 bytes written before and after such text: the quote of a wrap step as the later steps leave it, or nothing.</summary>
    public byte[] FastPathWrap { get; }

    /// <summary>The plan of <paramref name="standard"/> for <paramref name="purpose"/>.</summary>
    /// <param name="standard">The standard (validated by the caller).</param>
    /// <param name="purpose">Key or diff: the casing differs.</param>
    /// <returns>The plan.</returns>
    public static StandardizationPlan For(HashingStandard standard, HashPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var steps = new List<StandardizationStep>();
        if (standard.Trim == TrimRule.Spaces)
        {
            steps.Add(new(StandardizationStepKind.TrimSpaces));
        }

        if (standard.EmptyStringIsNull)
        {
            steps.Add(new(StandardizationStepKind.EmptyToNull));
        }

        var escape = standard.EscapeCharacter;
        switch (standard.Escape)
        {
            case EscapeRule.Backslash:
                // The escape character first, so that no escape written for a later character is escaped again.
                steps.Add(new(StandardizationStepKind.Escape, escape, string.Concat((escape + standard.Delimiter + standard.NullToken).Distinct())));
                break;
            case EscapeRule.QuoteAndReplace:
                // datavault4dbt's nested REPLACE calls, in their order, then the quotes.
                steps.Add(new(StandardizationStepKind.Replace, Token: escape.ToString(), Replacement: new string(escape, 2)));
                steps.Add(new(StandardizationStepKind.Replace, Token: standard.QuoteCharacter.ToString(), Replacement: standard.QuoteReplacement));
                steps.Add(new(StandardizationStepKind.Replace, Token: standard.NullToken, Replacement: standard.NullTokenReplacement));
                steps.Add(new(StandardizationStepKind.Replace, Token: standard.Delimiter, Replacement: standard.DelimiterReplacement));
                steps.Add(new(StandardizationStepKind.Wrap, standard.QuoteCharacter));
                break;
        }

        if (standard.CasingFor(purpose) == TextCasing.Upper)
        {
            // After escaping, as SQL upper-cases the standardised text: replacement tokens are upper-cased in keys.
            steps.Add(new(StandardizationStepKind.Upper));
        }

        if (standard.RemoveControlCharacters)
        {
            steps.Add(new(StandardizationStepKind.RemoveCharacters, Characters: HashingStandard.ControlCharacters));
        }

        return new StandardizationPlan(standard, purpose, steps);
    }

    /// <summary>Runs the steps from <paramref name="first"/> on over <paramref name="value"/>.</summary>
    /// <typeparam name="TInterpreter">The interpreter.</typeparam>
    /// <typeparam name="TValue">Its value.</typeparam>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="value">The value after the steps before <paramref name="first"/>.</param>
    /// <param name="first">The first step to run.</param>
    /// <returns>The standardised value.</returns>
    public TValue Run<TInterpreter, TValue>(ref TInterpreter interpreter, TValue value, int first = 0)
        where TInterpreter : IStandardizationInterpreter<TValue>, allows ref struct
    {
        for (var i = first; i < Steps.Count; i++)
        {
            var step = Steps[i];
            value = step.Kind switch
            {
                StandardizationStepKind.TrimSpaces => interpreter.TrimSpaces(value),
                StandardizationStepKind.EmptyToNull => interpreter.EmptyToNull(value),
                StandardizationStepKind.Escape => interpreter.Escape(value, step.Character, step.Characters),
                StandardizationStepKind.Replace => interpreter.Replace(value, step.Token, step.Replacement),
                StandardizationStepKind.Wrap => interpreter.Wrap(value, step.Character),
                StandardizationStepKind.Upper => interpreter.Upper(value),
                StandardizationStepKind.RemoveCharacters => interpreter.RemoveCharacters(value, step.Characters),
                _ => throw new InvalidOperationException($"Unknown standardisation step {step.Kind}."),
            };
        }

        return value;
    }

    /// <summary>The plan as docs/hashing.md writes it: the steps joined with <c> → </c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Steps.Count == 0 ? "(no step)" : string.Join(" → ", Steps);

    /// <summary>
    /// The wrap of the fast path: the steps after the leading ones must be replacements or escapes (which do nothing to
    /// text without their characters), at most one wrap, an upper-casing and removals, with nothing but casing and
    /// removal after the wrap; the quote is written as those later steps leave it.
    /// </summary>
    private static byte[] FastWrap(IReadOnlyList<StandardizationStep> steps, int first, out bool simple)
    {
        simple = true;
        string? quote = null;
        foreach (var step in steps.Skip(first))
        {
            switch (step.Kind)
            {
                case StandardizationStepKind.Escape or StandardizationStepKind.Replace when quote is null:
                    break;
                case StandardizationStepKind.Wrap when quote is null:
                    quote = step.Character.ToString();
                    break;
                case StandardizationStepKind.Upper:
                    quote = quote is null ? null : UnicodeCasing.ToUpper(quote);
                    break;
                case StandardizationStepKind.RemoveCharacters:
                    quote = quote is null ? null : string.Concat(quote.Where(c => !step.Characters.Contains(c, StringComparison.Ordinal)));
                    break;
                default:
                    simple = false;
                    return [];
            }
        }

        return quote is null ? [] : Encoding.UTF8.GetBytes(quote);
    }
}

namespace DataVault.Core.Hashing;

/// <summary>How a value is protected from imitating the delimiter or the NULL token.</summary>
public enum EscapeRule
{
    /// <summary>
    /// Values are joined as they are. A value may then contain the delimiter or equal the NULL token, so
    /// different rows can produce the same input (the behaviour of most dbt packages).
    /// </summary>
    None = 0,

    /// <summary>
    /// The escape character (<c>\</c>) and every character of the delimiter and of the NULL token are preceded
    /// by the escape character: <c>\</c> → <c>\\</c>, <c>|</c> → <c>\|</c>, <c>^</c> → <c>\^</c>. No value can
    /// then imitate the delimiter or the NULL token.
    /// </summary>
    Backslash = 1,

    /// <summary>
    /// The datavault4dbt rule: inside each value every <c>\</c> is doubled, then every quote character, every
    /// occurrence of the NULL token and every occurrence of the delimiter is replaced by its replacement token
    /// (in that order, as nested SQL <c>REPLACE</c> calls), and the value is wrapped in quote characters. A NULL
    /// part stays the bare NULL token.
    /// </summary>
    QuoteAndReplace = 2,
}

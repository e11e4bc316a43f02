namespace DataVault.Core.Hashing;

/// <summary>The casing a standard applies to the text of each part before hashing.</summary>
public enum TextCasing
{
    /// <summary>Text is hashed as it is: a change of case is a change.</summary>
    Preserve = 0,

    /// <summary>
    /// Text is upper-cased with the culture-independent simple (one-to-one) Unicode mapping
    /// (<see cref="System.Text.Rune.ToUpperInvariant(System.Text.Rune)"/>): <c>ß</c> stays <c>ß</c>.
    /// </summary>
    Upper = 1,
}

using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// The expression primitives of a dialect, from which the statement writers compose in-database hashing and the
/// business vault's date arithmetic: canonical text per type, trim, empty ⇒ NULL, upper-case, replace, concatenation,
/// the hash function, hex and binary, and two date expressions. The defaults are standard SQL; a dialect overrides the
/// ones its engine writes differently. Constants come from the dialect's <see cref="SqlQuoter"/>.
/// </summary>
public abstract class SqlPrimitives : SqlDialectRole
{
    /// <summary>The quoter of the dialect (for the standard's constants).</summary>
    protected SqlQuoter Quoter => Dialect.Quoter;

    /// <summary>
    /// The SQL expression of the canonical text of a typed value (docs/hashing.md, "Canonical text"): NULL stays NULL.
    /// Never a bare <c>CAST(x AS VARCHAR)</c>, whose output depends on session settings.
    /// </summary>
    /// <param name="expression">The value's SQL expression (e.g. a quoted column).</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression.</returns>
    public abstract string CanonicalText(string expression, DataType type);

    /// <summary>Removes leading and trailing U+0020 spaces only (default <c>TRIM(x)</c>).</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The trimmed expression.</returns>
    public virtual string TrimSpaces(string expression) => $"TRIM({expression})";

    /// <summary>NULL when the text has no characters, else the text (default <c>NULLIF(x, '')</c>).</summary>
    /// <param name="expression">A text expression.</param>
    /// <param name="trimmed">
    /// Whether the text was just trimmed of spaces: an engine that pads strings before comparing them (T-SQL) can then
    /// still compare with <c>''</c>.
    /// </param>
    /// <returns>The expression.</returns>
    public virtual string NullIfEmpty(string expression, bool trimmed) => $"NULLIF({expression}, '')";

    /// <summary>Upper-cases text (default <c>UPPER(x)</c>); see <see cref="DialectCapabilities.UnicodeUpper"/>.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The upper-cased expression.</returns>
    public virtual string Upper(string expression) => $"UPPER({expression})";

    /// <summary>Every occurrence of a constant of the standard replaced by another (default <c>REPLACE(x, 'a', 'b')</c>).</summary>
    /// <param name="expression">A text expression.</param>
    /// <param name="oldValue">The constant to replace.</param>
    /// <param name="newValue">Its replacement.</param>
    /// <returns>The expression.</returns>
    public virtual string Replace(string expression, string oldValue, string newValue) =>
        $"REPLACE({expression}, {Quoter.StringLiteral(oldValue)}, {Quoter.StringLiteral(newValue)})";

    /// <summary>Every occurrence of a control character removed (default <c>REPLACE(x, CHR(n), '')</c>).</summary>
    /// <param name="expression">A text expression.</param>
    /// <param name="character">The character.</param>
    /// <returns>The expression.</returns>
    public virtual string RemoveCharacter(string expression, char character) => $"REPLACE({expression}, {Quoter.ControlCharacterLiteral(character)}, '')";

    /// <summary>Concatenates text; the result is NULL when any part is NULL (default <c>(a || b || ...)</c>).</summary>
    /// <param name="parts">Text expressions.</param>
    /// <returns>The concatenation.</returns>
    public virtual string Concat(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" || ", parts) + ")";
    }

    /// <summary>The lower-case hex digest of the UTF-8 bytes of a text expression.</summary>
    /// <param name="algorithm">The algorithm (one of <see cref="DialectCapabilities.InDatabaseHashAlgorithms"/>).</param>
    /// <param name="input">The text expression (never NULL where it is called).</param>
    /// <returns>A text expression of the hex digest.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">The engine cannot compute <paramref name="algorithm"/>.</exception>
    public abstract string HashHex(HashAlgorithmKind algorithm, string input);

    /// <summary>Upper-case hex from lower-case hex (default <c>UPPER(x)</c>).</summary>
    /// <param name="hex">A hex text expression.</param>
    /// <returns>The expression.</returns>
    public virtual string UpperHex(string hex) => $"UPPER({hex})";

    /// <summary>Converts a hex text expression into binary (e.g. PostgreSQL <c>decode(x, 'hex')</c>).</summary>
    /// <param name="hex">A hex text expression.</param>
    /// <returns>A binary expression.</returns>
    public abstract string HexToBinary(string hex);

    /// <summary>A binary literal of <paramref name="length"/> zero bytes (default <c>X'00…'</c>).</summary>
    /// <param name="length">The length in bytes.</param>
    /// <returns>The literal.</returns>
    public virtual string ZeroBinaryLiteral(int length) => "X'" + new string('0', 2 * length) + "'";

    /// <summary>A date parameter as a date expression (default <c>CAST(@name AS DATE)</c>).</summary>
    /// <param name="placeholder">The parameter's placeholder.</param>
    /// <returns>The expression.</returns>
    public virtual string DateParameter(string placeholder) => $"CAST({placeholder} AS DATE)";

    /// <summary>The date after a date expression, as a date (default <c>CAST(x + INTERVAL '1' DAY AS DATE)</c>).</summary>
    /// <param name="expression">A date expression.</param>
    /// <returns>The expression.</returns>
    public virtual string NextDay(string expression) => $"CAST({expression} + INTERVAL '1' DAY AS DATE)";

    /// <summary>
    /// The first <paramref name="count"/> rows of an ordered query (default <c>… LIMIT n</c>), so that a reader that stops
    /// early never makes the provider drain the rest. The count is the library's own constant, never a data value.
    /// </summary>
    /// <param name="orderedQuery">A query ending in its <c>ORDER BY</c>.</param>
    /// <param name="count">How many rows, at least 1.</param>
    /// <returns>The query.</returns>
    public virtual string FirstRows(string orderedQuery, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{orderedQuery} LIMIT {count}");
    }
}

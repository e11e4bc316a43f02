using System.Globalization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// The quoter of a dialect: how identifiers, parameter placeholders and the hashing standard's constants are written.
/// Configured with data (the defaults are standard SQL: <c>"name"</c>, <c>@name</c>, <c>CHR(n)</c>, 128 characters);
/// derive from it only where literals differ.
/// </summary>
/// <remarks>
/// Every identifier passes <see cref="Identifiers.EnsureSafe"/> and is then quoted, never escaped; every data value
/// is a parameter. The only literals are the standard's constants (delimiter, NULL token, escape character).
/// </remarks>
public class SqlQuoter : SqlDialectRole
{
    private readonly string _placeholderPrefix = "@";

    /// <summary>The character that opens a quoted identifier (default <c>"</c>).</summary>
    public char OpenQuote { get; init; } = '"';

    /// <summary>The character that closes a quoted identifier (default <c>"</c>).</summary>
    public char CloseQuote { get; init; } = '"';

    /// <summary>What a named parameter's placeholder starts with: <c>@</c> (default), <c>:</c> or <c>$</c>.</summary>
    /// <exception cref="ArgumentException">Another prefix.</exception>
    public string PlaceholderPrefix
    {
        get => _placeholderPrefix;
        init => _placeholderPrefix = value is "@" or ":" or "$" ? value : throw new ArgumentException($"'{value}' is not a placeholder prefix this library writes: use @, : or $.", nameof(value));
    }

    /// <summary>
    /// Whether an ADO.NET parameter is named by its placeholder (<c>@name</c>) rather than its bare name. SQLite binds
    /// fastest that way: otherwise its provider tries every prefix against every parameter.
    /// </summary>
    public bool BindsByPlaceholder { get; init; }

    /// <summary>The longest identifier the engine accepts, in bytes (default 128).</summary>
    public int MaxIdentifierLength { get; init; } = 128;

    /// <summary>The function that makes a one-character string of a code point, as a format: <c>CHR({0})</c> (default).</summary>
    public string CharacterFunction { get; init; } = "CHR({0})";

    /// <summary>What a string constant starts with before its opening quote, e.g. <c>N</c> for Unicode literals (default nothing).</summary>
    public string StringLiteralPrefix { get; init; } = string.Empty;

    /// <summary>Validates and quotes an identifier.</summary>
    /// <param name="identifier">A safe identifier.</param>
    /// <returns>The quoted identifier.</returns>
    /// <exception cref="ArgumentException">The identifier is not safe; it is never escaped into SQL.</exception>
    public string QuoteIdentifier(string identifier)
    {
        Identifiers.EnsureSafe(identifier, nameof(identifier));
        return OpenQuote + identifier + CloseQuote;
    }

    /// <summary>Validates and quotes a table or view name, in its schema when it has one: <c>"schema"."table"</c> or <c>"table"</c>.</summary>
    /// <param name="schema">The schema, or <see langword="null"/> for the default schema.</param>
    /// <param name="name">The table or view.</param>
    /// <returns>The quoted, qualified name.</returns>
    /// <exception cref="ArgumentException">The schema or the name is not safe; a dotted name is never split.</exception>
    public string QuoteTable(string? schema, string name) =>
        schema is null ? QuoteIdentifier(name) : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);

    /// <summary>The placeholder of a named parameter in SQL text, e.g. <c>@name</c>.</summary>
    /// <param name="name">The parameter name (a safe identifier).</param>
    /// <returns>The placeholder.</returns>
    public string ParameterPlaceholder(string name)
    {
        Identifiers.EnsureSafe(name, nameof(name));
        return PlaceholderPrefix + name;
    }

    /// <summary>The <see cref="System.Data.Common.DbParameter.ParameterName"/> that binds a named parameter (see <see cref="BindsByPlaceholder"/>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The name to give the ADO.NET parameter.</returns>
    public string ParameterName(string name) => BindsByPlaceholder ? ParameterPlaceholder(name) : name;

    /// <summary>
    /// Writes a constant of the hashing standard as a SQL literal (default: single quotes doubled, after
    /// <see cref="StringLiteralPrefix"/>). Never used for data values, which are always parameters.
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <returns>The literal.</returns>
    /// <exception cref="ArgumentException">The constant holds a control character (see <see cref="ControlCharacterLiteral"/>).</exception>
    public virtual string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw ControlCharacterInLiteral(c, nameof(value));
            }
        }

        return StringLiteralPrefix + "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A one-character string of a control character (CR, LF, TAB, VT) through <see cref="CharacterFunction"/>, e.g. <c>CHR(10)</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The SQL expression.</returns>
    public virtual string ControlCharacterLiteral(char c) => string.Format(CultureInfo.InvariantCulture, CharacterFunction, (int)c);

    /// <summary>The exception for a control character inside a plain literal.</summary>
    /// <param name="c">The character.</param>
    /// <param name="paramName">The parameter that held the constant.</param>
    /// <returns>The exception, to throw.</returns>
    protected ArgumentException ControlCharacterInLiteral(int c, string paramName) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Dialect.Name}: a control character (U+{c:X4}) cannot be written as a plain literal; use {nameof(ControlCharacterLiteral)}."), paramName);
}

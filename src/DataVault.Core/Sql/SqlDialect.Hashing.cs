using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// In-database hashing: a hashing standard written as SQL, so that the engine computes exactly the bytes the C#
/// engine computes. The composition (trim → empty ⇒ NULL → escape → casing → control characters → NULL token →
/// join → hash → all-NULL rule) is here; a dialect supplies the primitives: canonical text per type, <c>UPPER</c>,
/// concatenation, the hash function and hex/binary conversion.
/// </summary>
public abstract partial class SqlDialect
{
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

    /// <summary>Upper-cases text (default <c>UPPER(x)</c>); see <see cref="DialectCapabilities.UnicodeUpper"/>.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The upper-cased expression.</returns>
    public virtual string Upper(string expression) => $"UPPER({expression})";

    /// <summary>Concatenates text; the result is NULL when any part is NULL (default <c>(a || b || ...)</c>).</summary>
    /// <param name="parts">Text expressions.</param>
    /// <returns>The concatenation.</returns>
    public virtual string Concat(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" || ", parts) + ")";
    }

    /// <summary>The lower-case hex digest of the UTF-8 bytes of a text expression.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="input">The text expression (never NULL where it is called).</param>
    /// <returns>A text expression of the hex digest.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">The engine cannot compute <paramref name="algorithm"/>.</exception>
    public abstract string HashHex(HashAlgorithmKind algorithm, string input);

    /// <summary>Converts a hex text expression into binary (e.g. PostgreSQL <c>decode(x, 'hex')</c>).</summary>
    /// <param name="hex">A hex text expression.</param>
    /// <returns>A binary expression.</returns>
    public abstract string HexToBinary(string hex);

    /// <summary>A binary literal of <paramref name="length"/> zero bytes (default <c>X'00…'</c>).</summary>
    /// <param name="length">The length in bytes.</param>
    /// <returns>The literal.</returns>
    public virtual string ZeroBinaryLiteral(int length) => "X'" + new string('0', 2 * length) + "'";

    /// <summary>
    /// One part of a key or diff, standardised: canonical text, trimmed, empty ⇒ NULL, escaped, cased and cleaned as
    /// <paramref name="standard"/> says. NULL when the part is NULL.
    /// </summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff (the casing differs).</param>
    /// <param name="expression">The value's SQL expression.</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression.</returns>
    public virtual string StandardizedPart(HashingStandard standard, HashPurpose purpose, string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var text = CanonicalText(expression, type);
        if (standard.Trim == TrimRule.Spaces)
        {
            text = TrimSpaces(text);
        }

        if (standard.EmptyStringIsNull)
        {
            text = $"NULLIF({text}, '')";
        }

        switch (standard.Escape)
        {
            case EscapeRule.Backslash:
                var escape = standard.EscapeCharacter.ToString();
                foreach (var c in (escape + standard.Delimiter + standard.NullToken).Distinct())
                {
                    text = Replace(text, c.ToString(), escape + c);
                }

                break;
            case EscapeRule.QuoteAndReplace:
                text = Replace(text, standard.EscapeCharacter.ToString(), new string(standard.EscapeCharacter, 2));
                text = Replace(text, standard.QuoteCharacter.ToString(), standard.QuoteReplacement);
                text = Replace(text, standard.NullToken, standard.NullTokenReplacement);
                text = Replace(text, standard.Delimiter, standard.DelimiterReplacement);
                var quote = StringLiteral(standard.QuoteCharacter.ToString());
                text = Concat([quote, text, quote]);
                break;
            case EscapeRule.None:
                break;
            default:
                throw Unsupported("escape rule " + standard.Escape, "unknown escape rule");
        }

        if (standard.CasingFor(purpose) == TextCasing.Upper)
        {
            text = Upper(text);
        }

        if (standard.RemoveControlCharacters)
        {
            foreach (var c in HashingStandard.ControlCharacters)
            {
                text = $"REPLACE({text}, {ControlCharacterLiteral(c)}, '')";
            }
        }

        return text;
    }

    /// <summary>
    /// Joins standardised parts (from <see cref="StandardizedPart"/>) with the delimiter, NULL parts as the NULL token
    /// (a diff's trailing NULLs left out where the standard says so), hashes the result and applies the all-NULL rule,
    /// in the standard's output form.
    /// </summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="parts">Standardised part expressions, in hashing order.</param>
    /// <returns>An expression of the stored key or diff.</returns>
    public virtual string HashOfParts(HashingStandard standard, HashPurpose purpose, IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("A hash needs at least one part.", nameof(parts));
        }

        if (!Capabilities.InDatabaseHashAlgorithms.Contains(standard.Algorithm))
        {
            throw Unsupported($"in-database {standard.Algorithm} hashing", standard.Algorithm == HashAlgorithmKind.XxHash128
                ? "xxHash128 is client-side only; compute keys with the C# engine (DataVaultHasher)."
                : "the engine has no such function; compute keys with the C# engine (DataVaultHasher), or choose another algorithm.");
        }

        var token = StringLiteral(standard.NullToken);
        var delimiter = StringLiteral(standard.Delimiter);
        string AllNullFrom(int index) => string.Join(" AND ", parts.Skip(index).Select(p => $"{p} IS NULL"));
        string Coalesced(int index) => $"COALESCE({parts[index]}, {token})";

        string input;
        if (purpose == HashPurpose.Diff && standard.OmitTrailingNullDiffParts)
        {
            var pieces = new List<string>();
            for (var i = 0; i < parts.Count; i++)
            {
                var piece = i == 0 ? Coalesced(i) : Concat([delimiter, Coalesced(i)]);
                pieces.Add($"CASE WHEN {AllNullFrom(i)} THEN '' ELSE {piece} END");
            }

            input = Concat(pieces);
        }
        else
        {
            input = Concat([.. parts.SelectMany((_, i) => i == 0 ? [Coalesced(i)] : new[] { delimiter, Coalesced(i) })]);
        }

        var hex = HashHex(standard.Algorithm, input);
        var length = standard.HashLengthInBytes;
        var (value, zero) = standard.OutputForm switch
        {
            HashOutputForm.LowerHex => (hex, StringLiteral(new string('0', 2 * length))),
            HashOutputForm.UpperHex => ($"UPPER({hex})", StringLiteral(new string('0', 2 * length))),
            HashOutputForm.Binary => (HexToBinary(hex), ZeroBinaryLiteral(length)),
            _ => throw Unsupported("output form " + standard.OutputForm, "unknown output form"),
        };

        return standard.AllNullFor(purpose) switch
        {
            AllNullRule.Zero => $"CASE WHEN {AllNullFrom(0)} THEN {zero} ELSE {value} END",
            AllNullRule.Null => $"CASE WHEN {AllNullFrom(0)} THEN NULL ELSE {value} END",
            _ => value,
        };
    }

    /// <summary>The whole hash of typed value expressions: <see cref="StandardizedPart"/> of each, then <see cref="HashOfParts"/>.</summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="parts">The value expressions and their types, in hashing order.</param>
    /// <returns>An expression of the stored key or diff.</returns>
    public string HashExpression(HashingStandard standard, HashPurpose purpose, IReadOnlyList<(string Expression, DataType Type)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return HashOfParts(standard, purpose, [.. parts.Select(p => StandardizedPart(standard, purpose, p.Expression, p.Type))]);
    }

    /// <summary>
    /// A query that hashes the rows of a table in the database: <c>SELECT id, hash FROM (SELECT id, part1, ...) ORDER BY id</c>.
    /// The standardised parts are computed once in the inner query, so the SQL stays small for wide rows.
    /// </summary>
    /// <param name="table">The table holding the values.</param>
    /// <param name="idColumn">A column identifying the row, returned first.</param>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="columns">The value columns, in hashing order.</param>
    /// <returns>The query; its second column is named <c>dv_hash</c>.</returns>
    public virtual SqlStatement SelectHashes(string table, string idColumn, HashingStandard standard, HashPurpose purpose, IReadOnlyList<ColumnDefinition> columns)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(columns);
        var id = QuoteIdentifier(idColumn);
        var aliases = columns.Select((_, i) => QuoteIdentifier("dv_p" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var inner = string.Join(", ", columns.Select((c, i) => $"{StandardizedPart(standard, purpose, "t." + QuoteIdentifier(c.Name), c.Type)} AS {aliases[i]}"));
        var hash = HashOfParts(standard, purpose, [.. aliases.Select(a => "q." + a)]);
        return SqlStatement.Of(
            $"SELECT q.{id}, {hash} AS {QuoteIdentifier("dv_hash")}{Environment.NewLine}" +
            $"FROM (SELECT t.{id}, {inner} FROM {QuoteIdentifier(table)} t) q{Environment.NewLine}" +
            $"ORDER BY q.{id}");
    }

    /// <summary>SQL <c>REPLACE</c> of a constant of the standard by another.</summary>
    /// <param name="expression">A text expression.</param>
    /// <param name="oldValue">The constant to replace.</param>
    /// <param name="newValue">Its replacement.</param>
    /// <returns>The expression.</returns>
    protected virtual string Replace(string expression, string oldValue, string newValue) => $"REPLACE({expression}, {StringLiteral(oldValue)}, {StringLiteral(newValue)})";
}

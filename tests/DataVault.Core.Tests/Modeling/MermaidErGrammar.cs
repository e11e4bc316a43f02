using System.Text.RegularExpressions;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// A checker for the part of Mermaid's <c>erDiagram</c> grammar that <c>DataVaultModel.ToMermaid()</c> writes, after
/// Mermaid's lexer and parser (packages/mermaid/src/diagrams/er/parser/erDiagram.jison, Mermaid 11):
/// <list type="bullet">
/// <item>the first line is <c>erDiagram</c>;</item>
/// <item>an entity is <c>ENTITY_NAME {</c> … <c>}</c>, where a name is quoted (<c>"[^"%\r\n\v\b\\]+"</c>) or a bare
/// word that is not one of the lexer's keywords (<c>to</c>, <c>one</c>, <c>many</c>, <c>end</c>, <c>class</c>, ...);</item>
/// <item>an attribute is <c>type name [KEY[, KEY]...] ["comment"]</c>: type and name are attribute words
/// (<c>[*A-Za-z_][A-Za-z0-9\-_\[\]\(\)\.,*]*</c>) or backticked; the lexer reads <c>PK</c>, <c>FK</c> and <c>UK</c>
/// (case-insensitively, as whole words) as key markers before it tries a word, so a bare <c>pk</c> cannot be a
/// name; a comment is <c>"[^"]*"</c>;</item>
/// <item>a relationship is <c>ENTITY CARD--CARD ENTITY : label</c> with a quoted or bare label.</item>
/// </list>
/// </summary>
internal static partial class MermaidErGrammar
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "erDiagram", "to", "one", "many", "end", "class", "classDef", "style", "subgraph", "u", "o", "title", "accTitle", "accDescr", "direction",
    };

    /// <summary>Parses a diagram.</summary>
    /// <param name="text">The Mermaid text.</param>
    /// <returns>The entities (name → attributes) and the relationships, in order.</returns>
    /// <exception cref="FormatException">A line does not follow the grammar; the message says which and why.</exception>
    public static Diagram Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (lines[0] != "erDiagram")
        {
            throw new FormatException($"The first line must be 'erDiagram', not '{lines[0]}'.");
        }

        var entities = new Dictionary<string, List<ErAttribute>>(StringComparer.Ordinal);
        var order = new List<string>();
        var relationships = new List<Relationship>();
        List<ErAttribute>? current = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (current is not null)
            {
                if (line == "}")
                {
                    current = null;
                    continue;
                }

                current.Add(ParseAttribute(line, i + 1));
                continue;
            }

            if (EntityStart().Match(line) is { Success: true } start)
            {
                var name = EntityName(start.Groups["name"].Value, i + 1);
                if (entities.ContainsKey(name))
                {
                    throw new FormatException($"Line {i + 1}: entity '{name}' is declared twice.");
                }

                current = [];
                entities[name] = current;
                order.Add(name);
                continue;
            }

            if (RelationshipLine().Match(line) is { Success: true } relation)
            {
                relationships.Add(new Relationship(
                    EntityName(relation.Groups["left"].Value, i + 1),
                    relation.Groups["card"].Value,
                    EntityName(relation.Groups["right"].Value, i + 1),
                    Label(relation.Groups["label"].Value, i + 1)));
                continue;
            }

            throw new FormatException($"Line {i + 1} is neither an entity nor a relationship: '{line}'.");
        }

        if (current is not null)
        {
            throw new FormatException("An entity block is not closed.");
        }

        return new Diagram(order.ToDictionary(n => n, n => (IReadOnlyList<ErAttribute>)entities[n], StringComparer.Ordinal), relationships);
    }

    private static ErAttribute ParseAttribute(string line, int number)
    {
        var match = AttributeLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Line {number} is not an attribute 'type name [KEYS] [\"comment\"]': '{line}'.");
        }

        var type = match.Groups["type"].Value;
        var name = match.Groups["name"].Value;
        foreach (var word in new[] { type, name })
        {
            if (!word.StartsWith('`') && IsKeyMarker(word))
            {
                throw new FormatException($"Line {number}: '{word}' would be read as a key marker (PK, FK, UK), not a word.");
            }
        }

        var keys = match.Groups["keys"].Success ? match.Groups["keys"].Value.Split(',').Select(k => k.Trim()).ToArray() : [];
        var comment = match.Groups["comment"].Success ? match.Groups["comment"].Value[1..^1] : null;
        return new ErAttribute(type, name.Trim('`'), keys, comment);
    }

    private static string EntityName(string token, int number)
    {
        if (token.StartsWith('"'))
        {
            return QuotedEntity().IsMatch(token)
                ? token[1..^1]
                : throw new FormatException($"Line {number}: quoted entity name {token} holds a character Mermaid refuses.");
        }

        return BareEntity().IsMatch(token) && !Keywords.Contains(token)
            ? token
            : throw new FormatException($"Line {number}: '{token}' cannot be a bare entity name (a keyword or not a word); quote it.");
    }

    private static string Label(string token, int number) =>
        token.StartsWith('"') ? token[1..^1]
        : BareEntity().IsMatch(token) && !Keywords.Contains(token) ? token
        : throw new FormatException($"Line {number}: label '{token}' must be quoted.");

    private static bool IsKeyMarker(string word) => word is not null && (word.Equals("PK", StringComparison.OrdinalIgnoreCase) || word.Equals("FK", StringComparison.OrdinalIgnoreCase) || word.Equals("UK", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("""^(?<name>"[^"]*"|\S+) \{$""")]
    private static partial Regex EntityStart();

    [GeneratedRegex("""^"[^"%\r\n\v\b\\]+"$""")]
    private static partial Regex QuotedEntity();

    [GeneratedRegex("""^[A-Za-z_][A-Za-z0-9_\-]*$""")]
    private static partial Regex BareEntity();

    [GeneratedRegex("""^(?<left>"[^"]*"|\S+) (?<card>(\|o|\|\||\}o|\}\|)--(o\||\|\||o\{|\|\{)) (?<right>"[^"]*"|\S+) : (?<label>"[^"]*"|\S+)$""")]
    private static partial Regex RelationshipLine();

    [GeneratedRegex("""^(?<type>`[^`]+`|[*A-Za-z_][A-Za-z0-9\-_\[\]\(\)\.,*]*) (?<name>`[^`]+`|[*A-Za-z_][A-Za-z0-9\-_\[\]\(\)\.,*]*)( (?<keys>(PK|FK|UK)(, ?(PK|FK|UK))*))?( (?<comment>"[^"]*"))?$""")]
    private static partial Regex AttributeLine();

    /// <summary>A parsed diagram.</summary>
    /// <param name="Entities">The entities in order, with their attributes.</param>
    /// <param name="Relationships">The relationships in order.</param>
    public sealed record Diagram(IReadOnlyDictionary<string, IReadOnlyList<ErAttribute>> Entities, IReadOnlyList<Relationship> Relationships);

    /// <summary>One attribute of an entity.</summary>
    /// <param name="Type">Its type word.</param>
    /// <param name="Name">Its name, without backticks.</param>
    /// <param name="Keys">Its key markers.</param>
    /// <param name="Comment">Its comment, without quotes.</param>
    public sealed record ErAttribute(string Type, string Name, IReadOnlyList<string> Keys, string? Comment);

    /// <summary>One relationship.</summary>
    /// <param name="Parent">The left entity.</param>
    /// <param name="Cardinality">The cardinality and line, e.g. <c>||--o{</c>.</param>
    /// <param name="Child">The right entity.</param>
    /// <param name="Label">The label, without quotes.</param>
    public sealed record Relationship(string Parent, string Cardinality, string Child, string Label);
}

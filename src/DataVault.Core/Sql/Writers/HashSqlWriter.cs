using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Hashing.Standardization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// In-database hashing: the SQL interpreter of a <see cref="StandardizationPlan"/> (each step one primitive of the
/// dialect), then the NULL token, the join, the hash and the all-NULL rule — the same plan the C# engine runs, so the
/// engine computes exactly the bytes the C# engine computes.
/// </summary>
internal sealed class HashSqlWriter(SqlDialect dialect)
{
    private SqlPrimitives Primitives => dialect.Primitives;

    private SqlQuoter Quoter => dialect.Quoter;

    public string StandardizedPart(HashingStandard standard, HashPurpose purpose, string expression, DataType type)
    {
        var interpreter = new SqlStandardizer(Primitives, Quoter);
        return Hashers.For(standard).PlanFor(purpose).Run(ref interpreter, Primitives.CanonicalText(expression, type));
    }

    public string HashOfParts(HashingStandard standard, HashPurpose purpose, IReadOnlyList<string> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("A hash needs at least one part.", nameof(parts));
        }

        if (!dialect.Capabilities.InDatabaseHashAlgorithms.Contains(standard.Algorithm))
        {
            throw dialect.Unsupported($"in-database {standard.Algorithm} hashing", standard.Algorithm == HashAlgorithmKind.XxHash128
                ? "xxHash128 is client-side only; compute keys with the C# engine (DataVaultHasher)."
                : "the engine has no such function; compute keys with the C# engine (DataVaultHasher), or choose another algorithm.");
        }

        var token = Quoter.StringLiteral(standard.NullToken);
        var delimiter = Quoter.StringLiteral(standard.Delimiter);
        string AllNullFrom(int index) => string.Join(" AND ", parts.Skip(index).Select(p => $"{p} IS NULL"));
        string Coalesced(int index) => $"COALESCE({parts[index]}, {token})";

        string input;
        if (purpose == HashPurpose.Diff && standard.OmitTrailingNullDiffParts)
        {
            var pieces = new List<string>();
            for (var i = 0; i < parts.Count; i++)
            {
                var piece = i == 0 ? Coalesced(i) : Primitives.Concat([delimiter, Coalesced(i)]);
                pieces.Add($"CASE WHEN {AllNullFrom(i)} THEN '' ELSE {piece} END");
            }

            input = Primitives.Concat(pieces);
        }
        else
        {
            input = Primitives.Concat([.. parts.SelectMany((_, i) => i == 0 ? [Coalesced(i)] : new[] { delimiter, Coalesced(i) })]);
        }

        var hex = Primitives.HashHex(standard.Algorithm, input);
        var length = standard.HashLengthInBytes;
        var (value, zero) = standard.OutputForm switch
        {
            HashOutputForm.LowerHex => (hex, Quoter.StringLiteral(new string('0', 2 * length))),
            HashOutputForm.UpperHex => (Primitives.UpperHex(hex), Quoter.StringLiteral(new string('0', 2 * length))),
            HashOutputForm.Binary => (Primitives.HexToBinary(hex), Primitives.ZeroBinaryLiteral(length)),
            _ => throw dialect.Unsupported("output form " + standard.OutputForm, "unknown output form"),
        };

        return standard.AllNullFor(purpose) switch
        {
            AllNullRule.Zero => $"CASE WHEN {AllNullFrom(0)} THEN {zero} ELSE {value} END",
            AllNullRule.Null => $"CASE WHEN {AllNullFrom(0)} THEN NULL ELSE {value} END",
            _ => value,
        };
    }

    public SqlStatement SelectHashes(string table, string idColumn, HashingStandard standard, HashPurpose purpose, IReadOnlyList<ColumnDefinition> columns)
    {
        var id = Quoter.QuoteIdentifier(idColumn);
        var aliases = columns.Select((_, i) => Quoter.QuoteIdentifier("dv_p" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var inner = string.Join(", ", columns.Select((c, i) => $"{StandardizedPart(standard, purpose, "t." + Quoter.QuoteIdentifier(c.Name), c.Type)} AS {aliases[i]}"));
        var hash = HashOfParts(standard, purpose, [.. aliases.Select(a => "q." + a)]);
        return SqlStatement.Of(
            $"SELECT q.{id}, {hash} AS {Quoter.QuoteIdentifier("dv_hash")}{Environment.NewLine}" +
            $"FROM (SELECT t.{id}, {inner} FROM {Quoter.QuoteIdentifier(table)} t) q{Environment.NewLine}" +
            $"ORDER BY q.{id}");
    }

    /// <summary>The SQL interpreter of a plan: each step becomes the dialect's primitive.</summary>
    private struct SqlStandardizer(SqlPrimitives primitives, SqlQuoter quoter) : IStandardizationInterpreter<string>
    {
        private bool _trimmed;

        public string TrimSpaces(string value)
        {
            _trimmed = true;
            return primitives.TrimSpaces(value);
        }

        public readonly string EmptyToNull(string value) => primitives.NullIfEmpty(value, _trimmed);

        public string Escape(string value, char escapeCharacter, string characters)
        {
            _trimmed = false;
            foreach (var c in characters)
            {
                value = primitives.Replace(value, c.ToString(), string.Concat(escapeCharacter.ToString(), c.ToString()));
            }

            return value;
        }

        public string Replace(string value, string token, string replacement)
        {
            _trimmed = false;
            return primitives.Replace(value, token, replacement);
        }

        public string Wrap(string value, char quote)
        {
            _trimmed = false;
            var literal = quoter.StringLiteral(quote.ToString());
            return primitives.Concat([literal, value, literal]);
        }

        public readonly string Upper(string value) => primitives.Upper(value);

        public string RemoveCharacters(string value, string characters)
        {
            _trimmed = false;
            foreach (var c in characters)
            {
                value = primitives.RemoveCharacter(value, c);
            }

            return value;
        }
    }
}

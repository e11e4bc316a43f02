using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;
using FluentAssertions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// No SQL Server runs here, so every statement the SQL Server dialect writes in the conformance scenarios is parsed by
/// Microsoft's own T-SQL parser (ScriptDom): the parser of SQL Server 2019, the dialect's minimum version, and the
/// newest parser of the package. The parse trees then show what the text alone cannot prove: that the existence check
/// of hub and link loads holds its lock, that hashing converts to UTF-8 <i>before</i> hashing, and that every model
/// name is a bracketed identifier.
/// </summary>
public class SqlServerParseTests
{
    private static readonly SqlDialect Dialect = SqlDialects.SqlServer;

    public static TheoryData<string> Scenarios() => [.. ConformanceScenarios.All];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_statement_parses_as_exactly_one_TSql_statement_without_errors(string scenario)
    {
        var statements = ConformanceScenarios.Statements(Dialect, scenario);
        statements.Should().NotBeEmpty();
        var problems = new List<string>();
        foreach (var (statement, index) in statements.Select((s, i) => (s, i + 1)))
        {
            foreach (var parser in Parsers())
            {
                var script = Parse(parser, statement.Text, out var errors);
                if (errors.Count > 0)
                {
                    problems.Add($"{parser.GetType().Name}, statement {index}:{Environment.NewLine}" +
                                 string.Join(Environment.NewLine, errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message} (error {e.Number})")) +
                                 Environment.NewLine + Numbered(statement.Text));
                    continue;
                }

                var count = script.Batches.Sum(b => b.Statements.Count);
                if (script.Batches.Count != 1 || count != 1)
                {
                    problems.Add($"{parser.GetType().Name}, statement {index}: parsed as {script.Batches.Count} batch(es) with {count} statement(s), expected exactly one{Environment.NewLine}{Numbered(statement.Text)}");
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_model_name_in_the_parse_tree_is_a_bracketed_identifier(string scenario)
    {
        var names = ConformanceScenarios.IdentifierNames(Dialect);
        var identifiers = new List<Identifier>();
        foreach (var statement in ConformanceScenarios.Statements(Dialect, scenario))
        {
            var visitor = new Collector();
            ParseClean(statement.Text).Accept(visitor);
            identifiers.AddRange(visitor.Identifiers);
        }

        var model = identifiers.Where(i => names.Contains(i.Value)).ToList();
        if (scenario is ConformanceScenarios.ListIndexes or ConformanceScenarios.ListForeignKeys)
        {
            // The sys catalogs' [name] columns share their name with the model's attribute "name".
            model = [.. model.Where(i => i.Value != "name")];
        }

        if (scenario is ConformanceScenarios.ListColumns or ConformanceScenarios.ListIndexes or ConformanceScenarios.ListForeignKeys)
        {
            model.Should().BeEmpty("the catalog query takes the table name as a parameter and names only catalog columns");
            return;
        }

        model.Should().NotBeEmpty("every scenario names tables or columns");
        model.Where(i => i.QuoteType != QuoteType.SquareBracket).Select(i => $"{i.Value} ({i.QuoteType}) at line {i.StartLine}, column {i.StartColumn}")
            .Should().BeEmpty();
    }

    [Theory]
    [InlineData("customer", "hub_customer")]
    [InlineData("product", "hub_product")]
    public void A_hub_load_checks_existence_with_UPDLOCK_and_HOLDLOCK_on_the_hub(string hub, string table)
    {
        var model = ConformanceScenarios.Model(Dialect);
        AssertLockedExistenceCheck(Dialect.LoadHub(model.Hub(hub), StagingTable.For(table)).Text, table);
    }

    [Fact]
    public void A_link_load_checks_existence_with_UPDLOCK_and_HOLDLOCK_on_the_link()
    {
        var model = ConformanceScenarios.Model(Dialect);
        AssertLockedExistenceCheck(Dialect.LoadLink(model.Link("sale"), StagingTable.For("link_sale")).Text, "link_sale");
    }

    [Theory]
    [InlineData(ConformanceScenarios.KeyHash, "MD5", 1)]
    [InlineData(ConformanceScenarios.DiffHash, "MD5", 1)]
    [InlineData(ConformanceScenarios.AutomateDvBinaryKey, "MD5", 1)]
    [InlineData(ConformanceScenarios.DataVault4DbtKey, "MD5", 1)]
    public void Hashing_hashes_the_UTF8_bytes_converted_under_the_UTF8_collation(string scenario, string algorithm, int calls)
    {
        var visitor = new Collector();
        foreach (var statement in ConformanceScenarios.Statements(Dialect, scenario))
        {
            ParseClean(statement.Text).Accept(visitor);
        }

        var hashes = visitor.Functions.Where(f => f.FunctionName.Value.Equals("HASHBYTES", StringComparison.OrdinalIgnoreCase)).ToList();
        hashes.Should().HaveCount(calls);
        foreach (var hash in hashes)
        {
            hash.Parameters.Should().HaveCount(2);
            hash.Parameters[0].Should().BeOfType<StringLiteral>().Which.Value.Should().Be(algorithm);
            var cast = hash.Parameters[1].Should().BeOfType<CastCall>().Which;
            var type = cast.DataType.Should().BeOfType<SqlDataTypeReference>().Which;
            type.SqlDataTypeOption.Should().Be(SqlDataTypeOption.VarChar, "HASHBYTES must hash VARCHAR (UTF-8 under a UTF-8 collation), never NVARCHAR (UTF-16)");
            type.Parameters.Should().ContainSingle().Which.Should().BeOfType<MaxLiteral>();
            var input = cast.Parameter.Should().BeAssignableTo<PrimaryExpression>().Which;
            input.Collation.Should().NotBeNull("the collation must apply before the conversion to VARCHAR, which then uses its UTF-8 code page");
            input.Collation.Value.Should().Be(SqlServerDialect.HashingCollation).And.EndWith("_UTF8");
        }

        visitor.Functions.Select(f => f.FunctionName.Value.ToUpperInvariant()).Should().NotContain(["CONCAT", "CONCAT_WS", "FORMAT"],
            "CONCAT ignores NULLs and FORMAT depends on the culture");
    }

    [Theory]
    [InlineData(HashAlgorithmKind.Md5, "MD5", 32)]
    [InlineData(HashAlgorithmKind.Sha1, "SHA1", 40)]
    [InlineData(HashAlgorithmKind.Sha256, "SHA2_256", 64)]
    public void Each_algorithm_maps_to_its_HASHBYTES_name_and_hex_length(HashAlgorithmKind algorithm, string name, int hexLength)
    {
        var standard = HashingStandards.Default with { Id = "parse-" + algorithm, Algorithm = algorithm };
        var sql = Dialect.SelectHashes(ConformanceScenarios.HashInputTable, "id", standard, HashPurpose.Key, ConformanceScenarios.TwoKeyColumns).Text;
        var visitor = new Collector();
        ParseClean(sql).Accept(visitor);
        visitor.Functions.Single(f => f.FunctionName.Value == "HASHBYTES").Parameters[0].Should().BeOfType<StringLiteral>().Which.Value.Should().Be(name);
        var convert = visitor.Converts.Single(c => c.Parameter is FunctionCall { FunctionName.Value: "HASHBYTES" });
        convert.DataType.Should().BeOfType<SqlDataTypeReference>().Which.Parameters.Single().Should().BeOfType<IntegerLiteral>().Which.Value.Should().Be(hexLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        convert.Style.Should().BeOfType<IntegerLiteral>().Which.Value.Should().Be("2", "style 2 writes hex without 0x");
    }

    [Fact]
    public void Canonical_text_of_every_type_uses_explicit_session_independent_formats()
    {
        var expected = new Dictionary<DataTypeKind, string>
        {
            [DataTypeKind.Date] = "CONVERT(NVARCHAR(10), x, 23)",
            [DataTypeKind.Time] = "CONVERT(NVARCHAR(15), CAST(x AS TIME(6)), 121)",
            [DataTypeKind.Timestamp] = "CONVERT(NVARCHAR(26), CAST(x AS DATETIME2(6)), 121)",
            [DataTypeKind.Guid] = "LOWER(CONVERT(NVARCHAR(36), x))",
            [DataTypeKind.Binary] = "CONVERT(VARCHAR(MAX), x, 2)",
            [DataTypeKind.Boolean] = "CASE x WHEN 1 THEN N'true' WHEN 0 THEN N'false' END",
        };
        var types = new[] { DataType.String(20), DataType.Text, DataType.Int, DataType.BigInt, DataType.Decimal(12, 2), DataType.Date, DataType.Time, DataType.Timestamp, DataType.Boolean, DataType.Guid, DataType.Binary() };
        foreach (var type in types)
        {
            var text = Dialect.Primitives.CanonicalText("x", type);
            text.Should().EndWith(" AS NVARCHAR(MAX)) COLLATE " + SqlServerDialect.HashingCollation, $"{type} becomes NVARCHAR(MAX) under the hashing collation");
            if (expected.TryGetValue(type.Kind, out var inner))
            {
                text.Should().Be($"CAST({inner} AS NVARCHAR(MAX)) COLLATE {SqlServerDialect.HashingCollation}");
            }

            text.Should().NotContainAny(["FORMAT(", "CONCAT("]);
            ParseClean("SELECT " + text + " AS [v] FROM [t]");
        }

        Dialect.Primitives.CanonicalText("x", DataType.Decimal(12, 2)).Should().Contain("CAST(x AS DECIMAL(12,2))").And.Contain("N'0.00'");
        Dialect.Primitives.CanonicalText("x", DataType.Decimal(9, 0)).Should().Contain("N'0'").And.NotContain("N'0.'");
    }

    private static void AssertLockedExistenceCheck(string sql, string table)
    {
        var visitor = new Collector();
        ParseClean(sql).Accept(visitor);
        var check = visitor.Tables.Where(t => t.SchemaObject.BaseIdentifier.Value == table && t.Alias?.Value == "t").Should().ContainSingle("the NOT EXISTS check reads the target as t").Which;
        check.TableHints.Select(h => h.HintKind).Should().BeEquivalentTo([TableHintKind.UpdLock, TableHintKind.HoldLock],
            "the NOT EXISTS check on the target must hold an update range lock until the insert commits, or two loaders insert the same key");
        visitor.Tables.Where(t => !ReferenceEquals(t, check)).Should().OnlyContain(t => t.TableHints.Count == 0, "only the existence check is hinted");
    }

    [Fact]
    public void The_vault_script_parses_as_one_batch_per_statement_separated_by_GO()
    {
        var model = ConformanceScenarios.Model(Dialect);
        var script = DataVault.Core.Loading.VaultLoader.CreateVaultScript(Dialect, model);
        script.BatchSeparator.Should().Be("GO");
        var text = script.ToString();
        text.Should().NotContain("@dv_", "every parameter is a literal").And.Contain("AS DATETIME2(6))").And.NotContain("TIMESTAMP '");

        foreach (var parser in Parsers())
        {
            var parsed = Parse(parser, text, out var errors);
            errors.Select(e => $"line {e.Line}: {e.Message}").Should().BeEmpty();
            parsed.Batches.Should().HaveCount(script.Statements.Count, "GO ends each statement's batch, so CREATE VIEW opens its own");
        }
    }

    private static IEnumerable<TSqlParser> Parsers() => [new TSql150Parser(true), new TSql170Parser(true)];

    private static TSqlScript Parse(TSqlParser parser, string sql, out IList<ParseError> errors)
    {
        using var reader = new StringReader(sql);
        return (TSqlScript)parser.Parse(reader, out errors);
    }

    private static TSqlScript ParseClean(string sql)
    {
        var script = Parse(new TSql150Parser(true), sql, out var errors);
        errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").Should().BeEmpty($"the SQL must parse:{Environment.NewLine}{Numbered(sql)}");
        return script;
    }

    private static string Numbered(string sql)
    {
        var text = new StringBuilder();
        var lines = ConformanceScenarios.Normalize(sql).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").AppendLine(lines[i]);
        }

        return text.ToString();
    }

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<Identifier> Identifiers { get; } = [];

        public List<FunctionCall> Functions { get; } = [];

        public List<ConvertCall> Converts { get; } = [];

        public List<NamedTableReference> Tables { get; } = [];

        public override void Visit(Identifier node)
        {
            Identifiers.Add(node);
            base.Visit(node);
        }

        public override void Visit(FunctionCall node)
        {
            Functions.Add(node);
            base.Visit(node);
        }

        public override void Visit(ConvertCall node)
        {
            Converts.Add(node);
            base.Visit(node);
        }

        public override void Visit(NamedTableReference node)
        {
            Tables.Add(node);
            base.Visit(node);
        }
    }
}

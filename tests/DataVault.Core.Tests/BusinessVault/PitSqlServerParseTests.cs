using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace DataVault.Core.Tests.BusinessVault;

/// <summary>
/// No SQL Server runs here: the PIT and as-of statements of the SQL Server dialect are parsed with Microsoft's T-SQL
/// parser (2019, the dialect's minimum, and the newest), each as exactly one statement with every model name bracketed;
/// the PIT insert keeps its recursion unlimited.
/// </summary>
public class PitSqlServerParseTests
{
    private static readonly SqlDialect Dialect = SqlDialects.SqlServer;

    public static TheoryData<string> Scenarios() => [.. PitSqlScenarios.All];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_statement_parses_as_one_TSql_statement_with_bracketed_names(string scenario)
    {
        var names = PitSqlScenarios.IdentifierNames(Dialect);
        foreach (var statement in PitSqlScenarios.Statements(Dialect, scenario))
        {
            foreach (TSqlParser parser in new TSqlParser[] { new TSql150Parser(true), new TSql170Parser(true) })
            {
                using var reader = new StringReader(statement.Text);
                var script = (TSqlScript)parser.Parse(reader, out var errors);
                errors.Select(e => $"{parser.GetType().Name} line {e.Line}, column {e.Column}: {e.Message}").Should().BeEmpty(statement.Text);
                script.Batches.Should().ContainSingle().Which.Statements.Should().ContainSingle(statement.Text);

                var identifiers = new IdentifierCollector();
                script.Accept(identifiers);
                identifiers.Found.Where(i => names.Contains(i.Value) && i.QuoteType != QuoteType.SquareBracket)
                    .Select(i => $"{i.Value} at line {i.StartLine}").Should().BeEmpty();
            }
        }
    }

    [Fact]
    public void The_PIT_insert_is_a_recursive_common_table_expression_feeding_one_insert_without_a_recursion_limit()
    {
        var insert = PitSqlScenarios.Statements(Dialect, PitSqlScenarios.BuildPit)[1];
        using var reader = new StringReader(insert.Text);
        var script = (TSqlScript)new TSql150Parser(true).Parse(reader, out var errors);
        errors.Should().BeEmpty();

        var statement = script.Batches.Single().Statements.Single().Should().BeOfType<InsertStatement>().Which;
        statement.WithCtesAndXmlNamespaces.CommonTableExpressions.Should().ContainSingle().Which.ExpressionName.Value.Should().Be("dv_snapshots");
        statement.OptimizerHints.Should().ContainSingle().Which.Should().BeOfType<LiteralOptimizerHint>()
            .Which.Value.Value.Should().Be("0", "OPTION (MAXRECURSION 0): the default of 100 would stop a range of more than 101 days");
    }

    private sealed class IdentifierCollector : TSqlFragmentVisitor
    {
        public List<Identifier> Found { get; } = [];

        public override void Visit(Identifier node)
        {
            Found.Add(node);
            base.Visit(node);
        }
    }
}

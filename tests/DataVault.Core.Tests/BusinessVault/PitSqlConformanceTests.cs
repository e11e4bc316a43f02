using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Tests.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.BusinessVault;

/// <summary>
/// The PIT and as-of SQL of every dialect: golden files (<c>Sql/Golden/&lt;dialect&gt;/business_vault/</c>, regenerated
/// with <c>DV_UPDATE_GOLDEN=1</c>), what holds for every engine (one statement each, every name quoted, every
/// parameter used, no date in the text), and the place of PIT tables in <c>CreateVault</c> and <c>DropVault</c>.
/// </summary>
public partial class PitSqlConformanceTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (folder, _) in PitSqlScenarios.Dialects)
        {
            foreach (var scenario in PitSqlScenarios.All)
            {
                data.Add(folder, scenario);
            }
        }

        return data;
    }

    public static TheoryData<string> Folders() => [.. PitSqlScenarios.Dialects.Select(d => d.Folder)];

    private static SqlDialect DialectOf(string folder) => PitSqlScenarios.Dialects.Single(d => d.Folder == folder).Dialect;

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_SQL_of_each_scenario_matches_its_golden_file_and_holds_for_every_engine(string folder, string scenario)
    {
        var dialect = DialectOf(folder);
        var statements = PitSqlScenarios.Statements(dialect, scenario);
        statements.Should().NotBeEmpty();

        var problems = new List<string>();
        var names = PitSqlScenarios.IdentifierNames(dialect);
        var quoted = dialect.QuoteIdentifier("probe");
        var (open, close) = (quoted[..quoted.IndexOf("probe", StringComparison.Ordinal)], quoted[(quoted.IndexOf("probe", StringComparison.Ordinal) + 5)..]);
        foreach (var (statement, index) in statements.Select((s, i) => (s, i + 1)))
        {
            var code = StringLiteral().Replace(statement.Text, "''");
            if (code.Contains(';', StringComparison.Ordinal))
            {
                problems.Add($"statement {index} contains ';'");
            }

            if (DateLike().IsMatch(statement.Text))
            {
                problems.Add($"statement {index} has a date in its text: dates are parameters");
            }

            foreach (Match match in Word().Matches(code))
            {
                if (names.Contains(match.Value)
                    && !(match.Index >= open.Length && code.AsSpan(match.Index - open.Length, open.Length).SequenceEqual(open) && code.AsSpan(match.Index + match.Length).StartsWith(close, StringComparison.Ordinal)))
                {
                    problems.Add($"statement {index}: '{match.Value}' is not quoted");
                }
            }

            foreach (var parameter in statement.Parameters)
            {
                if (!statement.Text.Contains(dialect.ParameterPlaceholder(parameter.Name), StringComparison.Ordinal))
                {
                    problems.Add($"statement {index}: parameter '{parameter.Name}' is not used");
                }
            }

            statement.Parameters.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        }

        problems.Should().BeEmpty();
        GoldenFile.Check(PitSqlScenarios.GoldenFolder(folder), scenario, Render(dialect, statements)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_business_vault_golden_folder_holds_no_file_of_an_unknown_scenario(string folder)
    {
        GoldenFile.Stale(PitSqlScenarios.GoldenFolder(folder), [.. PitSqlScenarios.All]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_build_is_the_delete_of_the_range_then_one_insert_select_with_every_date_a_parameter(string folder)
    {
        var dialect = DialectOf(folder);
        var pit = PitSqlScenarios.Model(dialect).PointInTime("customer");

        var statements = dialect.BuildPit(pit, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        statements.Should().HaveCount(2);
        statements[0].Text.Should().StartWith("DELETE FROM " + dialect.QuoteIdentifier("pit_customer"));
        statements[1].Text.Should().Contain("INSERT INTO " + dialect.QuoteIdentifier("pit_customer"));
        Regex.Matches(statements[1].Text, @"\bINSERT\b").Should().ContainSingle("one set-based insert per PIT and build, not one per key or day");
        foreach (var statement in statements)
        {
            var values = statement.ParameterDictionary();
            values["dv_from"].Should().Be(dialect.ToDbValue(new DateOnly(2026, 1, 1), DataType.Date));
            values["dv_to"].Should().Be(dialect.ToDbValue(new DateOnly(2026, 12, 31), DataType.Date));
            statement.Text.Should().NotContain("2026");
        }

        statements[1].ParameterDictionary()["dv_zero_key"].Should().Be(new string('0', 32), "the ghost record is never snapshotted");
        dialect.BuildPit(pit, new DateOnly(2026, 1, 1), new DateOnly(2036, 12, 31))[1].Text.Should().Be(statements[1].Text, "the text does not grow with the range");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_range_ending_before_it_starts_is_refused(string folder)
    {
        var dialect = DialectOf(folder);
        var pit = PitSqlScenarios.Model(dialect).PointInTime("customer");

        FluentActions.Invoking(() => dialect.BuildPit(pit, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1))).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*must not be before*");
        dialect.BuildPit(pit, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 2)).Should().HaveCount(2, "a single day is a range");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void CreateVault_creates_PITs_after_the_satellites_and_DropVault_drops_them_first(string folder)
    {
        var dialect = DialectOf(folder);
        var model = PitSqlScenarios.Model(dialect);

        var create = dialect.CreateVault(model).Select(s => s.Text).ToList();
        bool IsPit(string text) => text.Contains(dialect.QuoteIdentifier("pit_customer"), StringComparison.Ordinal) || text.Contains(dialect.QuoteIdentifier("pit_product"), StringComparison.Ordinal);
        var lastSatellite = create.FindLastIndex(t => t.Contains(dialect.QuoteIdentifier("sat_product_details"), StringComparison.Ordinal));
        create.Count(IsPit).Should().BeGreaterThanOrEqualTo(2);
        create.Take(lastSatellite + 1).Where(IsPit).Should().BeEmpty("PITs come after every satellite");
        create.Skip(lastSatellite + 1).Where(t => !IsPit(t)).Should().BeEmpty("nothing but PITs follows the last satellite");

        var drop = dialect.DropVault(model).Select(s => s.Text).ToList();
        drop.Take(2).Should().Equal(dialect.DropTable("pit_product").Text, dialect.DropTable("pit_customer").Text);
        drop.Skip(2).Should().NotContain(t => t.Contains("pit_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_PIT_table_is_the_seed_schema(string folder)
    {
        var dialect = DialectOf(folder);
        var table = dialect.PitTable(PitSqlScenarios.Model(dialect).PointInTime("customer"), DdlOptions.Default);

        table.Name.Should().Be("pit_customer");
        table.Columns.Should().Equal(
            new TableColumn("hub_customer_hk", dialect.Types.HashColumn(HashingStandards.Default, DdlOptions.Default), true),
            new TableColumn("snapshot_date", dialect.Types.For(DataType.Date), true),
            new TableColumn("sat_customer_details_load_date", dialect.Types.For(DataType.Timestamp), false),
            new TableColumn("sat_customer_contact_load_date", dialect.Types.For(DataType.Timestamp), false));
        table.PrimaryKey.Should().Equal("hub_customer_hk", "snapshot_date");
        table.ForeignKeys.Should().Equal(new ForeignKeyDefinition("hub_customer_hk", "hub_customer", "hub_customer_hk"));
        table.Indexes.Should().ContainSingle().Which.Columns.Should().Equal("snapshot_date");
        dialect.PitTable(PitSqlScenarios.Model(dialect).PointInTime("customer"), DdlOptions.Default with { ForeignKeys = false }).ForeignKeys.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_as_of_queries_bind_their_date_and_name_clashing_attributes_apart(string folder)
    {
        var dialect = DialectOf(folder);
        var model = PitSqlScenarios.Model(dialect);
        var asOf = new DateTime(2026, 11, 2, 0, 0, 0);

        var satellite = dialect.SelectSatelliteAsOf(model.Satellite("customer_details"), asOf);
        satellite.ParameterDictionary().Should().Equal(new Dictionary<string, object?> { ["as_of"] = dialect.ToDbValue(asOf, DataType.Timestamp) });

        var pit = dialect.SelectPitAsOf(model.PointInTime("customer"), new DateOnly(2026, 11, 5));
        pit.ParameterDictionary().Should().Equal(new Dictionary<string, object?> { ["snapshot_date"] = dialect.ToDbValue(new DateOnly(2026, 11, 5), DataType.Date) });
        pit.Text.Should().Contain("AS " + dialect.QuoteIdentifier("customer_details_city")).And.Contain("AS " + dialect.QuoteIdentifier("customer_contact_city"))
            .And.Contain("." + dialect.QuoteIdentifier("first_name") + ",");
        pit.Text.Should().NotContain("AS " + dialect.QuoteIdentifier("customer_details_first_name"), "only clashing names are qualified");
    }

    /// <summary>A golden file's text: statements ended by <c>;</c>, parameters as comments (dates as <c>yyyy-MM-dd</c>).</summary>
    private static string Render(SqlDialect dialect, IReadOnlyList<SqlStatement> statements)
    {
        var text = new StringBuilder();
        text.Append("-- ").Append(dialect.Name).Append(", generated by DataVault.Core; regenerate with DV_UPDATE_GOLDEN=1").Append('\n');
        foreach (var statement in statements)
        {
            text.Append('\n');
            foreach (var parameter in statement.Parameters)
            {
                text.Append("-- ").Append(dialect.ParameterPlaceholder(parameter.Name)).Append(" = ").Append(parameter.Value switch
                {
                    string s => "'" + s + "' (string)",
                    byte[] bytes => "0x" + Convert.ToHexString(bytes) + " (bytes)",
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (DateOnly)",
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + " (DateTime)",
                    var other => other + " (" + other?.GetType().Name + ")",
                }).Append('\n');
            }

            text.Append(ConformanceScenarios.Normalize(statement.Text)).Append(";\n");
        }

        return text.ToString();
    }

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("(?<![A-Za-z0-9_$@#])[A-Za-z_][A-Za-z0-9_$]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateLike();
}

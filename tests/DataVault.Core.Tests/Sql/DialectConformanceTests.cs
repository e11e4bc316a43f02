using System.Text.RegularExpressions;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Sql;

/// <summary>
/// What every dialect must pass: one test per scenario compares the generated SQL with the dialect's golden file
/// (<see cref="GoldenFile"/>) and checks what holds for every engine — no empty statement, one statement per
/// <see cref="SqlStatement"/>, every table and column name quoted in the dialect's quotes, every parameter used —
/// plus the refusals: unsafe identifiers, algorithms and features the engine lacks, identifiers over its limit.
/// A dialect's test class only names the dialect and its golden folder.
/// </summary>
public abstract partial class DialectConformanceTests
{
    /// <summary>The dialect under test.</summary>
    protected abstract SqlDialect Dialect { get; }

    /// <summary>The folder of its golden files under <c>Sql/Golden</c>.</summary>
    protected abstract string GoldenFolder { get; }

    [Fact]
    public void Create_vault() => Verify(ConformanceScenarios.CreateVault);

    [Fact]
    public void Create_vault_with_binary_keys() => Verify(ConformanceScenarios.CreateVaultBinaryKeys);

    [Fact]
    public void Staging_tables() => Verify(ConformanceScenarios.StagingTables);

    [Fact]
    public void Load_hub() => Verify(ConformanceScenarios.LoadHub);

    [Fact]
    public void Load_link() => Verify(ConformanceScenarios.LoadLink);

    [Fact]
    public void Load_satellite() => Verify(ConformanceScenarios.LoadSatellite);

    [Fact]
    public void Satellite_conflicts_query() => Verify(ConformanceScenarios.SatelliteConflicts);

    [Fact]
    public void End_dating() => Verify(ConformanceScenarios.EndDating);

    [Fact]
    public void Satellite_view() => Verify(ConformanceScenarios.SatelliteView);

    [Fact]
    public void Ghost_record() => Verify(ConformanceScenarios.GhostRecord);

    [Fact]
    public void Drop_vault() => Verify(ConformanceScenarios.DropVault);

    [Fact]
    public void List_columns_takes_the_table_name_as_a_parameter_and_refuses_an_unsafe_one()
    {
        Verify(ConformanceScenarios.ListColumns);
        var statement = Dialect.ListColumns("sat_customer_details");
        statement.Text.Should().NotContain("sat_customer_details", "the name is a data value of the catalog query");
        statement.Parameters.Select(p => p.Value).Should().Equal(["sat_customer_details"]);
        Dialect.Invoking(d => d.ListColumns("x'; DROP TABLE y; --")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Key_hash_expression_over_every_type() => Verify(ConformanceScenarios.KeyHash);

    [Fact]
    public void Diff_hash_expression() => Verify(ConformanceScenarios.DiffHash);

    [Fact]
    public void AutomateDv_binary_key() => Verify(ConformanceScenarios.AutomateDvBinaryKey);

    [Fact]
    public void DataVault4Dbt_key() => Verify(ConformanceScenarios.DataVault4DbtKey);

    [Fact]
    public void Rehash_pages_checks_and_copies() => Verify(ConformanceScenarios.Rehash);

    [Fact]
    public void List_indexes_takes_the_names_as_parameters_where_the_vault_has_secondary_indexes()
    {
        if (!Dialect.Capabilities.SecondaryIndexes)
        {
            Dialect.Invoking(d => d.ListIndexes("hub_customer")).Should().Throw<UnsupportedSqlFeatureException>();
            return;
        }

        Verify(ConformanceScenarios.ListIndexes);
        Dialect.ListIndexes("hub_customer").Text.Should().NotContain("hub_customer");
        Dialect.Invoking(d => d.ListIndexes("x'; DROP TABLE y; --")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Load_a_non_historised_satellite() => Verify(ConformanceScenarios.LoadNonHistorizedSatellite);

    [Fact]
    public void Load_a_multi_active_satellite() => Verify(ConformanceScenarios.LoadMultiActiveSatellite);

    [Fact]
    public void Load_an_effectivity_satellite() => Verify(ConformanceScenarios.LoadEffectivitySatellite);

    [Fact]
    public void Load_a_record_tracking_satellite_with_its_own_statement()
    {
        Verify(ConformanceScenarios.LoadRecordTrackingSatellite);
        var seen = ConformanceScenarios.RecordTrackingModel(Dialect).Satellite("customer_seen");
        seen.Attributes.Should().BeEmpty();
        Dialect.Invoking(d => d.LoadSatellite(seen, StagingTable.For(seen.TableName))).Should().Throw<ArgumentException>().WithMessage("*LoadRecordTrackingSatellite*");
        var details = ConformanceScenarios.RecordTrackingModel(Dialect).Satellite("customer_details");
        Dialect.Invoking(d => d.LoadRecordTrackingSatellite(details, StagingTable.For(details.TableName), "dv_source_row")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_effectivity_satellite_fed_by_changes_has_its_own_statements_with_every_status_a_parameter()
    {
        Verify(ConformanceScenarios.LoadEffectivityChanges);
        var model = ConformanceScenarios.EffectivityModel(Dialect);
        var load = Dialect.LoadEffectivityChanges(model.Satellite("sale_effectivity"), StagingTable.For("stg_sat_sale_effectivity"));
        load.Text.Should().NotContain("'Y'").And.NotContain("'N'");
        load.Parameters.Select(p => p.Value).Should().Contain(["Y", "N"]);
        Dialect.Invoking(d => d.LoadEffectivityChanges(model.Satellite("customer_details"), StagingTable.For("x"))).Should().Throw<ArgumentException>().WithMessage("*not an effectivity satellite with a driving key*");
    }

    [Fact]
    public void An_extended_tracking_satellite_records_versions_restores_interrupted_ones_and_names_its_satellite_by_parameter()
    {
        Verify(ConformanceScenarios.ExtendedTracking);
        var model = ConformanceScenarios.ExtendedTrackingModel(Dialect);
        var xts = model.ExtendedTrackings.Should().ContainSingle().Subject;
        xts.Satellites.Select(s => s.TableName).Should().Equal("sat_customer_details");
        var table = Dialect.ExtendedTrackingTable(xts, DdlOptions.Default);
        table.PrimaryKey.Should().Equal("hub_customer_hk", "load_date", "satellite_name");
        table.Column("hash_diff").Type.Should().Be(Dialect.SatelliteTable(model.Satellite("customer_details"), DdlOptions.Default).Column("hash_diff").Type);
        var track = Dialect.TrackSatelliteVersions(xts, model.Satellite("customer_details"), StagingTable.For("sat_customer_details"), "dv_source_row");
        track.Text.Should().NotContain("'sat_customer_details'", "the satellite's name is a parameter");
        track.Parameters.Select(p => p.Value).Should().AllBeEquivalentTo("sat_customer_details");
        Dialect.CreateVault(model).Select(s => s.Text).Should().Contain(t => t.Contains(Dialect.QuoteIdentifier("xts_customer"), StringComparison.Ordinal));
        Dialect.DropVault(model).Select(s => s.Text).Should().Contain(t => t.Contains(Dialect.QuoteIdentifier("xts_customer"), StringComparison.Ordinal));
        var other = ConformanceScenarios.RecordTrackingModel(Dialect).Satellite("customer_seen");
        Dialect.Invoking(d => d.RestoreInterruptedVersions(xts, other, StagingTable.For("x"))).Should().Throw<ArgumentException>().WithMessage("*not tracked by xts_customer*");
    }

    [Fact]
    public void A_reference_table_is_keyed_by_its_code_with_a_current_view_and_no_ghost_record()
    {
        Verify(ConformanceScenarios.ReferenceTable);
        var model = ConformanceScenarios.ReferenceModel(Dialect);
        var hub = Dialect.HubTable(model.Hub("currency"), DdlOptions.Default);
        hub.Columns.Select(c => c.Name).Should().Equal("currency_code", "load_date", "record_source");
        hub.PrimaryKey.Should().Equal("currency_code");
        hub.Column("currency_code").Type.Should().Be(Dialect.Types.For(DataType.String(3)));
        var satellite = Dialect.SatelliteTable(model.Satellite("currency_details"), DdlOptions.Default);
        satellite.Column("currency_code").Type.Should().Be(Dialect.Types.For(DataType.String(3)));
        satellite.PrimaryKey.Should().Equal("currency_code", "load_date");
        Dialect.CreateVault(model).Select(s => s.Text).Should().Contain(t => t.Contains(Dialect.QuoteIdentifier("v_sat_currency_details_current"), StringComparison.Ordinal));
        Dialect.Invoking(d => d.InsertGhostRecord(model.Hub("currency"))).Should().Throw<ArgumentException>().WithMessage("*reference hub*");
        Dialect.Invoking(d => d.CreateCurrentView(model.Satellite("customer_details"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Load_a_status_tracking_satellite_with_every_value_a_parameter()
    {
        Verify(ConformanceScenarios.LoadStatusTrackingSatellite);
        var status = ConformanceScenarios.StatusTrackingModel(Dialect).Satellite("product_status");
        var load = Dialect.LoadStatusTrackingSatellite(status, StagingTable.For(status.TableName), new DateTime(2026, 11, 2, 8, 0, 0), "erp");
        load.Text.Should().NotContain("'I'").And.NotContain("'D'").And.NotContain("'erp'");
        load.Parameters.Select(p => p.Name).Should().Contain(["dv_load_date", "dv_record_source", "dv_present", "dv_returned", "dv_deleted", "dv_diff_deleted"]);
    }

    [Fact]
    public void List_foreign_keys_takes_the_names_as_parameters()
    {
        Verify(ConformanceScenarios.ListForeignKeys);
        Dialect.ListForeignKeys("link_sale").Text.Should().NotContain("link_sale");
        Dialect.Invoking(d => d.ListForeignKeys("x'; DROP TABLE y; --")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_vault_in_schemas_or_refuse_them()
    {
        if (Dialect.SupportsSchemas)
        {
            Verify(ConformanceScenarios.CreateVaultInSchemas);
            Dialect.ListColumns("hub_customer", "raw_vault").Parameters.Select(p => p.Value).Should().Equal(["hub_customer", "raw_vault"], "the schema is a data value of the catalog query");
            Dialect.Invoking(d => d.QuoteTable("raw.vault", "hub_customer")).Should().Throw<ArgumentException>("a dotted schema is never split");
            return;
        }

        var build = () => ConformanceScenarios.SchemaModel(Dialect);
        build.Should().Throw<DataVaultModelException>().Which.Diagnostics.Select(d => d.Code).Should().OnlyContain(c => c == DiagnosticCodes.SchemasNotSupported);
        Dialect.Invoking(d => d.CreateSchema("raw_vault")).Should().Throw<UnsupportedSqlFeatureException>();
    }

    [Fact]
    public void The_golden_folder_holds_no_file_of_an_unknown_scenario()
    {
        GoldenFile.Stale(GoldenFolder, [.. ConformanceScenarios.All]).Should().BeEmpty($"every golden file of {Dialect.Name} must belong to a scenario; delete stale ones or run with {GoldenFile.UpdateVariable}=1");
    }

    [Fact]
    public void The_ghost_record_carries_its_values_as_parameters_not_literals()
    {
        foreach (var standard in new[] { HashingStandards.Default, HashingStandards.AutomateDv })
        {
            var hub = ConformanceScenarios.Model(Dialect, standard).Hub("customer");
            var statement = Dialect.InsertGhostRecord(hub);
            statement.Text.Should().NotContain(SqlDialect.GhostRecordSource).And.NotContain("1900");
            statement.Text.Should().NotContain(new string('0', 2 * standard.HashLengthInBytes), "the zero key is a parameter");
            var values = statement.ParameterDictionary();
            values.Should().ContainKeys("dv_zero_key", "dv_load_date", "dv_record_source");
            values["dv_record_source"].Should().Be(SqlDialect.GhostRecordSource);
            values["dv_load_date"].Should().Be(Dialect.ToDbValue(SqlDialect.GhostLoadDate, DataType.Timestamp), "the ghost load date is bound as the dialect stores timestamps");
            switch (values["dv_zero_key"])
            {
                case string hex:
                    hex.Should().Be(new string('0', 2 * standard.HashLengthInBytes));
                    standard.OutputForm.Should().NotBe(HashOutputForm.Binary);
                    break;
                case byte[] bytes:
                    bytes.Should().HaveCount(standard.HashLengthInBytes).And.OnlyContain(b => b == 0);
                    standard.OutputForm.Should().Be(HashOutputForm.Binary);
                    break;
                case Guid guid:
                    guid.Should().Be(Guid.Empty);
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"{Dialect.Name}: unexpected zero key {values["dv_zero_key"]}");
            }
        }
    }

    [Fact]
    public void In_database_hashing_is_written_for_exactly_the_algorithms_the_dialect_declares()
    {
        Dialect.Capabilities.InDatabaseHashAlgorithms.Should().Contain(HashAlgorithmKind.Md5, "every engine computes MD5");
        foreach (var algorithm in Enum.GetValues<HashAlgorithmKind>())
        {
            var standard = HashingStandards.Default with { Id = "conformance-" + algorithm, Algorithm = algorithm };
            var select = () => Dialect.SelectHashes(ConformanceScenarios.HashInputTable, "id", standard, HashPurpose.Key, ConformanceScenarios.TwoKeyColumns);
            var hex = () => Dialect.Primitives.HashHex(algorithm, Dialect.Quoter.StringLiteral("x"));
            if (Dialect.Capabilities.InDatabaseHashAlgorithms.Contains(algorithm))
            {
                select().Text.Should().NotBeNullOrWhiteSpace();
                hex().Should().NotBeNullOrWhiteSpace($"{Dialect.Name} declares {algorithm}");
            }
            else
            {
                foreach (var act in new[] { () => select().Text, hex })
                {
                    var error = act.Should().Throw<UnsupportedSqlFeatureException>($"{Dialect.Name} does not declare {algorithm}").Which;
                    error.Dialect.Should().Be(Dialect.Name);
                    error.Message.Should().Contain(Dialect.Name).And.Contain(algorithm.ToString());
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hub_Customer")]
    [InlineData("1st")]
    [InlineData("a b")]
    [InlineData("x]; DROP TABLE y; --")]
    [InlineData("x\"; DROP TABLE y; --")]
    [InlineData("x`; DROP TABLE y; --")]
    [InlineData("kunde_größe")]
    public void An_unsafe_identifier_is_refused_everywhere_never_escaped(string unsafeName)
    {
        var attempts = new (string What, Action Act)[]
        {
            ("QuoteIdentifier", () => Dialect.QuoteIdentifier(unsafeName)),
            ("ParameterPlaceholder", () => Dialect.ParameterPlaceholder(unsafeName)),
            ("DropTable", () => Dialect.DropTable(unsafeName)),
            ("DropView", () => Dialect.DropView(unsafeName)),
            ("CreateTable (table)", () => Dialect.CreateTable(new TableDefinition(unsafeName, [new("id", new SqlType(DataType.Int, "INT"), true)], [], [], []), DdlOptions.Default)),
            ("CreateTable (column)", () => Dialect.CreateTable(new TableDefinition("t", [new(unsafeName, new SqlType(DataType.Int, "INT"), true)], [], [], []), DdlOptions.Default)),
            ("InsertValues", () => Dialect.InsertValues("t", [unsafeName])),
            ("SelectHashes", () => Dialect.SelectHashes("t", "id", HashingStandards.Default, HashPurpose.Key, [new ColumnDefinition(unsafeName, DataType.Text)])),
        };
        foreach (var (what, act) in attempts)
        {
            act.Should().Throw<ArgumentException>($"{Dialect.Name} {what} must refuse '{unsafeName}'").WithMessage("*not a safe identifier*");
        }
    }

    [Fact]
    public void Identifiers_are_quoted_with_a_fixed_pair_of_quotes()
    {
        var (open, close) = Quotes();
        open.Should().NotBeEmpty();
        close.Should().NotBeEmpty();
        Dialect.QuoteIdentifier("hub_customer").Should().Be(open + "hub_customer" + close);
        Dialect.QuoteIdentifier("_x9").Should().Be(open + "_x9" + close);
    }

    [Fact]
    public void Temporary_staging_tables_are_written_or_refused_as_the_capabilities_say()
    {
        var model = ConformanceScenarios.Model(Dialect);
        var staging = StagingTable.For("hub_customer", temporary: true);
        var definition = Dialect.StagingTableFor(Dialect.HubTable(model.Hub("customer"), DdlOptions.Default), staging, model.Naming.LoadEndDate);
        if (Dialect.Capabilities.TemporaryTables)
        {
            Dialect.CreateStaging(definition, staging).Should().Contain(s => s.Text.Contains("TEMP", StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            var error = FluentActions.Invoking(() => Dialect.CreateStaging(definition, staging)).Should().Throw<UnsupportedSqlFeatureException>().Which;
            error.Dialect.Should().Be(Dialect.Name);
            error.Message.Should().Contain(Dialect.Name);
        }
    }

    [Fact]
    public void A_model_built_for_the_dialect_reports_names_longer_than_the_engine_allows()
    {
        var limit = Dialect.MaxIdentifierLength;
        var longest = "k" + new string('x', limit - 1);
        new DataVaultModelBuilder().Hub("customer", h => h.BusinessKey(longest, DataType.Int)).Build(Dialect)
            .Hub("customer").BusinessKeys[0].Name.Should().Be(longest);

        var error = FluentActions.Invoking(() => new DataVaultModelBuilder().Hub("customer", h => h.BusinessKey(longest + "x", DataType.Int)).Build(Dialect))
            .Should().Throw<DataVaultModelException>().Which;
        error.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.IdentifierTooLong)
            .Which.Message.Should().Contain(Dialect.Name);
    }

    /// <summary>Generates a scenario, checks what every dialect must satisfy, and compares it with the golden file.</summary>
    protected void Verify(string scenario)
    {
        var statements = ConformanceScenarios.Statements(Dialect, scenario);
        var problems = new List<string>();
        if (statements.Count == 0)
        {
            problems.Add("the scenario produced no statement");
        }

        var names = ConformanceScenarios.IdentifierNames(Dialect);
        var (open, close) = Quotes();
        for (var index = 0; index < statements.Count; index++)
        {
            var statement = statements[index];
            var where = $"statement {index + 1}";
            if (string.IsNullOrWhiteSpace(statement.Text))
            {
                problems.Add($"{where} is empty");
                continue;
            }

            var code = StringLiteral().Replace(statement.Text, "''");
            if (code.Contains(';', StringComparison.Ordinal))
            {
                problems.Add($"{where} contains ';': one SqlStatement must be one statement");
            }

            foreach (Match match in Word().Matches(code))
            {
                if (!names.Contains(match.Value))
                {
                    continue;
                }

                var quoted = match.Index >= open.Length && code.AsSpan(match.Index - open.Length, open.Length).SequenceEqual(open)
                    && code.AsSpan(match.Index + match.Length).StartsWith(close, StringComparison.Ordinal);
                if (!quoted)
                {
                    var line = code[..match.Index].Count(c => c == '\n') + 1;
                    problems.Add($"{where}, line {line}: identifier '{match.Value}' is not quoted as {open}{match.Value}{close}");
                }
            }

            foreach (var parameter in statement.Parameters)
            {
                if (!statement.Text.Contains(Dialect.ParameterPlaceholder(parameter.Name), StringComparison.Ordinal))
                {
                    problems.Add($"{where}: parameter '{parameter.Name}' is bound but its placeholder {Dialect.ParameterPlaceholder(parameter.Name)} is not in the text");
                }
            }

            if (statement.Parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != statement.Parameters.Count)
            {
                problems.Add($"{where}: duplicate parameter names");
            }
        }

        problems.Should().BeEmpty($"{Dialect.Name} scenario {scenario} must satisfy what every dialect satisfies");

        var failure = GoldenFile.Check(GoldenFolder, scenario, ConformanceScenarios.Render(Dialect, statements));
        failure.Should().BeNull();
    }

    private (string Open, string Close) Quotes()
    {
        const string probe = "probe_name";
        var quoted = Dialect.QuoteIdentifier(probe);
        var at = quoted.IndexOf(probe, StringComparison.Ordinal);
        return (quoted[..at], quoted[(at + probe.Length)..]);
    }

    // A string literal (single quotes doubled inside): its contents are data or constants, not identifiers.
    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("(?<![A-Za-z0-9_$@#])[A-Za-z_][A-Za-z0-9_$]*")]
    private static partial Regex Word();
}

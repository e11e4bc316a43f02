using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// <see cref="DataVaultModelBuilder.Build()"/> reports every problem at once, each with a stable code, a path, a
/// message and a fix; <see cref="DataVaultModelBuilder.Validate"/> lists them without throwing.
/// </summary>
public class ModelValidationTests
{
    private static readonly string LongName = InvalidModels.LongName;

    private static DataVaultModelBuilder ModelWithEveryProblem() => InvalidModels.EveryProblem();

    private static readonly (string Code, string Path)[] EveryProblemExceptLength =
    [
        (DiagnosticCodes.InvalidHashingStandard, "vault"),
        (DiagnosticCodes.DuplicateEntityName, "hub:customer"),
        (DiagnosticCodes.HubWithoutBusinessKey, "hub:empty"),
        (DiagnosticCodes.UnsafeIdentifier, "hub:Customer"),
        (DiagnosticCodes.InvalidHashingStandard, "hub:account"),
        (DiagnosticCodes.UnknownHub, "link:sale/hub:store"),
        (DiagnosticCodes.LinkWithTooFewHubs, "link:lonely"),
        (DiagnosticCodes.DuplicateLinkRole, "link:twice/hub:customer"),
        (DiagnosticCodes.DuplicateTableName, "link:clash"),
        (DiagnosticCodes.SystemColumnClash, "sat:details/load_date"),
        (DiagnosticCodes.DuplicateColumn, "sat:details/name"),
        (DiagnosticCodes.UnsafeIdentifier, "sat:details/drop table;--"),
        (DiagnosticCodes.UnsafeIdentifier, "sat:details/naïve"),
        (DiagnosticCodes.InvalidDataType, "sat:details/amount"),
        (DiagnosticCodes.SatelliteWithoutParent, "sat:orphan"),
        (DiagnosticCodes.SatelliteWithTwoParents, "sat:two_parents"),
        (DiagnosticCodes.UnknownSatelliteParent, "sat:ghost/hub:nobody"),
        (DiagnosticCodes.SatelliteWithoutAttributes, "sat:bare"),
    ];

    [Fact]
    public void Build_reports_every_problem_of_a_broken_model_at_once()
    {
        var build = () => ModelWithEveryProblem().Build(SqlDialects.PostgreSql);

        var diagnostics = build.Should().Throw<DataVaultModelException>().Which.Diagnostics;

        (string, string)[] tooLong =
        [
            (DiagnosticCodes.IdentifierTooLong, $"hub:{LongName}/table"),
            (DiagnosticCodes.IdentifierTooLong, $"hub:{LongName}/hash_key"),
        ];
        diagnostics.Select(d => (d.Code, d.Path)).Should().BeEquivalentTo([.. EveryProblemExceptLength, .. tooLong]);
        diagnostics.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.Message) && !string.IsNullOrWhiteSpace(d.Fix));
        diagnostics.Where(d => d.Code == DiagnosticCodes.IdentifierTooLong).Should().OnlyContain(d => d.Message.Contains("PostgreSQL") && d.Message.Contains("63"));
    }

    [Fact]
    public void The_same_model_for_SQL_Server_has_every_problem_but_the_length()
    {
        var diagnostics = ModelWithEveryProblem().Validate(SqlDialects.SqlServer);

        diagnostics.Select(d => (d.Code, d.Path)).Should().BeEquivalentTo(EveryProblemExceptLength);
    }

    [Fact]
    public void Validate_lists_the_problems_without_throwing_and_Build_lists_the_same()
    {
        var builder = ModelWithEveryProblem();

        var listed = builder.Validate(SqlDialects.PostgreSql);
        var thrown = builder.Invoking(b => b.Build(SqlDialects.PostgreSql)).Should().Throw<DataVaultModelException>().Which;

        listed.Should().Equal(thrown.Diagnostics);
        thrown.Message.Should().StartWith($"The Data Vault model has {listed.Count} problem(s):");
        foreach (var diagnostic in listed)
        {
            thrown.Message.Should().Contain(diagnostic.ToString());
        }

        RetailModel.Builder().Validate().Should().BeEmpty();
        RetailModel.Builder().Validate(SqlDialects.PostgreSql).Should().BeEmpty();
    }

    [Fact]
    public void Portable_build_uses_the_63_byte_limit()
    {
        var builder = new DataVaultModelBuilder().Hub(LongName, h => h.BusinessKey("long_id", DataType.Int));

        builder.Validate().Select(d => d.Code).Should().Equal(DiagnosticCodes.IdentifierTooLong, DiagnosticCodes.IdentifierTooLong);
        builder.Validate()[0].Message.Should().Contain("63");
        builder.Validate(SqlDialects.SqlServer).Should().BeEmpty();
        builder.Build(SqlDialects.SqlServer).Hub(LongName).TableName.Should().HaveLength(64);
    }

    [Fact]
    public void Exactly_the_limit_is_allowed()
    {
        var name = new string('a', 63 - "hub__hk".Length);

        new DataVaultModelBuilder().Hub(name, h => h.BusinessKey("id", DataType.Int)).Validate(SqlDialects.PostgreSql).Should().BeEmpty();
        new DataVaultModelBuilder().Hub(name + "a", h => h.BusinessKey("id", DataType.Int)).Validate(SqlDialects.PostgreSql)
            .Should().ContainSingle().Which.Path.Should().Be($"hub:{name}a/hash_key");
    }

    /// <summary>One minimal model per problem: the model, the code and the path it must report (and nothing else).</summary>
    private static IReadOnlyDictionary<string, (Func<DataVaultModelBuilder> Model, string Code, string Path)> Cases => InvalidModels.Focused;

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static DataVaultModelBuilder Valid() => InvalidModels.Valid();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_problem_is_reported_alone_with_its_code_and_path(string name)
    {
        var (model, code, path) = Cases[name];

        var build = () => model().Build();

        var diagnostic = build.Should().Throw<DataVaultModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(code);
        diagnostic.Path.Should().Be(path);
        diagnostic.Message.Should().NotBeNullOrWhiteSpace();
        diagnostic.Fix.Should().NotBeNullOrWhiteSpace();
        diagnostic.ToString().Should().Be($"{code} {path}: {diagnostic.Message} Fix: {diagnostic.Fix}");
    }

    [Fact]
    public void Every_code_has_a_focused_case()
    {
        Cases.Values.Select(c => c.Code).Concat(InvalidModels.FocusedOnTarget.Values.Select(c => c.Code)).Distinct().Should().BeEquivalentTo(DiagnosticsDocTests.Codes().Select(c => c.Value));
    }

    public static TheoryData<string> TargetCaseNames => [.. InvalidModels.FocusedOnTarget.Keys];

    [Theory]
    [MemberData(nameof(TargetCaseNames))]
    public void Each_problem_of_a_target_is_reported_alone_for_that_target_and_not_without_it(string name)
    {
        var (model, target, code, path) = InvalidModels.FocusedOnTarget[name];

        var build = () => model().Build(target);

        var diagnostic = build.Should().Throw<DataVaultModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(code);
        diagnostic.Path.Should().Be(path);
        diagnostic.Message.Should().Contain(target.Name);
        model().Validate().Should().BeEmpty("without a target the model is valid");
    }

    [Fact]
    public void Messages_name_the_culprit_and_fixes_say_what_to_do()
    {
        var diagnostics = ModelWithEveryProblem().Validate(SqlDialects.PostgreSql);
        ModelDiagnostic Of(string code, string path) => diagnostics.Single(d => d.Code == code && d.Path == path);

        Of(DiagnosticCodes.UnknownHub, "link:sale/hub:store").Message.Should().Contain("'store'");
        Of(DiagnosticCodes.UnknownHub, "link:sale/hub:store").Fix.Should().Contain("Declared hubs:").And.Contain("customer");
        Of(DiagnosticCodes.DuplicateLinkRole, "link:twice/hub:customer").Fix.Should().Contain("role");
        Of(DiagnosticCodes.DuplicateTableName, "link:clash").Message.Should().Contain("shared_table").And.Contain("hub:product");
        Of(DiagnosticCodes.UnsafeIdentifier, "sat:details/drop table;--").Fix.Should().Contain("^[a-z_][a-z0-9_]*$");
        Of(DiagnosticCodes.InvalidDataType, "sat:details/amount").Message.Should().Contain("decimal(5,7)");
        Of(DiagnosticCodes.InvalidHashingStandard, "hub:account").Message.Should().Contain("broken-v1").And.Contain("Delimiter");
        Of(DiagnosticCodes.SatelliteWithTwoParents, "sat:two_parents").Message.Should().Contain("hub 'customer'").And.Contain("link 'sale'");
    }

    [Fact]
    public void A_declared_but_invalid_entity_is_not_also_reported_as_unknown()
    {
        var diagnostics = Valid()
            .Hub("Bad", h => h.BusinessKey("x", DataType.Int))
            .Link("Sale", l => l.Hub("a").Hub("Bad"))
            .Satellite("s", s => s.OnHub("Bad").Attribute("x", DataType.Int))
            .Satellite("t", s => s.OnLink("Sale").Attribute("x", DataType.Int))
            .Validate();

        diagnostics.Select(d => (d.Code, d.Path)).Should().BeEquivalentTo(
        [
            (DiagnosticCodes.UnsafeIdentifier, "hub:Bad"),
            (DiagnosticCodes.UnsafeIdentifier, "link:Sale"),
        ]);
    }

    [Fact]
    public void Roles_let_a_hub_appear_twice_and_distinct_roles_are_valid()
    {
        var model = Valid()
            .Link("l", l => l.Hub("a", "buyer").Hub("a", "seller").Hub("a"))
            .Build();

        model.Link("l").Hubs.Select(h => h.HashKeyColumn).Should().Equal("buyer_hub_a_hk", "seller_hub_a_hk", "hub_a_hk");
        model.Link("l").KeyParts.Select(k => k.Name).Should().Equal("buyer_a_id", "seller_a_id", "a_id");
    }

    [Fact]
    public void Null_names_are_refused_where_they_are_declared()
    {
        var builder = new DataVaultModelBuilder();

        builder.Invoking(b => b.Hub(null!, _ => { })).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.Link(null!, _ => { })).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.Satellite(null!, _ => { })).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.Hub("a", h => h.BusinessKey(null!, DataType.Int))).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.Link("l", l => l.Hub(null!))).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.Satellite("s", s => s.OnHub(null!))).Should().Throw<ArgumentNullException>();
        builder.Invoking(b => b.UseHashingStandard(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Exception_diagnostics_cannot_be_changed_by_whoever_catches_it()
    {
        var exception = ModelWithEveryProblem().Invoking(b => b.Build()).Should().Throw<DataVaultModelException>().Which;

        exception.Diagnostics.Should().NotBeAssignableTo<List<ModelDiagnostic>>();
        (exception.Diagnostics as ICollection<ModelDiagnostic>)?.IsReadOnly.Should().BeTrue();
        new DataVaultModelException().Diagnostics.Should().BeEmpty();
        new DataVaultModelException("m").Diagnostics.Should().BeEmpty();
    }
}

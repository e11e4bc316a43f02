using DataVault.Core.Hashing;
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
    private static readonly HashingStandard Broken = HashingStandards.Default with { Id = "broken-v1", Delimiter = "" };

    // 60 characters: hub_<name> is 64 bytes and hub_<name>_hk 67, over PostgreSQL's 63 and under SQL Server's 128.
    private static readonly string LongName = "customer_" + new string('x', 51);

    private static DataVaultModelBuilder ModelWithEveryProblem() => new DataVaultModelBuilder()
        .UseHashingStandard(Broken)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("empty", _ => { })
        .Hub("Customer", h => h.BusinessKey("id", DataType.Int))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)).ToTable("shared_table"))
        .Hub("account", h => h.BusinessKey("account_id", DataType.String(20)).WithHashingStandard(Broken))
        .Hub(LongName, h => h.BusinessKey("long_id", DataType.Int))
        .Link("sale", l => l.Hub("customer").Hub("store"))
        .Link("lonely", l => l.Hub("customer"))
        .Link("twice", l => l.Hub("customer").Hub("customer"))
        .Link("clash", l => l.Hub("customer").Hub("product").ToTable("shared_table"))
        .Satellite("details", s => s.OnHub("customer")
            .Attribute("load_date", DataType.Timestamp)
            .Attribute("name", DataType.Text)
            .Attribute("name", DataType.Text)
            .Attribute("drop table;--", DataType.Text)
            .Attribute("naïve", DataType.Text)
            .Attribute("amount", DataType.Decimal(5, 7)))
        .Satellite("orphan", s => s.Attribute("x", DataType.Int))
        .Satellite("two_parents", s => s.OnHub("customer").OnLink("sale").Attribute("x", DataType.Int))
        .Satellite("ghost", s => s.OnHub("nobody").Attribute("x", DataType.Int))
        .Satellite("bare", s => s.OnHub("customer"));

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

    /// <summary>One minimal model per code: the model, the code and the path it must report (and nothing else).</summary>
    private static readonly Dictionary<string, (Func<DataVaultModelBuilder> Model, string Code, string Path)> Cases = new()
    {
        ["unsafe hub name"] = (() => Valid().Hub("Customer", h => h.BusinessKey("id", DataType.Int)), DiagnosticCodes.UnsafeIdentifier, "hub:Customer"),
        ["unsafe injection in a column"] = (() => Valid().Hub("x", h => h.BusinessKey("id; drop table hub_a;--", DataType.Int)), DiagnosticCodes.UnsafeIdentifier, "hub:x/id; drop table hub_a;--"),
        ["unsafe non-ASCII"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("naïve", DataType.Text)), DiagnosticCodes.UnsafeIdentifier, "sat:s/naïve"),
        ["unsafe empty role"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Link("l", l => l.Hub("a").Hub("b", role: "")), DiagnosticCodes.UnsafeIdentifier, "link:l/hub:b/role"),
        ["unsafe table"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).ToTable("B")), DiagnosticCodes.UnsafeIdentifier, "hub:b/table"),
        ["unsafe naming convention"] = (() => new DataVaultModelBuilder().UseNamingConventions(NamingConventions.Default with { HubTable = "Hub_{name}" }).Hub("a", h => h.BusinessKey("a_id", DataType.Int)), DiagnosticCodes.UnsafeIdentifier, "hub:a/table"),
        ["unsafe system column"] = (() => Valid().UseNamingConventions(NamingConventions.Default with { LoadDate = "load date" }), DiagnosticCodes.UnsafeIdentifier, "naming/load_date"),
        ["too long"] = (() => Valid().Link(new string('l', 57), l => l.Hub("a").Hub("a", role: "other")), DiagnosticCodes.IdentifierTooLong, $"link:{new string('l', 57)}/hash_key"),
        ["too long role column"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", role: new string('r', 55))), DiagnosticCodes.IdentifierTooLong, "link:l/hub:a/hash_key"),
        ["duplicate hub"] = (() => Valid().Hub("a", h => h.BusinessKey("a_id", DataType.Int)), DiagnosticCodes.DuplicateEntityName, "hub:a"),
        ["duplicate link"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Link("l", l => l.Hub("a").Hub("b")).Link("l", l => l.Hub("a").Hub("b")), DiagnosticCodes.DuplicateEntityName, "link:l"),
        ["duplicate satellite"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int)).Satellite("s", s => s.OnHub("a").Attribute("y", DataType.Int)), DiagnosticCodes.DuplicateEntityName, "sat:s"),
        ["clashing tables"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).ToTable("hub_a")), DiagnosticCodes.DuplicateTableName, "hub:b"),
        ["clashing tables by convention"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int).ToTable("link_l")).Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Link("l", l => l.Hub("a").Hub("b")), DiagnosticCodes.DuplicateTableName, "sat:s"),
        ["duplicate business key"] = (() => Valid().Hub("b", h => h.BusinessKey("code", DataType.Int).BusinessKey("code", DataType.Text)), DiagnosticCodes.DuplicateColumn, "hub:b/code"),
        ["business key named like the hash key"] = (() => Valid().Hub("b", h => h.BusinessKey("hub_b_hk", DataType.Text)), DiagnosticCodes.DuplicateColumn, "hub:b/hub_b_hk"),
        ["duplicate child key"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", role: "r").DependentChildKey("n", DataType.Int).DependentChildKey("n", DataType.Int)), DiagnosticCodes.DuplicateColumn, "link:l/n"),
        ["same business key name in two hubs of a link"] = (() => Valid().Hub("b", h => h.BusinessKey("a_id", DataType.Int)).Link("l", l => l.Hub("a").Hub("b")), DiagnosticCodes.DuplicateColumn, "link:l/a_id"),
        ["system column names collide"] = (() => Valid().UseNamingConventions(NamingConventions.Default with { LoadEndDate = "load_date" }), DiagnosticCodes.DuplicateColumn, "naming/load_end_date"),
        ["attribute named load_date"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("load_date", DataType.Timestamp)), DiagnosticCodes.SystemColumnClash, "sat:s/load_date"),
        ["attribute named hash_diff"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("hash_diff", DataType.Text)), DiagnosticCodes.SystemColumnClash, "sat:s/hash_diff"),
        ["business key named record_source"] = (() => Valid().Hub("b", h => h.BusinessKey("record_source", DataType.Text)), DiagnosticCodes.SystemColumnClash, "hub:b/record_source"),
        ["invalid decimal"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("amount", DataType.Decimal(5, 7))), DiagnosticCodes.InvalidDataType, "sat:s/amount"),
        ["decimal precision 0"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Decimal(0, 0))), DiagnosticCodes.InvalidDataType, "hub:b/b_id"),
        ["string length 0"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", role: "r").DependentChildKey("code", DataType.String(0))), DiagnosticCodes.InvalidDataType, "link:l/code"),
        ["binary length 0"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("blob", DataType.Binary(0))), DiagnosticCodes.InvalidDataType, "sat:s/blob"),
        ["missing type"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", null!)), DiagnosticCodes.InvalidDataType, "sat:s/x"),
        ["hub without keys"] = (() => Valid().Hub("b", _ => { }), DiagnosticCodes.HubWithoutBusinessKey, "hub:b"),
        ["link with one hub"] = (() => Valid().Link("l", l => l.Hub("a")), DiagnosticCodes.LinkWithTooFewHubs, "link:l"),
        ["link with no hub"] = (() => Valid().Link("l", _ => { }), DiagnosticCodes.LinkWithTooFewHubs, "link:l"),
        ["unknown hub"] = (() => Valid().Link("l", l => l.Hub("a").Hub("nobody")), DiagnosticCodes.UnknownHub, "link:l/hub:nobody"),
        ["same hub twice without role"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a")), DiagnosticCodes.DuplicateLinkRole, "link:l/hub:a"),
        ["same hub twice with the same role"] = (() => Valid().Link("l", l => l.Hub("a", "r").Hub("a", "r")), DiagnosticCodes.DuplicateLinkRole, "link:l/hub:a"),
        ["satellite without parent"] = (() => Valid().Satellite("s", s => s.Attribute("x", DataType.Int)), DiagnosticCodes.SatelliteWithoutParent, "sat:s"),
        ["satellite with two parents"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Satellite("s", s => s.OnHub("a").OnHub("b").Attribute("x", DataType.Int)), DiagnosticCodes.SatelliteWithTwoParents, "sat:s"),
        ["satellite with unknown hub"] = (() => Valid().Satellite("s", s => s.OnHub("nobody").Attribute("x", DataType.Int)), DiagnosticCodes.UnknownSatelliteParent, "sat:s/hub:nobody"),
        ["satellite with unknown link"] = (() => Valid().Satellite("s", s => s.OnLink("a").Attribute("x", DataType.Int)), DiagnosticCodes.UnknownSatelliteParent, "sat:s/link:a"),
        ["satellite without attributes"] = (() => Valid().Satellite("s", s => s.OnHub("a")), DiagnosticCodes.SatelliteWithoutAttributes, "sat:s"),
        ["invalid vault standard"] = (() => Valid().UseHashingStandard(HashingStandards.Default with { Id = " " }), DiagnosticCodes.InvalidHashingStandard, "vault"),
        ["invalid hub standard"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).WithHashingStandard(Broken)), DiagnosticCodes.InvalidHashingStandard, "hub:b"),
        ["invalid link standard"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", "r").WithHashingStandard(HashingStandards.Default with { NullToken = "\\" })), DiagnosticCodes.InvalidHashingStandard, "link:l"),
        ["invalid satellite standard"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int).WithHashingStandard(HashingStandards.Default with { Algorithm = (HashAlgorithmKind)99 })), DiagnosticCodes.InvalidHashingStandard, "sat:s"),
        ["PIT without hub"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int)).PointInTime("p", p => p.Satellites("s")), DiagnosticCodes.PitWithoutHub, "pit:p"),
        ["PIT over an unknown hub"] = (() => Valid().PointInTime("p", p => p.OnHub("nobody")), DiagnosticCodes.UnknownPitHub, "pit:p/hub:nobody"),
        ["PIT with an unknown satellite"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int)).PointInTime("p", p => p.OnHub("a").Satellites("nobody")), DiagnosticCodes.UnknownPitSatellite, "pit:p/sat:nobody"),
        ["PIT with a satellite of another hub"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Satellite("s", s => s.OnHub("b").Attribute("x", DataType.Int)).PointInTime("p", p => p.OnHub("a").Satellites("s")), DiagnosticCodes.PitSatelliteNotOnHub, "pit:p/sat:s"),
        ["PIT over a hub without satellites"] = (() => Valid().PointInTime("p", p => p.OnHub("a")), DiagnosticCodes.PitWithoutSatellites, "pit:p"),
        ["empty model"] = (() => new DataVaultModelBuilder(), DiagnosticCodes.EmptyModel, "vault"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static DataVaultModelBuilder Valid() => new DataVaultModelBuilder().Hub("a", h => h.BusinessKey("a_id", DataType.Int));

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
        Cases.Values.Select(c => c.Code).Distinct().Should().BeEquivalentTo(DiagnosticsDocTests.Codes().Select(c => c.Value));
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

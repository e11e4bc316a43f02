using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// The invalid models of the validation tests, in one place: <see cref="Focused"/> has one model per problem (the
/// code and path it must report, and nothing else); <see cref="Combined"/> has models with several problems at once,
/// which pin the order of the diagnostics and the rule that a problem is reported once, where it is made.
/// <see cref="All"/> is both, each with the target it is validated for.
/// </summary>
public static class InvalidModels
{
    /// <summary>A broken hashing standard: an empty delimiter.</summary>
    public static readonly HashingStandard Broken = HashingStandards.Default with { Id = "broken-v1", Delimiter = "" };

    /// <summary>60 characters: hub_&lt;name&gt; is 64 bytes and hub_&lt;name&gt;_hk 67, over PostgreSQL's 63 and under SQL Server's 128.</summary>
    public static readonly string LongName = "customer_" + new string('x', 51);

    /// <summary>A target with a small identifier limit, so that many derived names are too long for it.</summary>
    public static readonly IModelTarget Tiny = new Target("TinyDB", 16);

    /// <summary>One hub <c>a</c> with key <c>a_id</c>: a valid model the focused cases add one problem to.</summary>
    /// <returns>A new builder.</returns>
    public static DataVaultModelBuilder Valid() => new DataVaultModelBuilder().Hub("a", h => h.BusinessKey("a_id", DataType.Int));

    /// <summary>Three hubs, a link and four satellites: a valid model the PIT cases add one PIT to.</summary>
    /// <returns>A new builder.</returns>
    public static DataVaultModelBuilder PitVault() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(50)))
        .Hub("store", h => h.BusinessKey("store_id", DataType.String(50)))
        .Link("sale", l => l.Hub("customer").Hub("product"))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("first_name", DataType.String(100)))
        .Satellite("customer_contact", s => s.OnHub("customer").Attribute("email", DataType.String(255)))
        .Satellite("product_details", s => s.OnHub("product").Attribute("product_name", DataType.String(255)))
        .Satellite("sale_metrics", s => s.OnLink("sale").Attribute("quantity", DataType.Int));

    /// <summary>A model with (nearly) every problem at once.</summary>
    /// <returns>A new builder.</returns>
    public static DataVaultModelBuilder EveryProblem() => new DataVaultModelBuilder()
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

    /// <summary>One minimal model per problem: the model, the code and the path it must report (and nothing else).</summary>
    public static readonly IReadOnlyDictionary<string, (Func<DataVaultModelBuilder> Model, string Code, string Path)> Focused = new Dictionary<string, (Func<DataVaultModelBuilder>, string, string)>
    {
        ["unsafe hub name"] = (() => Valid().Hub("Customer", h => h.BusinessKey("id", DataType.Int)), DiagnosticCodes.UnsafeIdentifier, "hub:Customer"),
        ["unsafe injection in a column"] = (() => Valid().Hub("x", h => h.BusinessKey("id; drop table hub_a;--", DataType.Int)), DiagnosticCodes.UnsafeIdentifier, "hub:x/id; drop table hub_a;--"),
        ["unsafe non-ASCII"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("naïve", DataType.Text)), DiagnosticCodes.UnsafeIdentifier, "sat:s/naïve"),
        ["unsafe empty role"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Link("l", l => l.Hub("a").Hub("b", role: "")), DiagnosticCodes.UnsafeIdentifier, "link:l/hub:b/role"),
        ["unsafe schema: a dotted name is never split"] = (() => Valid().UseSchemas("raw.vault"), DiagnosticCodes.UnsafeIdentifier, "schemas/raw_vault"),
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
        ["child key named like a business key of a hub"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", role: "r").DependentChildKey("a_id", DataType.Int)), DiagnosticCodes.DuplicateColumn, "link:l/a_id"),
        ["system column names collide"] = (() => Valid().UseNamingConventions(NamingConventions.Default with { LoadEndDate = "load_date" }), DiagnosticCodes.DuplicateColumn, "naming/load_end_date"),
        ["attribute named load_date"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("load_date", DataType.Timestamp)), DiagnosticCodes.SystemColumnClash, "sat:s/load_date"),
        ["attribute named hash_diff"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("hash_diff", DataType.Text)), DiagnosticCodes.SystemColumnClash, "sat:s/hash_diff"),
        ["business key named record_source"] = (() => Valid().Hub("b", h => h.BusinessKey("record_source", DataType.Text)), DiagnosticCodes.SystemColumnClash, "hub:b/record_source"),
        ["attribute named like a writer's column"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("is_current", DataType.Boolean)), DiagnosticCodes.SystemColumnClash, "sat:s/is_current"),
        ["invalid decimal"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("amount", DataType.Decimal(5, 7))), DiagnosticCodes.InvalidDataType, "sat:s/amount"),
        ["decimal precision 0"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Decimal(0, 0))), DiagnosticCodes.InvalidDataType, "hub:b/b_id"),
        ["string length 0"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", role: "r").DependentChildKey("code", DataType.String(0))), DiagnosticCodes.InvalidDataType, "link:l/code"),
        ["binary length 0"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("blob", DataType.Binary(0))), DiagnosticCodes.InvalidDataType, "sat:s/blob"),
        ["missing type"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", null!)), DiagnosticCodes.InvalidDataType, "sat:s/x"),
        ["standardised keys without a text key"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).StoreStandardizedKeys(StandardizedKeyStorage.Beside)), DiagnosticCodes.StandardizedKeysWithoutText, "hub:b"),
        ["standardised key column named like another column"] = (() => Valid().Hub("b", h => h.BusinessKey("code", DataType.String(5)).BusinessKey("code_std", DataType.String(5)).StoreStandardizedKeys(StandardizedKeyStorage.Beside)), DiagnosticCodes.DuplicateColumn, "hub:b/code_std"),
        ["satellite with only an effective-from column"] = (() => Valid().Satellite("s", s => s.OnHub("a").EffectiveFrom("effective_from")), DiagnosticCodes.SatelliteWithoutAttributes, "sat:s"),
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
        ["multi-active and non-historised"] = (() => Valid().Satellite("s", s => s.OnHub("a").MultiActiveKey("phone_type", DataType.String(10)).Attribute("phone", DataType.String(30)).NonHistorizedEvents()), DiagnosticCodes.MultiActiveNonHistorized, "sat:s"),
        ["status tracking with an attribute"] = (() => Valid().Satellite("s", s => s.OnHub("a").StatusTracking().Attribute("note", DataType.String(30))), DiagnosticCodes.StatusTrackingWithAttributes, "sat:s"),
        ["effectivity with an unknown driving key"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Link("ab", l => l.Hub("a").Hub("b")).Satellite("s", s => s.OnLink("ab").Effectivity("c")), DiagnosticCodes.InvalidEffectivity, "sat:s"),
        ["record tracking with an attribute"] = (() => Valid().Satellite("s", s => s.OnHub("a").RecordTracking().Attribute("note", DataType.String(30))), DiagnosticCodes.RecordTrackingWithAttributes, "sat:s"),
        ["record tracking under a NULL diff of nothing"] = (() => Valid().Satellite("s", s => s.OnHub("a").RecordTracking().WithHashingStandard(HashingStandards.Default with { Id = "null-diff", AllNullDiff = AllNullRule.Null })), DiagnosticCodes.RecordTrackingWithAttributes, "sat:s"),
        ["record tracking and status tracking"] = (() => Valid().Satellite("s", s => s.OnHub("a").RecordTracking().StatusTracking()), DiagnosticCodes.RecordTrackingWithAttributes, "sat:s"),
        ["reference hub with two keys"] = (() => Valid().ReferenceHub("r", r => r.BusinessKey("code", DataType.String(3)).BusinessKey("region", DataType.String(2))), DiagnosticCodes.InvalidReferenceHub, "hub:r"),
        ["reference hub storing standardised keys"] = (() => Valid().ReferenceHub("r", r => r.BusinessKey("code", DataType.String(3)).StoreStandardizedKeys(StandardizedKeyStorage.Instead)), DiagnosticCodes.InvalidReferenceHub, "hub:r"),
        ["reference hub with a text code"] = (() => Valid().ReferenceHub("r", r => r.BusinessKey("code", DataType.Text)), DiagnosticCodes.InvalidReferenceHub, "hub:r"),
        ["link to a reference hub"] = (() => Valid().ReferenceHub("r", r => r.BusinessKey("code", DataType.String(3))).Link("ar", l => l.Hub("a").Hub("r")), DiagnosticCodes.InvalidReferenceHub, "hub:r"),
        ["PIT over a reference hub"] = (() => Valid().ReferenceHub("r", r => r.BusinessKey("code", DataType.String(3))).Satellite("s", s => s.OnHub("r").Attribute("x", DataType.Int)).PointInTime("p", p => p.OnHub("r")), DiagnosticCodes.InvalidReferenceHub, "hub:r"),
        ["multi-active satellite of a reference hub"] = (() => Valid().ReferenceHub("r", r => r.BusinessKey("code", DataType.String(3))).Satellite("s", s => s.OnHub("r").MultiActiveKey("lang", DataType.String(2)).Attribute("label", DataType.String(20))), DiagnosticCodes.InvalidReferenceHub, "hub:r"),
        ["extended tracking without a standard satellite"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).ExtendedTracking()).Satellite("s", s => s.OnHub("b").RecordTracking()), DiagnosticCodes.InvalidExtendedTracking, "hub:b"),
        ["extended tracking over two kinds of hash diff"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).ExtendedTracking())
            .Satellite("s", s => s.OnHub("b").Attribute("x", DataType.Int))
            .Satellite("t", s => s.OnHub("b").Attribute("y", DataType.Int).WithHashingStandard(HashingStandards.Default with { Id = "sha", Algorithm = HashAlgorithmKind.Sha256 })), DiagnosticCodes.InvalidExtendedTracking, "hub:b"),
        ["extended tracking table taken"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).ExtendedTracking()).Satellite("s", s => s.OnHub("b").Attribute("x", DataType.Int)).Hub("c", h => h.BusinessKey("c_id", DataType.Int).ToTable("xts_b")), DiagnosticCodes.DuplicateTableName, "hub:c"),
        ["effectivity on a hub"] = (() => Valid().Satellite("s", s => s.OnHub("a").Effectivity()), DiagnosticCodes.InvalidEffectivity, "sat:s"),
        ["default of another type"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("qty", DataType.Int, "ten")), DiagnosticCodes.InvalidAttributeDefault, "sat:s/qty"),
        ["default longer than the string"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("currency", DataType.String(3), "EURO")), DiagnosticCodes.InvalidAttributeDefault, "sat:s/currency"),
        ["default beyond the scale"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("price", DataType.Decimal(5, 2), 1.234m)), DiagnosticCodes.InvalidAttributeDefault, "sat:s/price"),
        ["default beyond the precision"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("price", DataType.Decimal(5, 2), 1234.5m)), DiagnosticCodes.InvalidAttributeDefault, "sat:s/price"),
        ["invalid vault standard"] = (() => Valid().UseHashingStandard(HashingStandards.Default with { Id = " " }), DiagnosticCodes.InvalidHashingStandard, "vault"),
        ["invalid hub standard"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int).WithHashingStandard(Broken)), DiagnosticCodes.InvalidHashingStandard, "hub:b"),
        ["invalid link standard"] = (() => Valid().Link("l", l => l.Hub("a").Hub("a", "r").WithHashingStandard(HashingStandards.Default with { NullToken = "\\" })), DiagnosticCodes.InvalidHashingStandard, "link:l"),
        ["invalid satellite standard"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int).WithHashingStandard(HashingStandards.Default with { Algorithm = (HashAlgorithmKind)99 })), DiagnosticCodes.InvalidHashingStandard, "sat:s"),
        ["PIT without hub"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int)).PointInTime("p", p => p.Satellites("s")), DiagnosticCodes.PitWithoutHub, "pit:p"),
        ["PIT over an unknown hub"] = (() => Valid().PointInTime("p", p => p.OnHub("nobody")), DiagnosticCodes.UnknownPitHub, "pit:p/hub:nobody"),
        ["PIT with an unknown satellite"] = (() => Valid().Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int)).PointInTime("p", p => p.OnHub("a").Satellites("nobody")), DiagnosticCodes.UnknownPitSatellite, "pit:p/sat:nobody"),
        ["PIT with a satellite of another hub"] = (() => Valid().Hub("b", h => h.BusinessKey("b_id", DataType.Int)).Satellite("s", s => s.OnHub("b").Attribute("x", DataType.Int)).PointInTime("p", p => p.OnHub("a").Satellites("s")), DiagnosticCodes.PitSatelliteNotOnHub, "pit:p/sat:s"),
        ["PIT over a hub without satellites"] = (() => Valid().PointInTime("p", p => p.OnHub("a")), DiagnosticCodes.PitWithoutSatellites, "pit:p"),
        ["PIT over two hubs"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer").OnHub("product")), DiagnosticCodes.PitWithoutHub, "pit:customer"),
        ["PIT with a satellite of a link"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer").Satellites("sale_metrics")), DiagnosticCodes.PitSatelliteNotOnHub, "pit:customer/sat:sale_metrics"),
        ["PIT listing a satellite twice"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_details")), DiagnosticCodes.DuplicateColumn, "pit:customer/sat:customer_details"),
        ["duplicate PIT"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer")).PointInTime("customer", p => p.OnHub("customer")), DiagnosticCodes.DuplicateEntityName, "pit:customer"),
        ["PIT table clash"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer").ToTable("hub_product")), DiagnosticCodes.DuplicateTableName, "pit:customer"),
        ["unsafe PIT name"] = (() => PitVault().PointInTime("Customer", p => p.OnHub("customer")), DiagnosticCodes.UnsafeIdentifier, "pit:Customer"),
        ["unsafe PIT table"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer").ToTable("pit-customer")), DiagnosticCodes.UnsafeIdentifier, "pit:customer/table"),
        ["unsafe snapshot column"] = (() => PitVault().UseNamingConventions(NamingConventions.Default with { SnapshotDate = "Snapshot Date" }).PointInTime("customer", p => p.OnHub("customer")), DiagnosticCodes.UnsafeIdentifier, "naming/snapshot_date"),
        ["PIT column clash"] = (() => PitVault().UseNamingConventions(NamingConventions.Default with { PitLoadDate = "snapshot_date" }).PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details")), DiagnosticCodes.DuplicateColumn, "pit:customer/snapshot_date"),
        ["PIT reserved column"] = (() => PitVault().UseNamingConventions(NamingConventions.Default with { PitLoadDate = "dv_{table}" }).PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details")), DiagnosticCodes.SystemColumnClash, "pit:customer/dv_sat_customer_details"),
        ["empty model"] = (() => new DataVaultModelBuilder(), DiagnosticCodes.EmptyModel, "vault"),
    };

    /// <summary>Models with several problems, each with the target it is validated for.</summary>
    public static readonly IReadOnlyDictionary<string, (Func<DataVaultModelBuilder> Model, IModelTarget? Target)> Combined = new Dictionary<string, (Func<DataVaultModelBuilder>, IModelTarget?)>
    {
        ["every problem, portable"] = (EveryProblem, null),
        ["every problem, PostgreSQL"] = (EveryProblem, SqlDialects.PostgreSql),
        ["every problem, SQL Server"] = (EveryProblem, SqlDialects.SqlServer),
        ["every problem, a tiny target"] = (EveryProblem, Tiny),
        ["the retail model on a tiny target"] = (RetailModel.Builder, Tiny),
        ["a PIT vault on a tiny target"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer")).PointInTime("p", p => p.OnHub("product").Satellites("product_details")), Tiny),
        ["a declared but refused entity is not also unknown"] = (() => Valid()
            .Hub("Bad", h => h.BusinessKey("x", DataType.Int))
            .Link("Sale", l => l.Hub("a").Hub("Bad"))
            .Satellite("s", s => s.OnHub("Bad").Attribute("x", DataType.Int))
            .Satellite("t", s => s.OnLink("Sale").Attribute("x", DataType.Int))
            .PointInTime("p", p => p.OnHub("Bad")), null),
        ["a refused entity's own problems are not reported"] = (() => Valid()
            .Hub("Bad", _ => { })
            .Link("Lone", l => l.Hub("nobody"))
            .Satellite("Bare", s => s.OnHub("nobody"))
            .PointInTime("Pit", p => p.OnHub("nobody")), null),
        ["the same unsafe name twice"] = (() => Valid()
            .Hub("Bad", h => h.BusinessKey("x", DataType.Int)).Hub("Bad", h => h.BusinessKey("x", DataType.Int))
            .Link("Bad", l => l.Hub("a").Hub("a", "r")).Link("Bad", l => l.Hub("a").Hub("a", "r"))
            .Satellite("Bad", s => s.OnHub("a").Attribute("x", DataType.Int)).Satellite("Bad", s => s.OnHub("a").Attribute("x", DataType.Int))
            .PointInTime("Bad", p => p.OnHub("a")).PointInTime("Bad", p => p.OnHub("a")), null),
        ["a problem of the PIT's hub or satellite is not reported again"] = (() => new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
            .Hub("Client", h => h.BusinessKey("client_id", DataType.String(50)))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("load_date", DataType.Timestamp))
            .PointInTime("client", p => p.OnHub("Client"))
            .PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details")), null),
        ["a PIT listing refused, unknown and repeated satellites without a hub"] = (() => PitVault()
            .Satellite("Refused", s => s.OnHub("customer").Attribute("x", DataType.Int))
            .PointInTime("p", p => p.Satellites("customer_details", "Refused", "nobody", "customer_details", "product_details")), null),
        ["a PIT over an unknown hub listing satellites"] = (() => PitVault().PointInTime("p", p => p.OnHub("client").Satellites("customer_details", "nobody")), null),
        ["a PIT over two hubs listing a satellite of each"] = (() => PitVault().PointInTime("p", p => p.OnHub("customer").OnHub("product").Satellites("customer_details", "product_details")), null),
        ["a PIT over a hub whose only satellite is refused"] = (() => PitVault()
            .Satellite("store_details", s => s.OnHub("store").OnLink("sale").Attribute("x", DataType.Int))
            .PointInTime("store", p => p.OnHub("store")), null),
        ["a PIT with satellites of another hub, of a link and unknown"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer").Satellites("product_details", "sale_metrics", "customer_address", "customer_contact")), null),
        ["PIT load-date columns too long for PostgreSQL"] = (() => new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
            .Satellite("customer_" + new string('x', 40), s => s.OnHub("customer").Attribute("first_name", DataType.String(100)))
            .Satellite("customer_" + new string('x', 40) + "y", s => s.OnHub("customer").Attribute("first_name", DataType.String(100)))
            .PointInTime("customer", p => p.OnHub("customer"))
            .PointInTime("none", p => p.Satellites("customer_" + new string('x', 40) + "y")), SqlDialects.PostgreSql),
        ["links with unknown, refused, repeated and role problems"] = (() => Valid()
            .Hub("b", h => h.BusinessKey("b_id", DataType.Int))
            .Hub("Bad", h => h.BusinessKey("x", DataType.Int))
            .Link("l", l => l.Hub("a").Hub("Bad").Hub("nobody", role: "Who").Hub("a").Hub("b", "r").Hub("b", "r").Hub("a", new string('r', 70)))
            .Link("m", l => l.Hub("a", "x").Hub("b", "x").DependentChildKey("x_a_id", DataType.Int).DependentChildKey("b_id", DataType.String(0)))
            .Link("n", l => l.Hub("nobody")), SqlDialects.PostgreSql),
        ["links where no hub is declared"] = (() => new DataVaultModelBuilder()
            .Link("l", l => l.Hub("a").Hub("b"))
            .Satellite("s", s => s.OnLink("nobody").Attribute("x", DataType.Int))
            .Satellite("t", s => s.OnHub("nobody").Attribute("x", DataType.Int))
            .PointInTime("p", p => p.OnHub("a").Satellites("s")), null),
        ["satellites with every parent problem"] = (() => Valid()
            .Hub("b", h => h.BusinessKey("b_id", DataType.Int))
            .Link("l", l => l.Hub("a").Hub("b"))
            .Satellite("none", s => { })
            .Satellite("three", s => s.OnHub("a").OnHub("b").OnLink("l").Attribute("x", DataType.Int))
            .Satellite("unknown_link", s => s.OnLink("m").Attribute("link_l_hk", DataType.Int))
            .Satellite("on_link", s => s.OnLink("l").Attribute("link_l_hk", DataType.Int).Attribute("dv_x", DataType.Int).Attribute("DV_Y", DataType.Int)), null),
        ["naming conventions with several problems"] = (() => Valid().UseNamingConventions(NamingConventions.Default with
        {
            LoadDate = null!,
            LoadEndDate = "record_source",
            RecordSource = "record_source",
            HashDiff = "Hash Diff",
            SnapshotDate = new string('s', 70),
            HubHashKey = "{name}",
        }).Hub("b", h => h.BusinessKey("b", DataType.Int)).PointInTime("p", p => p.OnHub("a")), null),
        ["invalid standards everywhere"] = (() => new DataVaultModelBuilder()
            .UseHashingStandard(HashingStandards.Default with { Id = "", Delimiter = "", NullToken = null! })
            .Hub("a", h => h.BusinessKey("a_id", DataType.Int).WithHashingStandard(Broken))
            .Link("l", l => l.Hub("a").Hub("a", "r").WithHashingStandard(HashingStandards.Default with { Escape = EscapeRule.QuoteAndReplace, QuoteReplacement = null! }))
            .Satellite("s", s => s.OnLink("l").Attribute("x", DataType.Int).WithHashingStandard(HashingStandards.Default with { DiffColumnOrder = (DiffColumnOrder)42 })), null),
        ["tables that clash across kinds"] = (() => Valid()
            .Hub("b", h => h.BusinessKey("b_id", DataType.Int).ToTable("HUB_A"))
            .Link("l", l => l.Hub("a").Hub("b").ToTable("hub_a"))
            .Satellite("s", s => s.OnHub("a").Attribute("x", DataType.Int).ToTable("link_l"))
            .Satellite("t", s => s.OnHub("a").Attribute("x", DataType.Int).ToTable("hub_a"))
            .PointInTime("a", p => p.OnHub("a").ToTable("sat_t")), null),
    };

    /// <summary>Every invalid model: the focused ones (portable limit) and the combined ones with their targets.</summary>
    /// <summary>One minimal model per problem that only a target has: the model, the target, the code and the path it must report (and nothing else).</summary>
    public static readonly IReadOnlyDictionary<string, (Func<DataVaultModelBuilder> Model, IModelTarget Target, string Code, string Path)> FocusedOnTarget = new Dictionary<string, (Func<DataVaultModelBuilder>, IModelTarget, string, string)>
    {
        ["a schema on an engine without schemas"] = (() => Valid().UseSchemas(null, "business_vault"), SqlDialects.Sqlite, DiagnosticCodes.SchemasNotSupported, "schemas/business_vault"),
    };

    public static IReadOnlyDictionary<string, (Func<DataVaultModelBuilder> Model, IModelTarget? Target)> All { get; } =
        Focused.Select(c => KeyValuePair.Create("focused: " + c.Key, (c.Value.Model, (IModelTarget?)null)))
            .Concat(FocusedOnTarget.Select(c => KeyValuePair.Create("focused on a target: " + c.Key, (c.Value.Model, (IModelTarget?)c.Value.Target))))
            .Concat(Combined.Select(c => KeyValuePair.Create("combined: " + c.Key, c.Value)))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Valid models, each with a target it is valid for.</summary>
    public static readonly IReadOnlyDictionary<string, (Func<DataVaultModelBuilder> Model, IModelTarget? Target)> ValidModels = new Dictionary<string, (Func<DataVaultModelBuilder>, IModelTarget?)>
    {
        ["the retail model"] = (RetailModel.Builder, null),
        ["the retail model on PostgreSQL"] = (RetailModel.Builder, SqlDialects.PostgreSql),
        ["a PIT vault"] = (() => PitVault().PointInTime("customer", p => p.OnHub("customer")).PointInTime("product", p => p.OnHub("product").Satellites("product_details")), null),
        ["a long name on SQL Server"] = (() => new DataVaultModelBuilder().Hub(LongName, h => h.BusinessKey("long_id", DataType.Int)), SqlDialects.SqlServer),
        ["roles"] = (() => Valid().Link("l", l => l.Hub("a", "buyer").Hub("a", "seller").Hub("a")), null),
    };

    private sealed record Target(string Name, int MaxIdentifierLength) : IModelTarget;
}

namespace DataVault.Core.Modeling.Validation;

/// <summary>
/// The table of model diagnostics: every message and fix the model validation reports is built from one of these
/// descriptors (like EF Core's <c>CoreStrings</c> or Roslyn's descriptors), e.g.
/// <c>ModelDiagnostics.UnknownHub.Create(path, link, hub, declaredHubs)</c>. The codes are the public, stable
/// <see cref="DiagnosticCodes"/>; docs/diagnostics.md has one row per code and is checked against <see cref="All"/>.
/// </summary>
/// <remarks>
/// Internal on purpose: nothing outside the library creates model diagnostics, the codes are already public, and the
/// wording may improve without a breaking change. <see cref="DiagnosticText"/> says how arguments become text.
/// </remarks>
internal static class ModelDiagnostics
{
    /// <summary>DV1001: <c>{0}</c> the refused name.</summary>
    public static ModelDiagnosticDescriptor<string?> UnsafeIdentifier { get; } = new(
        DiagnosticCodes.UnsafeIdentifier, nameof(DiagnosticCodes.UnsafeIdentifier),
        "'{0}' is not a safe identifier.",
        "Use lower-case ASCII letters, digits and underscores, starting with a letter or underscore (^[a-z_][a-z0-9_]*$).");

    /// <summary>DV1002: the name, its length in bytes, the target's name and its limit.</summary>
    public static ModelDiagnosticDescriptor<string, int, string, int> IdentifierTooLong { get; } = new(
        DiagnosticCodes.IdentifierTooLong, nameof(DiagnosticCodes.IdentifierTooLong),
        "'{0}' is {1} bytes long; {2} allows {3}.",
        "Shorten the entity or column name, or adjust the naming conventions.");

    /// <summary>DV1008: the target's name and the schema.</summary>
    public static ModelDiagnosticDescriptor<string, string> SchemasNotSupported { get; } = new(
        DiagnosticCodes.SchemasNotSupported, nameof(DiagnosticCodes.SchemasNotSupported),
        "{0} has no database schemas; the model puts a layer into schema '{1}'.",
        "Declare no schemas for this engine (UseSchemas(null)): it keeps every layer in one database.");

    /// <summary>DV1011: the hub.</summary>
    public static ModelDiagnosticDescriptor<string> StandardizedKeysWithoutText { get; } = new(
        DiagnosticCodes.StandardizedKeysWithoutText, nameof(DiagnosticCodes.StandardizedKeysWithoutText),
        "Hub '{0}' stores standardised business keys, but none of its business keys is text.",
        "Remove StoreStandardizedKeys: keys of other types are stored as typed values, which need no standardising.");

    /// <summary>DV1003: the kind of entity (<c>hub</c>, ..., <c>point-in-time table</c>) and its name.</summary>
    public static ModelDiagnosticDescriptor<string, string> DuplicateEntityName { get; } = new(
        DiagnosticCodes.DuplicateEntityName, nameof(DiagnosticCodes.DuplicateEntityName),
        "There is more than one {0} named '{1}'.",
        "Give every {0} a unique name, or merge the declarations.");

    /// <summary>DV1004: the table and the path of the entity that has it already.</summary>
    public static ModelDiagnosticDescriptor<string, string> DuplicateTableName { get; } = new(
        DiagnosticCodes.DuplicateTableName, nameof(DiagnosticCodes.DuplicateTableName),
        "Table '{0}' is also the table of {1}.",
        "Rename one of the entities, or give one an explicit name with ToTable(...).");

    /// <summary>DV1005, two columns of a table: the column and the table's entity path.</summary>
    public static ModelDiagnosticDescriptor<string, string> DuplicateColumn { get; } = new(
        DiagnosticCodes.DuplicateColumn, nameof(DiagnosticCodes.DuplicateColumn),
        "Column '{0}' appears more than once in {1}.",
        "Rename one of them; column names are compared case-insensitively, as most engines do.");

    /// <summary>DV1005, two system columns of the naming conventions: the member, the name, the other member.</summary>
    public static ModelDiagnosticDescriptor<string, string, string> DuplicateSystemColumn { get; } = new(
        DiagnosticCodes.DuplicateColumn, nameof(DiagnosticCodes.DuplicateColumn),
        "The naming conventions give the {0} column the name '{1}', which is also the {2} column.",
        "Give every system column of NamingConventions its own name.");

    /// <summary>DV1005, two business keys a link stages under one name: the link, the key, the reference, the earlier reference, the reference's hub.</summary>
    public static ModelDiagnosticDescriptor<string, string, LinkHubReference, LinkHubReference, string> DuplicateLinkKeyPart { get; } = new(
        DiagnosticCodes.DuplicateColumn, nameof(DiagnosticCodes.DuplicateColumn),
        "Link '{0}' stages business key '{1}' of {2} and of {3}: the link's key parts would share a name.",
        "Give one of the hubs a role (l.Hub(\"{4}\", role: \"<role>\")), which prefixes its business keys, or give the hubs' business keys distinct names.");

    /// <summary>DV1005, a child key named like a staged business key: the key, the link, the reference whose key it is.</summary>
    public static ModelDiagnosticDescriptor<string, string, LinkHubReference> ChildKeyNamedLikeBusinessKey { get; } = new(
        DiagnosticCodes.DuplicateColumn, nameof(DiagnosticCodes.DuplicateColumn),
        "Dependent child key '{0}' of link '{1}' has the name of a business key of {2}.",
        "Rename the child key; a link's key parts are staged side by side.");

    /// <summary>DV1005, a satellite listed twice by a PIT: the PIT and the satellite.</summary>
    public static ModelDiagnosticDescriptor<string, string> DuplicatePitSatellite { get; } = new(
        DiagnosticCodes.DuplicateColumn, nameof(DiagnosticCodes.DuplicateColumn),
        "Point-in-time table '{0}' lists satellite '{1}' more than once: its load-date column would appear twice.",
        "List each satellite once in p.Satellites(...).");

    /// <summary>DV1006, a system column's name: the column and the system columns.</summary>
    public static ModelDiagnosticDescriptor<string, IEnumerable<string>> SystemColumnClash { get; } = new(
        DiagnosticCodes.SystemColumnClash, nameof(DiagnosticCodes.SystemColumnClash),
        "Column '{0}' has the name of a system column.",
        "Rename it; {1:list} are reserved by the naming conventions.");

    /// <summary>DV1006, a name the SQL writers reserve: the column.</summary>
    public static ModelDiagnosticDescriptor<string> WriterColumnClash { get; } = new(
        DiagnosticCodes.SystemColumnClash, nameof(DiagnosticCodes.SystemColumnClash),
        "Column '{0}' is a name the SQL writers use for their own columns.",
        "Rename it; 'is_current' and every name starting with 'dv_' are reserved.");

    /// <summary>DV1007, no type: the column.</summary>
    public static ModelDiagnosticDescriptor<string> MissingDataType { get; } = new(
        DiagnosticCodes.InvalidDataType, nameof(DiagnosticCodes.InvalidDataType),
        "Column '{0}' has no type.",
        "Give it a DataType, e.g. DataType.String(50).");

    /// <summary>DV1007, an invalid type: the column, the type and what is wrong with it.</summary>
    public static ModelDiagnosticDescriptor<string, DataType, string> InvalidDataType { get; } = new(
        DiagnosticCodes.InvalidDataType, nameof(DiagnosticCodes.InvalidDataType),
        "Column '{0}' has an invalid type {1}: {2}.",
        "Fix the length, precision or scale.");

    /// <summary>DV1010: the hub.</summary>
    public static ModelDiagnosticDescriptor<string> HubWithoutBusinessKey { get; } = new(
        DiagnosticCodes.HubWithoutBusinessKey, nameof(DiagnosticCodes.HubWithoutBusinessKey),
        "Hub '{0}' has no business key.",
        "Add one with h.BusinessKey(\"<name>\", DataType.String(50)).");

    /// <summary>DV1020: the link and the number of hubs it references.</summary>
    public static ModelDiagnosticDescriptor<string, int> LinkWithTooFewHubs { get; } = new(
        DiagnosticCodes.LinkWithTooFewHubs, nameof(DiagnosticCodes.LinkWithTooFewHubs),
        "Link '{0}' references {1} hub(s); a link relates at least two.",
        "Add the related hubs with l.Hub(\"<hub>\"); a single hub's attributes belong in a satellite.");

    /// <summary>DV1021: the link, the unknown hub, the declared hubs.</summary>
    public static ModelDiagnosticDescriptor<string, string, IEnumerable<string>> UnknownHub { get; } = new(
        DiagnosticCodes.UnknownHub, nameof(DiagnosticCodes.UnknownHub),
        "Link '{0}' references hub '{1}', which the model does not declare.",
        "Declare hub '{1}' before building, or fix the name. Declared hubs: {2:list}.");

    /// <summary>DV1022: the link and the hub it references twice.</summary>
    public static ModelDiagnosticDescriptor<string, string> DuplicateLinkRole { get; } = new(
        DiagnosticCodes.DuplicateLinkRole, nameof(DiagnosticCodes.DuplicateLinkRole),
        "Link '{0}' references hub '{1}' more than once with the same role.",
        "Give each further reference of the same hub a distinct role: l.Hub(\"customer\", role: \"referred_by\").");

    /// <summary>DV1030: the satellite.</summary>
    public static ModelDiagnosticDescriptor<string> SatelliteWithoutParent { get; } = new(
        DiagnosticCodes.SatelliteWithoutParent, nameof(DiagnosticCodes.SatelliteWithoutParent),
        "Satellite '{0}' is attached to no hub or link.",
        "Attach it with s.OnHub(\"<hub>\") or s.OnLink(\"<link>\").");

    /// <summary>DV1031: the satellite and its declared parents (kind and name).</summary>
    public static ModelDiagnosticDescriptor<string, IEnumerable<(string Kind, string Name)>> SatelliteWithTwoParents { get; } = new(
        DiagnosticCodes.SatelliteWithTwoParents, nameof(DiagnosticCodes.SatelliteWithTwoParents),
        "Satellite '{0}' is attached to {1:and}.",
        "Attach a satellite to exactly one hub or link; split it into one satellite per parent.");

    /// <summary>DV1032: the satellite, the parent's kind (<c>hub</c> or <c>link</c>) and name, the declared entities of that kind.</summary>
    public static ModelDiagnosticDescriptor<string, string, string, IEnumerable<string>> UnknownSatelliteParent { get; } = new(
        DiagnosticCodes.UnknownSatelliteParent, nameof(DiagnosticCodes.UnknownSatelliteParent),
        "Satellite '{0}' is attached to {1} '{2}', which the model does not declare.",
        "Declare {1} '{2}', or fix the name. Declared {1}s: {3:list}.");

    /// <summary>DV1033: the satellite.</summary>
    public static ModelDiagnosticDescriptor<string> SatelliteWithoutAttributes { get; } = new(
        DiagnosticCodes.SatelliteWithoutAttributes, nameof(DiagnosticCodes.SatelliteWithoutAttributes),
        "Satellite '{0}' has no attributes.",
        "Add the descriptive columns with s.Attribute(\"<name>\", type).");

    /// <summary>DV1034: the attribute, its type, the default as text, why it does not fit.</summary>
    public static ModelDiagnosticDescriptor<string, DataType, string, string> InvalidAttributeDefault { get; } = new(
        DiagnosticCodes.InvalidAttributeDefault, nameof(DiagnosticCodes.InvalidAttributeDefault),
        "The default of attribute '{0}' ({1}) is {2}: {3}.",
        "Give a CLR value of the column's type: string, int, long, decimal, DateOnly, TimeOnly, DateTime, bool, Guid or byte[], within its length, precision and scale.");

    /// <summary>DV1035: the satellite.</summary>
    public static ModelDiagnosticDescriptor<string> MultiActiveNonHistorized { get; } = new(
        DiagnosticCodes.MultiActiveNonHistorized, nameof(DiagnosticCodes.MultiActiveNonHistorized),
        "Satellite '{0}' is both multi-active (s.MultiActiveKey) and non-historised (s.NonHistorizedEvents).",
        "A non-historised satellite holds one immutable event per parent key: drop the multi-active key, or declare the events on a link whose key includes it.");

    /// <summary>DV1036: the satellite, what it declares besides its status.</summary>
    public static ModelDiagnosticDescriptor<string, string> StatusTrackingWithAttributes { get; } = new(
        DiagnosticCodes.StatusTrackingWithAttributes, nameof(DiagnosticCodes.StatusTrackingWithAttributes),
        "Status-tracking satellite '{0}' also declares {1}; it keeps only the status of its parent keys.",
        "Declare the descriptive columns on another satellite of the same parent, and keep s.StatusTracking() alone.");

    /// <summary>DV1037: the satellite, what is wrong.</summary>
    public static ModelDiagnosticDescriptor<string, string> InvalidEffectivity { get; } = new(
        DiagnosticCodes.InvalidEffectivity, nameof(DiagnosticCodes.InvalidEffectivity),
        "Effectivity satellite '{0}' {1}.",
        "Attach it to a link (s.OnLink(\"<link>\")) and name its driving key by one of the link's hub names or roles, or none.");

    /// <summary>DV1038: the satellite, what else it declares.</summary>
    public static ModelDiagnosticDescriptor<string, string> RecordTrackingWithAttributes { get; } = new(
        DiagnosticCodes.RecordTrackingWithAttributes, nameof(DiagnosticCodes.RecordTrackingWithAttributes),
        "Record-tracking satellite '{0}' also declares {1}; it keeps only the loads at which each parent key appeared.",
        "Declare the descriptive columns on another satellite of the same parent, and keep s.RecordTracking() alone.");

    /// <summary>DV1039: the reference hub, what is wrong.</summary>
    public static ModelDiagnosticDescriptor<string, string> InvalidReferenceHub { get; } = new(
        DiagnosticCodes.InvalidReferenceHub, nameof(DiagnosticCodes.InvalidReferenceHub),
        "Reference hub '{0}' {1}.",
        "A reference hub is a code table: declare one business key (its code), stored as delivered, and describe it with standard satellites; declare a hub (builder.Hub) for keys that links or PITs refer to.");

    /// <summary>DV1041: the hub or link, what is wrong.</summary>
    public static ModelDiagnosticDescriptor<string, string> InvalidExtendedTracking { get; } = new(
        DiagnosticCodes.InvalidExtendedTracking, nameof(DiagnosticCodes.InvalidExtendedTracking),
        "The extended tracking satellite of '{0}' {1}.",
        "Track a hub or link that has standard satellites (attributes; not multi-active, status, effectivity, record-tracking or non-historised), all hashing their diffs with one algorithm and output form; or drop ExtendedTracking().");

    /// <summary>DV1040: what <see cref="Hashing.HashingStandard.Validate"/> says is wrong (every rule, one per line).</summary>
    public static ModelDiagnosticDescriptor<string> InvalidHashingStandard { get; } = new(
        DiagnosticCodes.InvalidHashingStandard, nameof(DiagnosticCodes.InvalidHashingStandard),
        "{0}",
        "Fix the standard's rules, or use a built-in one from HashingStandards.");

    /// <summary>DV1050.</summary>
    public static FixedModelDiagnosticDescriptor EmptyModel { get; } = new(
        DiagnosticCodes.EmptyModel, nameof(DiagnosticCodes.EmptyModel),
        "The model declares no hub.",
        "Declare at least one hub with builder.Hub(name, h => h.BusinessKey(...)).");

    /// <summary>DV1060, no hub: the PIT.</summary>
    public static ModelDiagnosticDescriptor<string> PitWithoutHub { get; } = new(
        DiagnosticCodes.PitWithoutHub, nameof(DiagnosticCodes.PitWithoutHub),
        "Point-in-time table '{0}' is declared over no hub.",
        "Declare exactly one hub with p.OnHub(\"<hub>\"); a PIT snapshots the keys of one hub.");

    /// <summary>DV1060, several hubs: the PIT and its hubs.</summary>
    public static ModelDiagnosticDescriptor<string, IEnumerable<string>> PitOverSeveralHubs { get; } = new(
        DiagnosticCodes.PitWithoutHub, nameof(DiagnosticCodes.PitWithoutHub),
        "Point-in-time table '{0}' is declared over hubs {1:and}.",
        "Declare exactly one hub with p.OnHub(\"<hub>\"); a PIT snapshots the keys of one hub.");

    /// <summary>DV1061: the PIT, the unknown hub, the declared hubs.</summary>
    public static ModelDiagnosticDescriptor<string, string, IEnumerable<string>> UnknownPitHub { get; } = new(
        DiagnosticCodes.UnknownPitHub, nameof(DiagnosticCodes.UnknownPitHub),
        "Point-in-time table '{0}' is over hub '{1}', which the model does not declare.",
        "Declare hub '{1}', or fix the name. Declared hubs: {2:list}.");

    /// <summary>DV1062 for a PIT without a (known) hub: the PIT, the unknown satellite, the declared satellites.</summary>
    public static ModelDiagnosticDescriptor<string, string, IEnumerable<string>> UnknownPitSatellite { get; } = new(
        DiagnosticCodes.UnknownPitSatellite, nameof(DiagnosticCodes.UnknownPitSatellite),
        "Point-in-time table '{0}' lists satellite '{1}', which the model does not declare.",
        "Declare satellite '{1}', or fix the name. Satellites declared: {2:list}.");

    /// <summary>DV1062 for a PIT over a hub: the PIT, the unknown satellite, the hub, the hub's satellites.</summary>
    public static ModelDiagnosticDescriptor<string, string, string, IEnumerable<string>> UnknownPitSatelliteOfHub { get; } = new(
        DiagnosticCodes.UnknownPitSatellite, nameof(DiagnosticCodes.UnknownPitSatellite),
        "Point-in-time table '{0}' lists satellite '{1}', which the model does not declare.",
        "Declare satellite '{1}', or fix the name. Satellites of hub '{2}': {3:list}.");

    /// <summary>DV1063: the PIT, its hub, the satellite, the satellite's parent, the hub's satellites.</summary>
    public static ModelDiagnosticDescriptor<string, string, string, VaultEntity, IEnumerable<string>> PitSatelliteNotOnHub { get; } = new(
        DiagnosticCodes.PitSatelliteNotOnHub, nameof(DiagnosticCodes.PitSatelliteNotOnHub),
        "Point-in-time table '{0}' is over hub '{1}', but satellite '{2}' describes {3}.",
        "List only satellites of hub '{1}': {4:list}; declare another PIT for the other parent's hub.");

    /// <summary>DV1064: the PIT and its hub.</summary>
    public static ModelDiagnosticDescriptor<string, string> PitWithoutSatellites { get; } = new(
        DiagnosticCodes.PitWithoutSatellites, nameof(DiagnosticCodes.PitWithoutSatellites),
        "Point-in-time table '{0}' covers no satellite: hub '{1}' has none.",
        "Declare a satellite on hub '{1}' with s.OnHub(\"{1}\"), or remove the PIT.");

    /// <summary>Every descriptor, in code order (docs/diagnostics.md lists their codes and names).</summary>
    public static IReadOnlyList<ModelDiagnosticDescriptor> All { get; } =
    [
        UnsafeIdentifier, IdentifierTooLong, SchemasNotSupported, StandardizedKeysWithoutText, DuplicateEntityName, DuplicateTableName,
        DuplicateColumn, DuplicateSystemColumn, DuplicateLinkKeyPart, ChildKeyNamedLikeBusinessKey, DuplicatePitSatellite,
        SystemColumnClash, WriterColumnClash, MissingDataType, InvalidDataType, HubWithoutBusinessKey,
        LinkWithTooFewHubs, UnknownHub, DuplicateLinkRole,
        SatelliteWithoutParent, SatelliteWithTwoParents, UnknownSatelliteParent, SatelliteWithoutAttributes, InvalidAttributeDefault, MultiActiveNonHistorized, StatusTrackingWithAttributes, InvalidEffectivity, RecordTrackingWithAttributes, InvalidReferenceHub, InvalidExtendedTracking,
        InvalidHashingStandard, EmptyModel,
        PitWithoutHub, PitOverSeveralHubs, UnknownPitHub, UnknownPitSatellite, UnknownPitSatelliteOfHub, PitSatelliteNotOnHub, PitWithoutSatellites,
    ];
}

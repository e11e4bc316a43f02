namespace DataVault.Core.Modeling;

/// <summary>The stable codes of <see cref="ModelDiagnostic"/>; docs/diagnostics.md explains each.</summary>
public static class DiagnosticCodes
{
    /// <summary>A name is not a safe identifier (<c>^[a-z_][a-z0-9_]*$</c>).</summary>
    public const string UnsafeIdentifier = "DV1001";

    /// <summary>A name is longer than the target dialect allows.</summary>
    public const string IdentifierTooLong = "DV1002";

    /// <summary>Two entities of the same kind have the same name.</summary>
    public const string DuplicateEntityName = "DV1003";

    /// <summary>Two entities map to the same table name.</summary>
    public const string DuplicateTableName = "DV1004";

    /// <summary>Two columns of one table have the same name.</summary>
    public const string DuplicateColumn = "DV1005";

    /// <summary>A column has the name of a system column (load date, load end date, record source, hash diff).</summary>
    public const string SystemColumnClash = "DV1006";

    /// <summary>A column type is invalid (e.g. a decimal scale larger than its precision).</summary>
    public const string InvalidDataType = "DV1007";

    /// <summary>A database schema is declared for a target that has none.</summary>
    public const string SchemasNotSupported = "DV1008";

    /// <summary>A hub has no business key.</summary>
    public const string HubWithoutBusinessKey = "DV1010";

    /// <summary>A hub stores standardised keys, but none of its business keys is text.</summary>
    public const string StandardizedKeysWithoutText = "DV1011";

    /// <summary>A link references fewer than two hubs.</summary>
    public const string LinkWithTooFewHubs = "DV1020";

    /// <summary>A link references a hub that the model does not declare.</summary>
    public const string UnknownHub = "DV1021";

    /// <summary>A link references the same hub twice without distinct roles.</summary>
    public const string DuplicateLinkRole = "DV1022";

    /// <summary>A satellite is attached to no hub or link.</summary>
    public const string SatelliteWithoutParent = "DV1030";

    /// <summary>A satellite is attached to both a hub and a link, or to two parents.</summary>
    public const string SatelliteWithTwoParents = "DV1031";

    /// <summary>A satellite's parent is not declared in the model.</summary>
    public const string UnknownSatelliteParent = "DV1032";

    /// <summary>A satellite has no attributes.</summary>
    public const string SatelliteWithoutAttributes = "DV1033";

    /// <summary>An attribute's default does not fit its type.</summary>
    public const string InvalidAttributeDefault = "DV1034";

    /// <summary>A satellite is declared both multi-active and non-historised.</summary>
    public const string MultiActiveNonHistorized = "DV1035";

    /// <summary>A status-tracking satellite declares attributes, a multi-active key, an effective-from column or non-historised events.</summary>
    public const string StatusTrackingWithAttributes = "DV1036";

    /// <summary>An effectivity satellite is on a hub, or names a driving key that is not one of its link's hubs or roles.</summary>
    public const string InvalidEffectivity = "DV1037";

    /// <summary>A record-tracking satellite declares attributes, a status, a multi-active key, an effective-from column or non-historised events.</summary>
    public const string RecordTrackingWithAttributes = "DV1038";

    /// <summary>A reference hub has not exactly one business key or stores standardised keys, or a link, a PIT or a satellite other than a standard one refers to it.</summary>
    public const string InvalidReferenceHub = "DV1039";

    /// <summary>A hub or link with an extended tracking satellite has no standard satellite to track, or its standard satellites hash their diffs differently.</summary>
    public const string InvalidExtendedTracking = "DV1041";

    /// <summary>A hashing standard (of the vault or of an entity) is invalid.</summary>
    public const string InvalidHashingStandard = "DV1040";

    /// <summary>The model declares no hub.</summary>
    public const string EmptyModel = "DV1050";

    /// <summary>A point-in-time table is declared over no hub, or over more than one.</summary>
    public const string PitWithoutHub = "DV1060";

    /// <summary>A point-in-time table's hub is not declared in the model.</summary>
    public const string UnknownPitHub = "DV1061";

    /// <summary>A point-in-time table lists a satellite that the model does not declare.</summary>
    public const string UnknownPitSatellite = "DV1062";

    /// <summary>A point-in-time table lists a satellite that describes another hub or a link.</summary>
    public const string PitSatelliteNotOnHub = "DV1063";

    /// <summary>A point-in-time table would have no satellite column: none is listed and its hub has no satellite.</summary>
    public const string PitWithoutSatellites = "DV1064";
}

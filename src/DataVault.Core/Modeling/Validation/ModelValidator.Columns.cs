using System.Globalization;
using DataVault.Core.Modeling.Resolution;

namespace DataVault.Core.Modeling.Validation;

// The validator's rules of one concept. Columns and keys: types, clashes with system columns and each other, business keys, attributes.
internal sealed partial class ModelValidator
{
    /// <summary>
    /// Columns of one table: the declared (typed) ones for a safe, short name and a valid type (DV1007); all of them,
    /// derived key columns included, for clashes with system columns (DV1006) and with each other (DV1005). Derived
    /// names (hash keys) are checked for safety and length where they are made, so a problem is reported once.
    /// </summary>
    private void CheckColumns(string path, IReadOnlyList<string> columns, IEnumerable<ColumnDefinition> typed)
    {
        foreach (var column in typed)
        {
            var columnPath = $"{path}/{column.Name}";
            CheckIdentifier(column.Name, columnPath);
            if (column.Type is null)
            {
                Report(ModelDiagnostics.MissingDataType.Create(columnPath, column.Name));
            }
            else if (column.Type.Problem() is { } problem)
            {
                Report(ModelDiagnostics.InvalidDataType.Create(columnPath, column.Name, column.Type, problem));
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var system = _naming.SystemColumns();
        foreach (var column in columns)
        {
            var columnPath = $"{path}/{column}";
            if (system.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                Report(ModelDiagnostics.SystemColumnClash.Create(columnPath, column, system));
            }
            else if (Identifiers.IsReservedByWriters(column))
            {
                Report(ModelDiagnostics.WriterColumnClash.Create(columnPath, column));
            }
            else if (!seen.Add(column))
            {
                Report(ModelDiagnostics.DuplicateColumn.Create(columnPath, column, path));
            }
        }
    }

    /// <summary>Keys: a hub has at least one business key (DV1010).</summary>
    private void CheckBusinessKeys(ResolvedHub hub)
    {
        if (hub.Builder.BusinessKeys.Count == 0)
        {
            Report(ModelDiagnostics.HubWithoutBusinessKey.Create(hub.Declaration.Path, hub.Declaration.Name));
        }
    }

    /// <summary>A satellite has at least one attribute (DV1033); every default fits its attribute's type (DV1034); multi-active is not non-historised (DV1035).</summary>
    private void CheckAttributes(ResolvedSatellite satellite)
    {
        if (satellite.Builder.MultiActiveKeys.Count > 0 && satellite.Builder.NonHistorized)
        {
            Report(ModelDiagnostics.MultiActiveNonHistorized.Create(satellite.Declaration.Path, satellite.Declaration.Name));
        }

        if (satellite.Builder.IsEffectivity && satellite.Parent.Target is { } target)
        {
            var problem = target switch
            {
                Link link when satellite.Builder.DrivingKey is { } driving && !link.Hubs.Any(h => (h.Role ?? h.Hub.Name) == driving) =>
                    $"names driving key '{driving}', which is not a hub or role of link '{link.Name}' ({string.Join(", ", link.Hubs.Select(h => h.Role ?? h.Hub.Name))})",
                Link => null,
                _ => $"is attached to hub '{target.Name}'; effectivity is of a link's relationships",
            };
            if (problem is not null)
            {
                Report(ModelDiagnostics.InvalidEffectivity.Create(satellite.Declaration.Path, satellite.Declaration.Name, problem));
            }
        }

        if (satellite.Builder.StatusColumn is { } status)
        {
            var others = satellite.Builder.Attributes.Where(a => a.Name != status).Select(a => $"attribute '{a.Name}'")
                .Concat(satellite.Builder.NonHistorized ? ["non-historised events"] : [])
                .ToList();
            if (others.Count > 0)
            {
                Report(ModelDiagnostics.StatusTrackingWithAttributes.Create(satellite.Declaration.Path, satellite.Declaration.Name, string.Join(", ", others)));
            }
        }

        if (satellite.Builder.TracksRecords)
        {
            var others = satellite.Builder.Attributes.Select(a => a.Name == satellite.Builder.StatusColumn ? (satellite.Builder.IsEffectivity ? "effectivity" : "status tracking") : $"attribute '{a.Name}'")
                .Concat(satellite.Builder.NonHistorized ? ["non-historised events"] : [])
                .Concat((satellite.Builder.Standard ?? _model.Standard).AllNullDiff == Hashing.AllNullRule.Null ? ["a hashing standard under which its empty attribute set hashes to NULL (AllNullDiff = Null), which no row could store"] : [])
                .ToList();
            if (others.Count > 0)
            {
                Report(ModelDiagnostics.RecordTrackingWithAttributes.Create(satellite.Declaration.Path, satellite.Declaration.Name, string.Join(", ", others)));
            }
        }
        else if (!satellite.Builder.Attributes.Any(a => a.Name != satellite.Builder.EffectiveFromColumn))
        {
            Report(ModelDiagnostics.SatelliteWithoutAttributes.Create(satellite.Declaration.Path, satellite.Declaration.Name));
        }

        foreach (var attribute in satellite.Builder.Attributes)
        {
            if (attribute is { Default: { } value, Type: { } type } && type.Problem() is null && DefaultProblem(type, value) is { } problem)
            {
                Report(ModelDiagnostics.InvalidAttributeDefault.Create(
                    $"{satellite.Declaration.Path}/{attribute.Name}", attribute.Name, type, string.Create(CultureInfo.InvariantCulture, $"{value} ({value.GetType().Name})"), problem));
            }
        }
    }

    /// <summary>Why <paramref name="value"/> cannot be a value of <paramref name="type"/>, or <see langword="null"/>.</summary>
    private static string? DefaultProblem(DataType type, object value) => (type.Kind, value) switch
    {
        (DataTypeKind.String, string s) when s.Length > type.Length => $"longer than {type.Length} characters",
        (DataTypeKind.String or DataTypeKind.Text, string) => null,
        (DataTypeKind.Int, int) => null,
        (DataTypeKind.Int, long l) when l is >= int.MinValue and <= int.MaxValue => null,
        (DataTypeKind.BigInt, int or long) => null,
        (DataTypeKind.Decimal, int or long) => null,
        (DataTypeKind.Decimal, decimal d) when d.Scale > type.Scale => $"it has {d.Scale} fractional digits, the scale is {type.Scale}",
        (DataTypeKind.Decimal, decimal d) when Math.Truncate(Math.Abs(d)).ToString(CultureInfo.InvariantCulture).TrimStart('0').Length > type.Precision - type.Scale =>
            $"it has more than {type.Precision - type.Scale} integer digits",
        (DataTypeKind.Decimal, decimal) => null,
        (DataTypeKind.Date, DateOnly) => null,
        (DataTypeKind.Time, TimeOnly) => null,
        (DataTypeKind.Timestamp, DateTime) => null,
        (DataTypeKind.Boolean, bool) => null,
        (DataTypeKind.Guid, Guid) => null,
        (DataTypeKind.Binary, byte[] b) when b.Length > type.Length => $"longer than {type.Length} bytes",
        (DataTypeKind.Binary, byte[]) => null,
        _ => $"a {value.GetType().Name} is not a value of this type",
    };
}

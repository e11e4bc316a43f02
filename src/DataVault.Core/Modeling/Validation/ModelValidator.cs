using DataVault.Core.Hashing;
using DataVault.Core.Modeling.Resolution;

namespace DataVault.Core.Modeling.Validation;

/// <summary>
/// Checks a <see cref="ResolvedModel"/> and reports every problem into a <see cref="DiagnosticBag"/> — never stopping
/// at the first — with one rule method per concept: names and identifiers, tables, columns, keys, a link's hubs and
/// key parts, parents, PITs, hashing standards and naming conventions. Every message comes from
/// <see cref="ModelDiagnostics"/>. A problem is reported once, where it is made: a refused declaration is reported
/// and nothing else of it is checked, and a reference to it says nothing (its outcome is
/// <see cref="ReferenceOutcome.Refused"/>); a derived name (a hash key) is checked where it is made, not again where it
/// is carried.
/// </summary>
internal sealed partial class ModelValidator
{
    private readonly ResolvedModel _model;
    private readonly NamingConventions _naming;
    private readonly int _maxLength;
    private readonly string _targetName;
    private readonly bool _schemas;
    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, string> _tables = new(StringComparer.OrdinalIgnoreCase);

    private ModelValidator(ResolvedModel model, IModelTarget? target)
    {
        _model = model;
        _naming = model.Naming;
        _maxLength = target?.MaxIdentifierLength ?? Identifiers.PortableMaxLength;
        _targetName = target?.Name ?? "the portable limit";
        _schemas = target?.SupportsSchemas ?? true;
    }

    /// <summary>Every problem of <paramref name="model"/>, in model order.</summary>
    /// <param name="model">The resolved declarations.</param>
    /// <param name="target">The database the model is for (its identifier limit), or <see langword="null"/> for the portable limit.</param>
    /// <returns>The diagnostics; empty when the model is valid.</returns>
    public static IReadOnlyList<ModelDiagnostic> Validate(ResolvedModel model, IModelTarget? target)
    {
        var validator = new ModelValidator(model, target);
        validator.CheckModel();
        return validator._diagnostics.ToReadOnlyList();
    }

    /// <summary>The vault, then every declaration in declared order, kind by kind; the order of the rules is the order of the diagnostics.</summary>
    private void CheckModel()
    {
        CheckStandard(_model.Standard, "vault");
        CheckNamingConventions();
        CheckSchemas();
        if (_model.Hubs.Count == 0)
        {
            Report(ModelDiagnostics.EmptyModel.Create("vault"));
        }

        foreach (var hub in _model.Hubs)
        {
            CheckHub(hub);
        }

        foreach (var link in _model.Links)
        {
            CheckLink(link);
        }

        foreach (var satellite in _model.Satellites)
        {
            CheckSatellite(satellite);
        }

        if (_model.PointInTimes.Count > 0)
        {
            // The PITs' shared column, checked once before them.
            CheckIdentifier(_naming.SnapshotDate, "naming/snapshot_date");
        }

        foreach (var pointInTime in _model.PointInTimes)
        {
            CheckPointInTime(pointInTime);
        }
    }

    /// <summary>A hub: its name, table and hash key, its business keys, its columns, its standard.</summary>
    private void CheckHub(ResolvedHub hub)
    {
        if (CheckKeyedEntity(hub.Declaration, hub.HashKey))
        {
            var keys = hub.Builder.BusinessKeys;
            CheckBusinessKeys(hub);
            var standardized = hub.Builder.KeyStorage == StandardizedKeyStorage.Beside ? keys.Where(Hub.IsText).Select(k => Hub.StandardizedColumnName(k.Name)).ToList() : [];
            foreach (var column in standardized)
            {
                CheckIdentifier(column, $"{hub.Declaration.Path}/{column}");
            }

            CheckColumns(hub.Declaration.Path, hub.Builder.IsReference ? [.. keys.Select(k => k.Name)] : [hub.HashKey, .. keys.Select(k => k.Name), .. standardized], keys);
            CheckReferenceHub(hub);
            CheckExtendedTracking(hub.Declaration, hub.Builder.TracksVersions);
            if (hub.Builder.KeyStorage != StandardizedKeyStorage.Delivered && keys.Count > 0 && !keys.Any(Hub.IsText))
            {
                Report(ModelDiagnostics.StandardizedKeysWithoutText.Create(hub.Declaration.Path, hub.Declaration.Name));
            }
            CheckStandard(hub.Builder.Standard, hub.Declaration.Path);
        }
    }

    /// <summary>
    /// A reference hub (DV1039): one business key, stored as delivered; no link or PIT refers to it (they join by hash
    /// key); its satellites are standard ones (attributes, optionally an effective-from column).
    /// </summary>
    private void CheckReferenceHub(ResolvedHub hub)
    {
        if (!hub.Builder.IsReference)
        {
            return;
        }

        var name = hub.Declaration.Name;
        var problems = new List<string>();
        if (hub.Builder.BusinessKeys.Count > 1)
        {
            problems.Add($"declares {hub.Builder.BusinessKeys.Count} business keys ({string.Join(", ", hub.Builder.BusinessKeys.Select(k => k.Name))}); its one key is its code");
        }

        if (hub.Builder.BusinessKeys.Count == 1 && hub.Builder.BusinessKeys[0].Type?.Kind == DataTypeKind.Text)
        {
            problems.Add($"has code '{hub.Builder.BusinessKeys[0].Name}' of type Text, which is its primary key and no engine keys text of unbounded length; declare DataType.String(n)");
        }

        if (hub.Builder.KeyStorage != StandardizedKeyStorage.Delivered)
        {
            problems.Add("stores standardised keys; its code is stored as delivered (clean it with SourceMapping.Clean)");
        }

        problems.AddRange(_model.Links.Where(l => l.Builder.Hubs.Any(h => h.Hub == name)).Select(l => $"is referred to by link '{l.Declaration.Name}'"));
        problems.AddRange(_model.PointInTimes.Where(p => p.Hub.Name == name).Select(p => $"is the hub of point-in-time table '{p.Declaration.Name}'"));
        foreach (var satellite in _model.Satellites.Where(s => s.Parent.Target is Hub parent && parent.Name == name))
        {
            var builder = satellite.Builder;
            var kind = builder.MultiActiveKeys.Count > 0 ? "multi-active"
                : builder.StatusColumn is not null ? "status-tracking"
                : builder.TracksRecords ? "record-tracking"
                : builder.IsEffectivity ? "effectivity"
                : builder.NonHistorized ? "non-historised"
                : null;
            if (kind is not null)
            {
                problems.Add($"has {kind} satellite '{satellite.Declaration.Name}'; its satellites are standard ones");
            }
        }

        foreach (var problem in problems)
        {
            Report(ModelDiagnostics.InvalidReferenceHub.Create(hub.Declaration.Path, name, problem));
        }
    }

    /// <summary>
    /// An extended tracking satellite (DV1041): its table (named like the others, DV1001/DV1004), at least one standard
    /// satellite of the hub or link to track, and one kind of hash diff among them (one column holds them all).
    /// </summary>
    private void CheckExtendedTracking(Declaration parent, bool tracks)
    {
        if (!tracks)
        {
            return;
        }

        var table = _naming.ExtendedTrackingTableName(parent.Name);
        CheckTable(new Declaration("extended tracking satellite", parent.Name, parent.Path + "/xts", table, Refusal.None));
        var kind = parent.Path.StartsWith("hub:", StringComparison.Ordinal) ? "hub" : "link";
        var tracked = _model.Satellites
            .Where(s => s.Satellite is { } satellite && s.Parent.Kind == kind && s.Parent.Name == parent.Name && ExtendedTrackingSatellite.Tracks(satellite))
            .Select(s => s.Satellite!)
            .ToList();
        if (tracked.Count == 0)
        {
            Report(ModelDiagnostics.InvalidExtendedTracking.Create(parent.Path, parent.Name, $"({table}) has no standard satellite of {kind} '{parent.Name}' to track"));
        }
        else if (tracked.Select(s => (s.HashingStandard.Algorithm, s.HashingStandard.OutputForm)).Distinct().Count() > 1)
        {
            Report(ModelDiagnostics.InvalidExtendedTracking.Create(parent.Path, parent.Name,
                $"({table}) would hold hash diffs of several kinds: {string.Join(", ", tracked.Select(s => $"{s.TableName} {s.HashingStandard.Algorithm} {s.HashingStandard.OutputForm}"))}"));
        }
    }

    /// <summary>A link: its name, table and hash key (as a hub's), its hubs, its columns, its key parts, its standard.</summary>
    private void CheckLink(ResolvedLink link)
    {
        if (CheckKeyedEntity(link.Declaration, link.HashKey))
        {
            var childKeys = link.Builder.DependentChildKeys;
            CheckLinkHubs(link);
            CheckColumns(link.Declaration.Path, [link.HashKey, .. link.Hubs.Select(r => r.HashKeyColumn), .. childKeys.Select(k => k.Name)], childKeys);
            CheckKeyParts(link);
            CheckExtendedTracking(link.Declaration, link.Builder.TracksVersions);
            CheckStandard(link.Builder.Standard, link.Declaration.Path);
        }
    }

    /// <summary>A satellite: its name and table, its parent, its attributes, its columns, its standard.</summary>
    private void CheckSatellite(ResolvedSatellite satellite)
    {
        if (CheckEntity(satellite.Declaration))
        {
            var attributes = satellite.Builder.Attributes;
            string[] parentKey = satellite.Parent.Target is { } parent ? [parent.HashKeyColumn] : [];
            CheckParent(satellite);
            CheckAttributes(satellite);
            CheckColumns(satellite.Declaration.Path, [.. parentKey, .. attributes.Select(a => a.Name)], attributes);
            CheckStandard(satellite.Builder.Standard, satellite.Declaration.Path);
        }
    }

    /// <summary>A point-in-time table: its name and table, its hub, its satellites, its columns.</summary>
    private void CheckPointInTime(ResolvedPointInTime pointInTime)
    {
        if (CheckEntity(pointInTime.Declaration))
        {
            CheckPitHub(pointInTime);
            CheckPitSatellites(pointInTime);
            CheckPitColumns(pointInTime);
        }
    }

    /// <summary>Standards: a declared hashing standard (the vault's or an entity's override) passes <see cref="HashingStandard.Validate"/> (DV1040).</summary>
    private void CheckStandard(HashingStandard? standard, string path)
    {
        try
        {
            standard?.Validate();
        }
        catch (ArgumentException e)
        {
            Report(ModelDiagnostics.InvalidHashingStandard.Create(path, e.Message));
        }
    }

    private void Report(ModelDiagnostic diagnostic) => _diagnostics.Add(diagnostic);
}

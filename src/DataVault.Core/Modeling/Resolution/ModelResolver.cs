using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling.Resolution;

/// <summary>
/// Names and links the declarations of a <see cref="DataVaultModelBuilder"/>: tables and key columns by the naming
/// conventions, a link's hubs, a satellite's parent, a PIT's hub and satellites. It decides nothing about whether the
/// names are good and writes no message: it records what it found (<see cref="Refusal"/>, <see cref="ReferenceOutcome"/>)
/// for <see cref="Validation.ModelValidator"/>, which reports it. Kinds resolve in order — hubs, links, satellites, PITs —
/// each against the kinds before it. A declaration whose name is refused (unsafe, or taken) is left out, so whoever
/// references it sees <see cref="ReferenceOutcome.Refused"/>, not an unknown name.
/// </summary>
internal sealed class ModelResolver
{
    private readonly HashingStandard _standard;
    private readonly NamingConventions _naming;
    private readonly Dictionary<string, Hub> _hubs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Link> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Satellite> _satellites = new(StringComparer.Ordinal);
    private readonly List<Satellite> _satellitesInOrder = [];
    private readonly HashSet<string> _satelliteNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pointInTimeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredHubs;
    private readonly HashSet<string> _declaredLinks;
    private readonly HashSet<string> _declaredSatellites;
    private readonly IReadOnlyList<SatelliteBuilder> _satelliteBuilders;

    private ModelResolver(HashingStandard standard, NamingConventions naming, IReadOnlyList<HubBuilder> hubs, IReadOnlyList<LinkBuilder> links, IReadOnlyList<SatelliteBuilder> satellites)
    {
        _standard = standard;
        _naming = naming;
        _declaredHubs = hubs.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        _declaredLinks = links.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        _declaredSatellites = satellites.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        _satelliteBuilders = satellites;
    }

    /// <summary>Resolves the declarations.</summary>
    /// <param name="standard">The vault's hashing standard.</param>
    /// <param name="naming">The naming conventions.</param>
    /// <param name="hubs">The declared hubs.</param>
    /// <param name="links">The declared links.</param>
    /// <param name="satellites">The declared satellites.</param>
    /// <param name="pointInTimes">The declared point-in-time tables.</param>
    /// <returns>Every declaration, named and linked, in declared order.</returns>
    public static ResolvedModel Resolve(HashingStandard standard, NamingConventions naming, IReadOnlyList<HubBuilder> hubs, IReadOnlyList<LinkBuilder> links, IReadOnlyList<SatelliteBuilder> satellites, IReadOnlyList<PointInTimeBuilder> pointInTimes)
    {
        var resolver = new ModelResolver(standard, naming, hubs, links, satellites);

        // Materialised kind by kind: each kind links against the kinds resolved before it.
        List<ResolvedHub> resolvedHubs = [.. hubs.Select(resolver.ResolveHub)];
        List<ResolvedLink> resolvedLinks = [.. links.Select(resolver.ResolveLink)];
        List<ResolvedSatellite> resolvedSatellites = [.. satellites.Select(resolver.ResolveSatellite)];
        List<ResolvedPointInTime> resolvedPointInTimes = [.. pointInTimes.Select(resolver.ResolvePointInTime)];
        return new ResolvedModel(standard, naming, resolvedHubs, resolvedLinks, resolvedSatellites, resolvedPointInTimes);
    }

    private ResolvedHub ResolveHub(HubBuilder builder)
    {
        var declaration = Declare("hub", "hub:", builder.Name, builder.Table ?? (builder.IsReference ? _naming.ReferenceHubTableName(builder.Name) : _naming.HubTableName(builder.Name)), _hubs.ContainsKey(builder.Name));
        // A reference hub's key column is its code itself, not a hash.
        var hashKey = builder.IsReference && builder.BusinessKeys.Count == 1 ? builder.BusinessKeys[0].Name : _naming.HubHashKeyName(builder.Name);
        Hub? hub = null;
        if (!declaration.IsRefused)
        {
            hub = new Hub(builder.Name, declaration.Table, hashKey, builder.Standard ?? _standard, [.. builder.BusinessKeys], _naming, builder.KeyStorage, builder.IsReference) { WantsExtendedTracking = builder.TracksVersions };
            _hubs.Add(builder.Name, hub);
        }

        return new ResolvedHub(declaration, hashKey, builder, hub);
    }

    private ResolvedLink ResolveLink(LinkBuilder builder)
    {
        var declaration = Declare("link", "link:", builder.Name, builder.Table ?? _naming.LinkTableName(builder.Name), _links.ContainsKey(builder.Name));
        var hashKey = _naming.LinkHashKeyName(builder.Name);
        var references = new List<ResolvedHubReference>();
        var hubs = new List<LinkHubReference>();
        foreach (var (hubName, role) in builder.Hubs)
        {
            var outcome = Find(_hubs, _declaredHubs, hubName, out var hub);
            LinkHubReference? reference = null;
            if (hub is not null)
            {
                // A hub referenced again with the same role would put a second column of the same name in the link.
                var column = _naming.LinkHubColumnName(hub.HashKeyColumn, role);
                if (hubs.Exists(r => r.HashKeyColumn == column))
                {
                    outcome = ReferenceOutcome.Repeated;
                }
                else
                {
                    reference = new LinkHubReference(hub, role, column);
                    hubs.Add(reference);
                }
            }

            references.Add(new ResolvedHubReference(hubName, role, $"{declaration.Path}/hub:{hubName}", outcome, reference));
        }

        Link? link = null;
        if (!declaration.IsRefused)
        {
            link = new Link(builder.Name, declaration.Table, hashKey, builder.Standard ?? _standard, hubs, [.. builder.DependentChildKeys], _naming, builder.NullHubKeys) { WantsExtendedTracking = builder.TracksVersions };
            _links.Add(builder.Name, link);
        }

        return new ResolvedLink(declaration, hashKey, builder, references, hubs, link);
    }

    private ResolvedSatellite ResolveSatellite(SatelliteBuilder builder)
    {
        // Unlike hubs and links, a satellite's name is taken even when it is refused: the same unsafe name twice is
        // also a duplicate (the behaviour the diagnostics golden file pins).
        var declaration = Declare("satellite", "sat:", builder.Name, builder.Table ?? _naming.SatelliteTableName(builder.Name), !_satelliteNames.Add(builder.Name));
        var parent = ResolveParent(builder, declaration.Path);
        Satellite? satellite = null;
        if (!declaration.IsRefused && parent.Target is not null)
        {
            satellite = new Satellite(builder.Name, declaration.Table, parent.Target, builder.Standard ?? _standard, [.. builder.Attributes], _naming, builder.NonHistorized, builder.EffectiveFromColumn, [.. builder.MultiActiveKeys], builder.StatusColumn, builder.IsEffectivity, builder.DrivingKey, builder.TracksRecords);
            _satellites.Add(builder.Name, satellite);
            _satellitesInOrder.Add(satellite);
        }

        return new ResolvedSatellite(declaration, builder, parent, satellite);
    }

    private ResolvedReference<VaultEntity> ResolveParent(SatelliteBuilder builder, string path)
    {
        if (builder.Parents.Count != 1)
        {
            return ResolvedReference<VaultEntity>.NotOne(path, builder.Parents.Count);
        }

        var (kind, name) = builder.Parents[0];
        VaultEntity? parent;
        ReferenceOutcome outcome;
        if (kind == "hub")
        {
            outcome = Find(_hubs, _declaredHubs, name, out var hub);
            parent = hub;
        }
        else
        {
            outcome = Find(_links, _declaredLinks, name, out var link);
            parent = link;
        }

        return new ResolvedReference<VaultEntity>(kind, name, $"{path}/{kind}:{name}", outcome, parent);
    }

    private ResolvedPointInTime ResolvePointInTime(PointInTimeBuilder builder)
    {
        var declaration = Declare("point-in-time table", "pit:", builder.Name, builder.Table ?? _naming.PitTableName(builder.Name), !_pointInTimeNames.Add(builder.Name));
        var hub = ResolvePitHub(builder, declaration.Path);
        var listed = new List<ResolvedReference<Satellite>>();
        var chosen = new List<Satellite>();
        var coverage = PitCoverage.Listed;
        if (builder.SatelliteNames.Count == 0)
        {
            coverage = PitCoverage.EverySatelliteOfHub;
            if (hub.Target is { } target)
            {
                chosen.AddRange(_satellitesInOrder.Where(s => ReferenceEquals(s.Parent, target)));
                if (chosen.Count == 0 && !_satelliteBuilders.Any(b => b.Parents.Contains(("hub", target.Name))))
                {
                    // A satellite declared on the hub but refused (or with a second parent) is reported itself.
                    coverage = PitCoverage.HubHasNoSatellite;
                }
            }
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in builder.SatelliteNames)
            {
                Satellite? satellite = null;
                var outcome = seen.Add(name) ? Find(_satellites, _declaredSatellites, name, out satellite) : ReferenceOutcome.Repeated;
                if (satellite is not null && hub.Target is not null && !ReferenceEquals(satellite.Parent, hub.Target))
                {
                    outcome = ReferenceOutcome.OtherParent;
                }
                else if (satellite is not null)
                {
                    chosen.Add(satellite);
                }

                listed.Add(new ResolvedReference<Satellite>("satellite", name, $"{declaration.Path}/sat:{name}", outcome, satellite));
            }
        }

        List<PointInTimeSatellite> columns = [.. chosen.Select(s => new PointInTimeSatellite(s, _naming.PitLoadDateName(s.TableName)))];
        var pointInTime = !declaration.IsRefused && hub.Target is not null ? new PointInTime(builder.Name, declaration.Table, hub.Target, columns, _naming) : null;
        return new ResolvedPointInTime(declaration, builder, hub, coverage, listed, columns, pointInTime);
    }

    private ResolvedReference<Hub> ResolvePitHub(PointInTimeBuilder builder, string path)
    {
        if (builder.Hubs.Count != 1)
        {
            return ResolvedReference<Hub>.NotOne(path, builder.Hubs.Count);
        }

        var name = builder.Hubs[0];
        var outcome = Find(_hubs, _declaredHubs, name, out var hub);
        return new ResolvedReference<Hub>("hub", name, $"{path}/hub:{name}", outcome, hub);
    }

    /// <summary>Names a declaration: its path, its table, and whether its name is refused (taken, or unsafe).</summary>
    private static Declaration Declare(string kind, string pathPrefix, string name, string table, bool taken) =>
        new(kind, name, pathPrefix + name, table, taken ? Refusal.DuplicateName : Identifiers.IsSafe(name) ? Refusal.None : Refusal.UnsafeName);

    private static ReferenceOutcome Find<T>(Dictionary<string, T> resolved, HashSet<string> declared, string name, out T? target)
        where T : class
    {
        if (resolved.TryGetValue(name, out target))
        {
            return ReferenceOutcome.Resolved;
        }

        return declared.Contains(name) ? ReferenceOutcome.Refused : ReferenceOutcome.Undeclared;
    }
}

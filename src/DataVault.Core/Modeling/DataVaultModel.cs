using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>
/// A validated, immutable Data Vault model: hubs, links and satellites with their tables, keys and hashing
/// standards, and the point-in-time tables declared over them. Built by <see cref="DataVaultModelBuilder"/>; thread-safe.
/// </summary>
public sealed class DataVaultModel
{
    private readonly Dictionary<string, Hub> _hubs;
    private readonly Dictionary<string, Link> _links;
    private readonly Dictionary<string, Satellite> _satellites;
    private readonly Dictionary<string, PointInTime> _pointInTimes;

    internal DataVaultModel(HashingStandard hashingStandard, NamingConventions naming, IReadOnlyList<Hub> hubs, IReadOnlyList<Link> links, IReadOnlyList<Satellite> satellites, IReadOnlyList<PointInTime> pointInTimes)
    {
        HashingStandard = hashingStandard;
        Naming = naming;
        // Copies into read-only lists: nothing the builder or a caller holds can change the model.
        Hubs = [.. hubs];
        Links = [.. links];
        Satellites = [.. satellites];
        PointInTimes = [.. pointInTimes];
        _hubs = hubs.ToDictionary(h => h.Name, StringComparer.Ordinal);
        _links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        _satellites = satellites.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _pointInTimes = pointInTimes.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var trackings = new List<ExtendedTrackingSatellite>();
        foreach (var entity in Hubs.Cast<VaultEntity>().Concat(Links).Where(e => e.WantsExtendedTracking))
        {
            entity.ExtendedTracking = new ExtendedTrackingSatellite(entity, naming.ExtendedTrackingTableName(entity.Name), [.. Satellites.Where(s => ReferenceEquals(s.Parent, entity) && ExtendedTrackingSatellite.Tracks(s))], naming);
            trackings.Add(entity.ExtendedTracking);
        }

        ExtendedTrackings = trackings;
    }

    /// <summary>The extended tracking satellites, hubs' in declared order, then links'.</summary>
    public IReadOnlyList<ExtendedTrackingSatellite> ExtendedTrackings { get; }

    /// <summary>The extended tracking satellite that tracks <paramref name="satellite"/>, or <see langword="null"/>.</summary>
    /// <param name="satellite">A satellite of this model.</param>
    /// <returns>The extended tracking satellite, or <see langword="null"/>.</returns>
    public ExtendedTrackingSatellite? ExtendedTrackingOf(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return Satellites.Contains(satellite) && satellite.Parent.ExtendedTracking is { } tracking && tracking.Satellites.Contains(satellite) ? tracking : null;
    }

    /// <summary>The vault's default hashing standard.</summary>
    public HashingStandard HashingStandard { get; }

    /// <summary>The database schemas of the vault's layers (<see cref="VaultSchemas.None"/> unless declared).</summary>
    public VaultSchemas Schemas { get; internal init; } = VaultSchemas.None;

    /// <summary>The naming conventions the tables and system columns were named with.</summary>
    public NamingConventions Naming { get; }

    /// <summary>The hubs, in declared order.</summary>
    public IReadOnlyList<Hub> Hubs { get; }

    /// <summary>The links, in declared order.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>The satellites, in declared order.</summary>
    public IReadOnlyList<Satellite> Satellites { get; }

    /// <summary>The point-in-time tables, in declared order.</summary>
    public IReadOnlyList<PointInTime> PointInTimes { get; }

    /// <summary>The hub named <paramref name="name"/>.</summary>
    /// <param name="name">The hub's model name.</param>
    /// <returns>The hub.</returns>
    /// <exception cref="KeyNotFoundException">No such hub; the message lists the hubs.</exception>
    public Hub Hub(string name) => Find(_hubs, name, "hub");

    /// <summary>The link named <paramref name="name"/>.</summary>
    /// <param name="name">The link's model name.</param>
    /// <returns>The link.</returns>
    /// <exception cref="KeyNotFoundException">No such link; the message lists the links.</exception>
    public Link Link(string name) => Find(_links, name, "link");

    /// <summary>The satellite named <paramref name="name"/>.</summary>
    /// <param name="name">The satellite's model name.</param>
    /// <returns>The satellite.</returns>
    /// <exception cref="KeyNotFoundException">No such satellite; the message lists the satellites.</exception>
    public Satellite Satellite(string name) => Find(_satellites, name, "satellite");

    /// <summary>The point-in-time table named <paramref name="name"/>.</summary>
    /// <param name="name">The PIT's model name.</param>
    /// <returns>The PIT.</returns>
    /// <exception cref="KeyNotFoundException">No such PIT; the message lists the PITs.</exception>
    public PointInTime PointInTime(string name) => Find(_pointInTimes, name, "point-in-time table");

    /// <summary>The satellites attached to <paramref name="parent"/>, in declared order.</summary>
    /// <param name="parent">A hub or link of this model.</param>
    /// <returns>The satellites.</returns>
    public IReadOnlyList<Satellite> SatellitesOf(VaultEntity parent) => [.. Satellites.Where(s => ReferenceEquals(s.Parent, parent))];

    /// <summary>The model as a Mermaid entity-relationship diagram (hubs, links, satellites and their keys).</summary>
    /// <returns>Mermaid text, starting with <c>erDiagram</c>.</returns>
    public string ToMermaid() => MermaidDiagram.Write(this);

    private static T Find<T>(Dictionary<string, T> entities, string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        return entities.TryGetValue(name, out var entity)
            ? entity
            : throw new KeyNotFoundException($"The model has no {kind} '{name}'. Declared: {(entities.Count == 0 ? "none" : string.Join(", ", entities.Keys))}.");
    }
}

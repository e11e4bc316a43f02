using System.Globalization;
using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>Resolves the builders into entities and collects every problem on the way (never stops at the first).</summary>
internal sealed class ModelValidator(HashingStandard standard, NamingConventions naming, IModelTarget? target)
{
    private readonly List<ModelDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, string> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxLength = target?.MaxIdentifierLength ?? Identifiers.PortableMaxLength;
    private readonly string _targetName = target?.Name ?? "the portable limit";

    public IReadOnlyList<ModelDiagnostic> Diagnostics => _diagnostics;

    public DataVaultModel? Resolve(List<HubBuilder> hubBuilders, List<LinkBuilder> linkBuilders, List<SatelliteBuilder> satelliteBuilders, List<PointInTimeBuilder> pointInTimeBuilders)
    {
        var vaultStandard = CheckStandard(standard, "vault");
        CheckNaming();
        var declaredHubs = hubBuilders.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var declaredLinks = linkBuilders.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        if (hubBuilders.Count == 0)
        {
            Add(DiagnosticCodes.EmptyModel, "vault", "The model declares no hub.", "Declare at least one hub with builder.Hub(name, h => h.BusinessKey(...)).");
        }

        var hubs = new Dictionary<string, Hub>(StringComparer.Ordinal);
        foreach (var builder in hubBuilders)
        {
            var path = "hub:" + builder.Name;
            if (!CheckEntityName(builder.Name, path, "hub", hubs.ContainsKey(builder.Name)))
            {
                continue;
            }

            var table = Table(builder.Table ?? naming.HubTableName(builder.Name), path);
            var hashKey = Name(naming.HubHashKeyName(builder.Name), path + "/hash_key");
            if (builder.BusinessKeys.Count == 0)
            {
                Add(DiagnosticCodes.HubWithoutBusinessKey, path, $"Hub '{builder.Name}' has no business key.", "Add one with h.BusinessKey(\"<name>\", DataType.String(50)).");
            }

            CheckColumns(path, [hashKey, .. builder.BusinessKeys.Select(k => k.Name)], builder.BusinessKeys);
            hubs[builder.Name] = new Hub(builder.Name, table, hashKey, CheckStandard(builder.Standard, path) ?? vaultStandard ?? HashingStandards.Default, [.. builder.BusinessKeys], naming);
        }

        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        foreach (var builder in linkBuilders)
        {
            var path = "link:" + builder.Name;
            if (!CheckEntityName(builder.Name, path, "link", links.ContainsKey(builder.Name)))
            {
                continue;
            }

            var table = Table(builder.Table ?? naming.LinkTableName(builder.Name), path);
            var hashKey = Name(naming.LinkHashKeyName(builder.Name), path + "/hash_key");
            if (builder.Hubs.Count < 2)
            {
                Add(DiagnosticCodes.LinkWithTooFewHubs, path, string.Create(CultureInfo.InvariantCulture, $"Link '{builder.Name}' references {builder.Hubs.Count} hub(s); a link relates at least two."), "Add the related hubs with l.Hub(\"<hub>\"); a single hub's attributes belong in a satellite.");
            }

            var references = new List<LinkHubReference>();
            foreach (var (hubName, role) in builder.Hubs)
            {
                var referencePath = $"{path}/hub:{hubName}";
                if (role is not null)
                {
                    Name(role, referencePath + "/role");
                }

                if (!hubs.TryGetValue(hubName, out var hub))
                {
                    if (declaredHubs.Contains(hubName))
                    {
                        // Declared but invalid (e.g. an unsafe name): its own diagnostic says so.
                        continue;
                    }

                    Add(DiagnosticCodes.UnknownHub, referencePath, $"Link '{builder.Name}' references hub '{hubName}', which the model does not declare.", $"Declare hub '{hubName}' before building, or fix the name. Declared hubs: {(hubs.Count == 0 ? "none" : string.Join(", ", hubs.Keys))}.");
                    continue;
                }

                var column = naming.LinkHubColumnName(hub.HashKeyColumn, role);
                if (references.Any(r => r.HashKeyColumn == column))
                {
                    Add(DiagnosticCodes.DuplicateLinkRole, referencePath, $"Link '{builder.Name}' references hub '{hubName}' more than once with the same role.", "Give each further reference of the same hub a distinct role: l.Hub(\"customer\", role: \"referred_by\").");
                    continue;
                }

                references.Add(new LinkHubReference(hub, role, Name(column, referencePath + "/hash_key")));
            }

            CheckColumns(path, [hashKey, .. references.Select(r => r.HashKeyColumn), .. builder.DependentChildKeys.Select(k => k.Name)], builder.DependentChildKeys);
            CheckKeyParts(builder, path, references);
            links[builder.Name] = new Link(builder.Name, table, hashKey, CheckStandard(builder.Standard, path) ?? vaultStandard ?? HashingStandards.Default, references, [.. builder.DependentChildKeys], naming);
        }

        var satellites = new List<Satellite>();
        var satelliteNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var builder in satelliteBuilders)
        {
            var path = "sat:" + builder.Name;
            if (!CheckEntityName(builder.Name, path, "satellite", !satelliteNames.Add(builder.Name)))
            {
                continue;
            }

            var table = Table(builder.Table ?? naming.SatelliteTableName(builder.Name), path);
            var parent = ResolveParent(builder, path, hubs, links, declaredHubs, declaredLinks);
            if (builder.Attributes.Count == 0)
            {
                Add(DiagnosticCodes.SatelliteWithoutAttributes, path, $"Satellite '{builder.Name}' has no attributes.", "Add the descriptive columns with s.Attribute(\"<name>\", type).");
            }

            var columns = new List<string>();
            if (parent is not null)
            {
                columns.Add(parent.HashKeyColumn);
            }

            columns.AddRange(builder.Attributes.Select(a => a.Name));
            CheckColumns(path, columns, builder.Attributes);
            var diffStandard = CheckStandard(builder.Standard, path) ?? vaultStandard ?? HashingStandards.Default;
            if (parent is not null)
            {
                satellites.Add(new Satellite(builder.Name, table, parent, diffStandard, [.. builder.Attributes], naming));
            }
        }

        var pointInTimes = ResolvePointInTimes(pointInTimeBuilders, hubs, declaredHubs, satellites, satelliteBuilders);
        return _diagnostics.Count == 0
            ? new DataVaultModel(vaultStandard!, naming, [.. hubs.Values], [.. links.Values], satellites, pointInTimes)
            : null;
    }

    /// <summary>
    /// Resolves the point-in-time tables: each over exactly one declared hub, with satellites of that hub (all of them
    /// when none is listed), and a table and columns named like any other.
    /// </summary>
    private List<PointInTime> ResolvePointInTimes(List<PointInTimeBuilder> builders, Dictionary<string, Hub> hubs, HashSet<string> declaredHubs, List<Satellite> satellites, List<SatelliteBuilder> satelliteBuilders)
    {
        var pointInTimes = new List<PointInTime>();
        if (builders.Count == 0)
        {
            return pointInTimes;
        }

        var snapshotDate = Name(naming.SnapshotDate, "naming/snapshot_date");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var declaredSatellites = satelliteBuilders.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var resolvedSatellites = new Dictionary<string, Satellite>(StringComparer.Ordinal);
        foreach (var satellite in satellites)
        {
            resolvedSatellites.TryAdd(satellite.Name, satellite);
        }

        foreach (var builder in builders)
        {
            var path = "pit:" + builder.Name;
            if (!CheckEntityName(builder.Name, path, "point-in-time table", !names.Add(builder.Name)))
            {
                continue;
            }

            var table = Table(builder.Table ?? naming.PitTableName(builder.Name), path);
            var hub = ResolvePitHub(builder, path, hubs, declaredHubs);
            var chosen = new List<Satellite>();
            if (builder.SatelliteNames.Count == 0)
            {
                if (hub is not null)
                {
                    chosen.AddRange(satellites.Where(s => ReferenceEquals(s.Parent, hub)));
                    if (chosen.Count == 0 && !satelliteBuilders.Any(b => b.Parents.Contains(("hub", hub.Name))))
                    {
                        Add(DiagnosticCodes.PitWithoutSatellites, path, $"Point-in-time table '{builder.Name}' covers no satellite: hub '{hub.Name}' has none.", $"Declare a satellite on hub '{hub.Name}' with s.OnHub(\"{hub.Name}\"), or remove the PIT.");
                    }
                }
            }
            else
            {
                var listed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var satelliteName in builder.SatelliteNames)
                {
                    var satellitePath = $"{path}/sat:{satelliteName}";
                    if (!listed.Add(satelliteName))
                    {
                        Add(DiagnosticCodes.DuplicateColumn, satellitePath, $"Point-in-time table '{builder.Name}' lists satellite '{satelliteName}' more than once: its load-date column would appear twice.", "List each satellite once in p.Satellites(...).");
                        continue;
                    }

                    if (!resolvedSatellites.TryGetValue(satelliteName, out var satellite))
                    {
                        if (!declaredSatellites.Contains(satelliteName))
                        {
                            var candidates = hub is null ? satellites.Select(s => s.Name) : satellites.Where(s => ReferenceEquals(s.Parent, hub)).Select(s => s.Name);
                            Add(DiagnosticCodes.UnknownPitSatellite, satellitePath, $"Point-in-time table '{builder.Name}' lists satellite '{satelliteName}', which the model does not declare.", $"Declare satellite '{satelliteName}', or fix the name. Satellites {(hub is null ? "declared" : $"of hub '{hub.Name}'")}: {Listed(candidates)}.");
                        }

                        continue;
                    }

                    if (hub is not null && !ReferenceEquals(satellite.Parent, hub))
                    {
                        Add(DiagnosticCodes.PitSatelliteNotOnHub, satellitePath, $"Point-in-time table '{builder.Name}' is over hub '{hub.Name}', but satellite '{satelliteName}' describes {satellite.Parent.Path.Replace(":", " '", StringComparison.Ordinal)}'.", $"List only satellites of hub '{hub.Name}': {Listed(satellites.Where(s => ReferenceEquals(s.Parent, hub)).Select(s => s.Name))}; declare another PIT for the other parent's hub.");
                        continue;
                    }

                    chosen.Add(satellite);
                }
            }

            var columns = chosen.Select(s => new PointInTimeSatellite(s, Name(naming.PitLoadDateName(s.TableName), $"{path}/sat:{s.Name}/load_date"))).ToList();
            if (hub is not null)
            {
                CheckColumns(path, [hub.HashKeyColumn, snapshotDate, .. columns.Select(c => c.LoadDateColumn)], []);
                pointInTimes.Add(new PointInTime(builder.Name, table, hub, columns, naming));
            }
        }

        return pointInTimes;
    }

    private Hub? ResolvePitHub(PointInTimeBuilder builder, string path, Dictionary<string, Hub> hubs, HashSet<string> declaredHubs)
    {
        if (builder.Hubs.Count != 1)
        {
            Add(DiagnosticCodes.PitWithoutHub, path, builder.Hubs.Count == 0
                ? $"Point-in-time table '{builder.Name}' is declared over no hub."
                : $"Point-in-time table '{builder.Name}' is declared over hubs {string.Join(" and ", builder.Hubs.Select(h => "'" + h + "'"))}.", "Declare exactly one hub with p.OnHub(\"<hub>\"); a PIT snapshots the keys of one hub.");
            return null;
        }

        var name = builder.Hubs[0];
        if (hubs.TryGetValue(name, out var hub))
        {
            return hub;
        }

        if (!declaredHubs.Contains(name))
        {
            Add(DiagnosticCodes.UnknownPitHub, $"{path}/hub:{name}", $"Point-in-time table '{builder.Name}' is over hub '{name}', which the model does not declare.", $"Declare hub '{name}', or fix the name. Declared hubs: {Listed(hubs.Keys)}.");
        }

        return null;
    }

    private static string Listed(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private VaultEntity? ResolveParent(SatelliteBuilder builder, string path, Dictionary<string, Hub> hubs, Dictionary<string, Link> links, HashSet<string> declaredHubs, HashSet<string> declaredLinks)
    {
        switch (builder.Parents.Count)
        {
            case 0:
                Add(DiagnosticCodes.SatelliteWithoutParent, path, $"Satellite '{builder.Name}' is attached to no hub or link.", "Attach it with s.OnHub(\"<hub>\") or s.OnLink(\"<link>\").");
                return null;
            case > 1:
                Add(DiagnosticCodes.SatelliteWithTwoParents, path, $"Satellite '{builder.Name}' is attached to {string.Join(" and ", builder.Parents.Select(p => p.Kind + " '" + p.Name + "'"))}.", "Attach a satellite to exactly one hub or link; split it into one satellite per parent.");
                return null;
        }

        var (kind, name) = builder.Parents[0];
        VaultEntity? parent = kind == "hub" ? hubs.GetValueOrDefault(name) : links.GetValueOrDefault(name);
        if (parent is null && !(kind == "hub" ? declaredHubs : declaredLinks).Contains(name))
        {
            IReadOnlyCollection<string> declared = kind == "hub" ? hubs.Keys : links.Keys;
            Add(DiagnosticCodes.UnknownSatelliteParent, $"{path}/{kind}:{name}", $"Satellite '{builder.Name}' is attached to {kind} '{name}', which the model does not declare.", $"Declare {kind} '{name}', or fix the name. Declared {kind}s: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}.");
        }

        return parent;
    }

    /// <summary>The system columns of the naming conventions: safe, short enough, and distinct.</summary>
    private void CheckNaming()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (member, column) in new[] { ("load_date", naming.LoadDate), ("load_end_date", naming.LoadEndDate), ("record_source", naming.RecordSource), ("hash_diff", naming.HashDiff) })
        {
            var path = "naming/" + member;
            Name(column, path);
            if (column is null)
            {
                continue;
            }

            if (seen.TryGetValue(column, out var other))
            {
                Add(DiagnosticCodes.DuplicateColumn, path, $"The naming conventions give the {member} column the name '{column}', which is also the {other} column.", "Give every system column of NamingConventions its own name.");
            }
            else
            {
                seen[column] = member;
            }
        }
    }

    /// <summary>
    /// The names of a link's key parts (its hubs' business keys, role-prefixed, then its child keys) are the columns of
    /// its staging row: they must be distinct and short enough.
    /// </summary>
    private void CheckKeyParts(LinkBuilder builder, string path, List<LinkHubReference> references)
    {
        var staged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references)
        {
            var source = reference.Role is null ? $"hub '{reference.Hub.Name}'" : $"hub '{reference.Hub.Name}' as {reference.Role}";
            foreach (var key in reference.BusinessKeyColumns())
            {
                if (reference.Role is not null && Identifiers.IsSafe(key.Name))
                {
                    Name(key.Name, $"{path}/{key.Name}");
                }

                if (!staged.TryAdd(key.Name, source))
                {
                    Add(DiagnosticCodes.DuplicateColumn, $"{path}/{key.Name}", $"Link '{builder.Name}' stages business key '{key.Name}' of {source} and of {staged[key.Name]}: the link's key parts would share a name.", $"Give one of the hubs a role (l.Hub(\"{reference.Hub.Name}\", role: \"<role>\")), which prefixes its business keys, or give the hubs' business keys distinct names.");
                }
            }
        }

        foreach (var key in builder.DependentChildKeys)
        {
            if (staged.TryGetValue(key.Name, out var source))
            {
                Add(DiagnosticCodes.DuplicateColumn, $"{path}/{key.Name}", $"Dependent child key '{key.Name}' of link '{builder.Name}' has the name of a business key of {source}.", "Rename the child key; a link's key parts are staged side by side.");
            }
        }
    }

    private bool CheckEntityName(string name, string path, string kind, bool duplicate)
    {
        if (duplicate)
        {
            Add(DiagnosticCodes.DuplicateEntityName, path, $"There is more than one {kind} named '{name}'.", $"Give every {kind} a unique name, or merge the declarations.");
            return false;
        }

        return Identifiers.IsSafe(name) || !Unsafe(name, path);
    }

    private string Table(string table, string path)
    {
        Name(table, path + "/table");
        if (_tables.TryGetValue(table, out var other))
        {
            Add(DiagnosticCodes.DuplicateTableName, path, $"Table '{table}' is also the table of {other}.", "Rename one of the entities, or give one an explicit name with ToTable(...).");
        }
        else
        {
            _tables[table] = path;
        }

        return table;
    }

    private string Name(string name, string path)
    {
        if (!Identifiers.IsSafe(name))
        {
            Unsafe(name, path);
        }
        else if (Identifiers.ByteLength(name) > _maxLength)
        {
            Add(DiagnosticCodes.IdentifierTooLong, path, string.Create(CultureInfo.InvariantCulture, $"'{name}' is {Identifiers.ByteLength(name)} bytes long; {_targetName} allows {_maxLength}."), "Shorten the entity or column name, or adjust the naming conventions.");
        }

        return name;
    }

    private bool Unsafe(string name, string path)
    {
        Add(DiagnosticCodes.UnsafeIdentifier, path, $"'{name}' is not a safe identifier.", "Use lower-case ASCII letters, digits and underscores, starting with a letter or underscore (^[a-z_][a-z0-9_]*$).");
        return true;
    }

    /// <summary>
    /// Checks a table's columns: the declared (typed) ones for a safe, short name and a valid type; all of them, the
    /// derived key columns included, for clashes with system columns and each other. Derived names (hash keys) are
    /// checked for safety and length where they are made, so a problem is reported once.
    /// </summary>
    private void CheckColumns(string path, IReadOnlyList<string> columns, IEnumerable<ColumnDefinition> typed)
    {
        foreach (var column in typed)
        {
            Name(column.Name, $"{path}/{column.Name}");
            if (column.Type is null)
            {
                Add(DiagnosticCodes.InvalidDataType, $"{path}/{column.Name}", $"Column '{column.Name}' has no type.", "Give it a DataType, e.g. DataType.String(50).");
            }
            else if (column.Type.Problem() is { } problem)
            {
                Add(DiagnosticCodes.InvalidDataType, $"{path}/{column.Name}", $"Column '{column.Name}' has an invalid type {column.Type}: {problem}.", "Fix the length, precision or scale.");
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var system = naming.SystemColumns();
        foreach (var column in columns)
        {
            if (system.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                Add(DiagnosticCodes.SystemColumnClash, $"{path}/{column}", $"Column '{column}' has the name of a system column.", $"Rename it; {string.Join(", ", system)} are reserved by the naming conventions.");
            }
            else if (Identifiers.IsReservedByWriters(column))
            {
                Add(DiagnosticCodes.SystemColumnClash, $"{path}/{column}", $"Column '{column}' is a name the SQL writers use for their own columns.", "Rename it; 'is_current' and every name starting with 'dv_' are reserved.");
            }
            else if (!seen.Add(column))
            {
                Add(DiagnosticCodes.DuplicateColumn, $"{path}/{column}", $"Column '{column}' appears more than once in {path}.", "Rename one of them; column names are compared case-insensitively, as most engines do.");
            }
        }
    }

    private HashingStandard? CheckStandard(HashingStandard? candidate, string path)
    {
        if (candidate is null)
        {
            return null;
        }

        try
        {
            candidate.Validate();
            return candidate;
        }
        catch (ArgumentException e)
        {
            Add(DiagnosticCodes.InvalidHashingStandard, path, e.Message, "Fix the standard's rules, or use a built-in one from HashingStandards.");
            return null;
        }
    }

    private void Add(string code, string path, string message, string fix) => _diagnostics.Add(new ModelDiagnostic(code, path, message, fix));
}

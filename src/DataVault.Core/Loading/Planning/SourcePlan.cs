using System.Globalization;
using DataVault.Core.Loading.Stages;
using DataVault.Core.Modeling;

namespace DataVault.Core.Loading.Planning;

/// <summary>
/// How the rows of one source become staged rows: which hubs, links and satellites it feeds, which columns each needs
/// (parsed once per row into the model's types), and how keys and diffs are hashed.
/// </summary>
internal sealed partial class SourcePlan
{
    private readonly List<(int Ordinal, DataType Type, string Name)> _needed = [];
    private readonly List<HubFeed> _hubs = [];
    private readonly List<LinkFeed> _links = [];
    private readonly List<SatelliteFeed> _satellites = [];
    private readonly List<StatusFeed> _statuses = [];
    private readonly List<ChangeFeed> _changeFeeds = [];
    private readonly List<object> _constants = [];
    private ColumnCleaning?[] _cleaning = [];
    private readonly SourceColumns _columns;
    private readonly Dictionary<string, DataType> _modelTypes;
    private readonly DerivedColumn[] _derived;
    private readonly object?[] _derivedValues;
    private readonly bool[] _derivedDone;
    private object?[] _parsed = [];
    private bool[] _failed = [];
    private int[] _parseOrder = [];
    private SourceReader? _reader;

    private SourcePlan(LoadSource source, int index, SourceColumns columns, Dictionary<string, DataType> modelTypes)
    {
        Source = source;
        Index = index;
        _columns = columns;
        _modelTypes = modelTypes;
        _derived = [.. source.Mapping.DerivedColumns];
        _derivedValues = new object?[_derived.Length];
        _derivedDone = new bool[_derived.Length];
    }

    public LoadSource Source { get; }

    public int Index { get; }

    /// <summary>The ordinal of the order column, or -1.</summary>
    public int OrderOrdinal { get; private set; } = -1;

    /// <summary>The ordinal of the tie-break column of the order (<see cref="SourceMapping.OrderBy(string, string)"/>), or -1.</summary>
    public int TieBreakOrdinal { get; private set; } = -1;

    /// <summary>The ordinal of the record-source column (<see cref="SourceMapping.RecordSourceFrom"/>), or -1.</summary>
    public int RecordSourceOrdinal { get; private set; } = -1;

    /// <summary>The ordinal of the column each row's load date is read from (<see cref="SourceMapping.LoadDateFrom"/>), or -1.</summary>
    public int LoadDateOrdinal { get; private set; } = -1;

    /// <summary>Per link, the rows of this source that fed no row of it because a hub key was empty and the link or the mapping skips such rows.</summary>
    public Dictionary<string, long> SkippedLinkRows { get; } = new(StringComparer.Ordinal);

    /// <summary>The satellites this source has the parent key and some attributes of, but not all: it does not feed them.</summary>
    public List<SkippedSatellite> Skipped { get; } = [];

    /// <summary>The tables this source feeds.</summary>
    public IEnumerable<string> Tables => _hubs.Select(h => h.Stage.Table).Concat(_links.Select(l => l.Stage.Table)).Concat(_satellites.Select(s => s.Stage.Table)).Concat(_statuses.Select(s => s.Stage.Table)).Concat(_changeFeeds.Select(c => c.Stage.Table)).Distinct();

    /// <summary>The status-tracking satellites this source is the full extract of.</summary>
    public IEnumerable<string> FullExtractTables => _statuses.Select(s => s.Stage.Table);

    public static SourcePlan Create(LoadSource source, int index, IReadOnlyList<string> sourceColumns, DataVaultModel model, StageSet stages)
    {
        var columns = new SourceColumns(source, sourceColumns);
        var plan = new SourcePlan(source, index, columns, ModelTypes(model));
        plan.Resolve(model, stages);
        return plan;
    }

    /// <summary>The source row number recorded in staging: source index in the high bits, line or row below.</summary>
    public static long SourceRow(int sourceIndex, long location) => ((long)sourceIndex << 40) | location;

    private static Dictionary<string, DataType> ModelTypes(DataVaultModel model)
    {
        var types = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in model.Hubs.SelectMany(h => h.BusinessKeys)
                     .Concat(model.Links.SelectMany(l => l.KeyParts))
                     .Concat(model.Satellites.SelectMany(s => s.Attributes)))
        {
            types.TryAdd(column.Name, column.Type);
        }

        return types;
    }

    private void Resolve(DataVaultModel model, StageSet stages)
    {
        var mapping = Source.Mapping;
        var known = model.Hubs.Select(h => h.TableName).Concat(model.Links.Select(l => l.TableName)).Concat(model.Satellites.Select(s => s.TableName)).ToHashSet(StringComparer.Ordinal);
        foreach (var table in mapping.OnlyTables.Concat(mapping.ExcludedTables).Concat(mapping.AllKeysRequiredTables).Concat(mapping.FullExtracts.Keys).Concat(mapping.Changes).Where(t => !known.Contains(t)))
        {
            throw new DataVaultLoadException(Source.Name, null, null, LoadMessages.UnknownMappedTable(Source.Name, table, known.Order(StringComparer.Ordinal)));
        }

        bool Explicit(string table) => mapping.OnlyTables.Contains(table);
        bool Allowed(string table) => !mapping.ExcludedTables.Contains(table) && (mapping.OnlyTables.Count == 0 || mapping.OnlyTables.Contains(table));
        bool Has(IEnumerable<ColumnDefinition> needed) => needed.All(c => _columns.Find(c.Name) >= 0);
        void Require(string table, IEnumerable<ColumnDefinition> needed)
        {
            var missing = needed.Where(c => _columns.Find(c.Name) < 0).Select(c => c.Name).ToArray();
            if (missing.Length > 0)
            {
                throw new DataVaultLoadException(Source.Name, 1, missing[0], LoadMessages.MissingColumns(Source.Name, missing, table, _columns.Names));
            }
        }

        var fedLinks = new List<Link>();
        foreach (var link in model.Links)
        {
            var parts = link.KeyParts;
            if (Explicit(link.TableName))
            {
                Require(link.TableName, parts);
            }
            else if (!Allowed(link.TableName) || !Has(parts))
            {
                continue;
            }

            fedLinks.Add(link);
        }

        foreach (var satellite in model.Satellites)
        {
            if (mapping.Changes.Contains(satellite.TableName))
            {
                // A delta of changes of an effectivity satellite with a driving key: each row the relationship from its load date on.
                if (!satellite.IsEffectivity || satellite.DrivingKey is null)
                {
                    throw new DataVaultLoadException(Source.Name, null, null, LoadMessages.ChangesOfNoDrivenEffectivity(Source.Name, satellite.TableName, model.Satellites.Where(s => s.IsEffectivity && s.DrivingKey is not null).Select(s => s.TableName)));
                }

                if (mapping.FullExtracts.ContainsKey(satellite.TableName) || mapping.OrderColumn is not null)
                {
                    throw new DataVaultLoadException(Source.Name, null, null, LoadMessages.ChangesWith(Source.Name, satellite.TableName, mapping.OrderColumn is not null ? $"OrderBy(\"{mapping.OrderColumn}\")" : "FullExtractFor"));
                }

                Require(satellite.TableName, satellite.Parent.KeyParts);
                _changeFeeds.Add(new ChangeFeed(stages.EffectivityChanges(satellite), Need(satellite.Parent.KeyParts), ModelHashing.HashDiff(satellite, [satellite.FirstStatus])!));
                continue;
            }

            if (satellite.TracksStatus || mapping.FullExtracts.ContainsKey(satellite.TableName))
            {
                // Fed only by a source declared its full extract (never by a delta, whatever columns it has).
                if (mapping.FullExtracts.TryGetValue(satellite.TableName, out var allowEmpty))
                {
                    if (!satellite.TracksStatus)
                    {
                        throw new DataVaultLoadException(Source.Name, null, null, LoadMessages.FullExtractOfNoStatusSatellite(Source.Name, satellite.TableName, model.Satellites.Where(s => s.TracksStatus).Select(s => s.TableName)));
                    }

                    Require(satellite.TableName, satellite.Parent.KeyParts);
                    var stage = stages.StatusTracking(satellite);
                    stage.MarkFullExtract(allowEmpty, mapping.RecordSource);
                    _statuses.Add(new StatusFeed(stage, satellite, Need(satellite.Parent.KeyParts), ModelHashing.HashDiff(satellite, [satellite.FirstStatus])!));
                }

                continue;
            }

            // An attribute the source lacks is filled from its default, if it declares one.
            var lacking = satellite.Attributes.Where(a => _columns.Find(a.Name) < 0 && a.Default is null).ToList();
            var present = satellite.Attributes.Where(a => _columns.Find(a.Name) >= 0).Select(a => a.Name).ToList();
            if (Explicit(satellite.TableName))
            {
                Require(satellite.TableName, satellite.Parent.KeyParts.Concat(lacking));
            }
            else if (!Allowed(satellite.TableName) || !Has(satellite.Parent.KeyParts) || (present.Count == 0 && !satellite.TracksRecords)
                || (satellite.TracksRecords && mapping.ExcludedTables.Contains(satellite.Parent.TableName)))
            {
                // Not this satellite's source: it has none of its attributes (or not its parent key); a record-tracking
                // satellite, which has none, is fed by every source with its parent's key — unless it excludes the parent.
                continue;
            }
            else if (lacking.Count > 0)
            {
                // Parent key and some attributes but not all: never skipped in silence (the batch reports or rejects it).
                Skipped.Add(new SkippedSatellite(Source.Name, satellite.TableName, [.. lacking.Select(a => a.Name)], present));
                continue;
            }

            var requiredHubKeys = satellite.Parent is Link parentLink && (mapping.AllKeysRequiredTables.Contains(parentLink.TableName) || parentLink.NullHubKeys == NullHubKeyPolicy.Skip)
                ? parentLink.Hubs.Select(h => Need(h.BusinessKeyColumns())).ToArray()
                : null;
            var satelliteStage = stages.Satellite(satellite);
            satelliteStage.MarkOrdering(Source.Name, mapping.LoadDateColumn is not null && !satellite.TracksRecords, mapping.OrderColumn is not null && !satellite.TracksRecords);
            _satellites.Add(new SatelliteFeed(satelliteStage, satellite, Need(satellite.Parent.KeyParts), Need(satellite.Attributes), requiredHubKeys, MultiActivePositions(satellite)));
            if (satellite.Parent is Link link && !fedLinks.Contains(link))
            {
                fedLinks.Add(link);
            }
        }

        foreach (var link in fedLinks)
        {
            var hubKeys = link.Hubs.Select(h => Need(h.BusinessKeyColumns())).ToArray();
            _links.Add(new LinkFeed(stages.Link(link), link, hubKeys, Need(link.KeyParts), Need(link.DependentChildKeys), mapping.AllKeysRequiredTables.Contains(link.TableName) || link.NullHubKeys == NullHubKeyPolicy.Skip));
            for (var i = 0; i < link.Hubs.Count; i++)
            {
                AddHub(stages, link.Hubs[i].Hub, hubKeys[i]);
            }
        }

        foreach (var hub in model.Hubs)
        {
            var parentOfFedSatellite = _satellites.Any(s => ReferenceEquals(s.Satellite.Parent, hub)) || _statuses.Any(s => ReferenceEquals(s.Satellite.Parent, hub));
            if (Explicit(hub.TableName))
            {
                Require(hub.TableName, hub.BusinessKeys);
            }
            else if (!parentOfFedSatellite && (!Allowed(hub.TableName) || !Has(hub.BusinessKeys)))
            {
                continue;
            }

            AddHub(stages, hub, Need(hub.BusinessKeys));
        }

        if (_hubs.Count == 0 && _links.Count == 0 && _satellites.Count == 0 && _statuses.Count == 0 && _changeFeeds.Count == 0)
        {
            throw new DataVaultLoadException(Source.Name, 1, null, LoadMessages.FeedsNoTable(Source.Name, _columns.Names));
        }

        if (mapping.OrderColumn is { } order)
        {
            OrderOrdinal = DeliveredColumn(order, "OrderBy");
            if (OrderOrdinal < 0)
            {
                throw new DataVaultLoadException(Source.Name, 1, order, LoadMessages.MissingOrderColumn(Source.Name, order, _columns.Names));
            }

            if (mapping.TieBreakColumn is { } tieBreak)
            {
                TieBreakOrdinal = DeliveredColumn(tieBreak, "OrderBy (tie-break)");
                if (TieBreakOrdinal < 0)
                {
                    throw new DataVaultLoadException(Source.Name, 1, tieBreak, LoadMessages.MissingOrderColumn(Source.Name, tieBreak, _columns.Names));
                }
            }
        }

        if (mapping.LoadDateColumn is { } loadDate)
        {
            if (mapping.OrderColumn is not null)
            {
                throw new DataVaultLoadException(Source.Name, 1, loadDate, LoadMessages.LoadDateWithOrder(Source.Name, loadDate, mapping.OrderColumn));
            }

            if (mapping.FullExtracts.Count > 0)
            {
                throw new DataVaultLoadException(Source.Name, 1, loadDate, LoadMessages.LoadDateOfFullExtract(Source.Name, loadDate, mapping.FullExtracts.Keys));
            }

            LoadDateOrdinal = DeliveredColumn(loadDate, "LoadDateFrom");
            if (LoadDateOrdinal < 0)
            {
                throw new DataVaultLoadException(Source.Name, 1, loadDate, LoadMessages.MissingLoadDateColumn(Source.Name, loadDate, _columns.Names));
            }
        }

        if (mapping.RecordSourceColumn is { } recordSource)
        {
            RecordSourceOrdinal = DeliveredColumn(recordSource, "RecordSourceFrom");
            if (RecordSourceOrdinal < 0)
            {
                throw new DataVaultLoadException(Source.Name, 1, recordSource, LoadMessages.MissingRecordSourceColumn(Source.Name, recordSource, _columns.Names));
            }
        }

        _cleaning = new ColumnCleaning?[_columns.SourceCount];
        foreach (var (column, cleaning) in mapping.Cleaning)
        {
            var ordinal = _columns.Find(column);
            if (ordinal < 0 || ordinal >= _columns.SourceCount)
            {
                throw new DataVaultLoadException(Source.Name, 1, column, LoadMessages.CleanedColumnMissing(Source.Name, column, ordinal >= 0, _columns.Names.Take(_columns.SourceCount)));
            }

            _cleaning[ordinal] = cleaning;
        }

        _parsed = new object?[_needed.Count];
        _failed = new bool[_needed.Count];
        _parseOrder = [.. Enumerable.Range(0, _needed.Count).OrderBy(i => _needed[i].Ordinal)];
    }

    private void AddHub(StageSet stages, Hub hub, int[] keys)
    {
        if (!_hubs.Any(h => ReferenceEquals(h.Hub, hub) && h.Keys.SequenceEqual(keys)))
        {
            _hubs.Add(new HubFeed(stages.Hub(hub), hub, keys));
        }
    }

    private int[] Need(IEnumerable<ColumnDefinition> columns) => [.. columns.Select(Need)];

    private int Need(ColumnDefinition column)
    {
        var ordinal = _columns.Find(column.Name);
        if (ordinal < 0 && column.Default is { } value)
        {
            // A default: a constant after the source's and the derived columns.
            _constants.Add(value);
            _needed.Add((_columns.Names.Count + _constants.Count - 1, column.Type, column.Name));
            return _needed.Count - 1;
        }

        var index = _needed.FindIndex(n => n.Ordinal == ordinal && n.Type == column.Type);
        if (index < 0)
        {
            _needed.Add((ordinal, column.Type, _columns.Names[ordinal]));
            index = _needed.Count - 1;
        }

        return index;
    }

    private sealed record HubFeed(HubStage Stage, Hub Hub, int[] Keys);

    private sealed record LinkFeed(LinkStage Stage, Link Link, int[][] HubKeys, int[] KeyParts, int[] ChildKeys, bool AllKeysRequired);

    /// <summary>A status-tracking satellite this source is the full extract of: its stage, where its parent key is among the needed columns, and the stored hash diff of "present".</summary>
    /// <summary>
    /// The ordinal of a column the source delivers (-1 when it has none): a column the mapping derives is refused, since
    /// these declarations read the delivered row itself.
    /// </summary>
    private int DeliveredColumn(string column, string declaration)
    {
        var ordinal = _columns.FindSourceColumn(column);
        if (ordinal >= _columns.SourceCount)
        {
            throw new DataVaultLoadException(Source.Name, 1, column, LoadMessages.DerivedColumnDeclared(Source.Name, column, declaration));
        }

        return ordinal;
    }

    private sealed record StatusFeed(StatusTrackingStage Stage, Satellite Satellite, int[] ParentKeys, object PresentDiff);

    /// <summary>A delta of changes feeding an effectivity satellite: its stage, the link's key columns, the active status's hash diff.</summary>
    private sealed record ChangeFeed(EffectivityChangeStage Stage, int[] ParentKeys, object ActiveDiff);

    /// <summary>Where a satellite's multi-active key columns are among its attributes (empty when it is not multi-active).</summary>
    private static int[] MultiActivePositions(Satellite satellite) =>
        [.. satellite.MultiActiveKeys.Select(k => satellite.Attributes.ToList().FindIndex(a => a.Name == k.Name))];

    /// <summary>A satellite a source feeds: its stage, where its parent key and attributes are among the needed columns, and where its multi-active key is among the attributes.</summary>
    private sealed record SatelliteFeed(SatelliteStage Stage, Satellite Satellite, int[] ParentKeys, int[] Attributes, int[][]? RequiredHubKeys, int[] MultiActive);
}

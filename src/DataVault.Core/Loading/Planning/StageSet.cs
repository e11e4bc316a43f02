using DataVault.Core.Loading.Stages;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Planning;

/// <summary>
/// The stages of one batch, one per vault table the batch feeds, created on first use: every stage in the order the
/// sources first fed it (staging tables are created, flushed and dropped in that order), and the merge order — hubs,
/// then links, then satellites, because links refer to hubs and satellites to their parents.
/// </summary>
internal sealed class StageSet(SqlDialect dialect, LoadOptions options)
{
    private readonly List<TargetStage> _all = [];
    private readonly Dictionary<string, HubStage> _hubs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkStage> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SatelliteStage> _satellites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusTrackingStage> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EffectivityChangeStage> _changes = new(StringComparer.Ordinal);

    /// <summary>Every stage, in the order the sources first fed it.</summary>
    public IReadOnlyList<TargetStage> All => _all;

    /// <summary>The satellite stages, in the order the sources first fed them.</summary>
    public IEnumerable<SatelliteStage> Satellites => _all.OfType<SatelliteStage>();

    /// <summary>
    /// The stages in merge order: hubs, links, satellites, then status-tracking and effectivity satellites (each in the
    /// order the sources first fed them; an effectivity satellite's driving-key check reads the merged links).
    /// </summary>
    public IEnumerable<TargetStage> InMergeOrder => _all.OfType<HubStage>().Concat<TargetStage>(_all.OfType<LinkStage>()).Concat(Satellites).Concat(_all.OfType<StatusTrackingStage>()).Concat(_all.OfType<EffectivityChangeStage>());

    public HubStage Hub(Hub hub) => Get(_hubs, hub.TableName, () =>
    {
        var definition = dialect.HubTable(hub, options.Ddl);
        var (schema, staging) = Schema(definition,
            hub.IsReference
                ? [(hub.HashKeyColumn, KeyType(definition, hub.HashKeyColumn)), .. LoadColumns(hub.Naming)]
                : [(hub.HashKeyColumn, KeyType(definition, hub.HashKeyColumn)), .. hub.BusinessKeys.Select(k => (k.Name, k.Type)), .. hub.StandardizedKeyColumns.Select(k => (k.Name, k.Type)), .. LoadColumns(hub.Naming)]);
        return new HubStage(hub, schema, staging, options.ChunkSize, options.RecentKeyCapacity);
    });

    public LinkStage Link(Link link) => Get(_links, link.TableName, () =>
    {
        var definition = dialect.LinkTable(link, options.Ddl);
        var (schema, staging) = Schema(definition,
        [
            (link.HashKeyColumn, KeyType(definition, link.HashKeyColumn)),
            .. link.Hubs.Select(h => (h.HashKeyColumn, KeyType(definition, h.HashKeyColumn))),
            .. link.DependentChildKeys.Select(k => (k.Name, k.Type)),
            .. LoadColumns(link.Naming),
        ]);
        return new LinkStage(link, schema, staging, options.ChunkSize, options.RecentKeyCapacity);
    });

    public SatelliteStage Satellite(Satellite satellite) => Get(_satellites, satellite.TableName, () =>
    {
        var (schema, staging) = SatelliteSchema(satellite);
        return new SatelliteStage(satellite, schema, staging, options.ChunkSize, options.RecentKeyCapacity);
    });

    /// <summary>The stage of a status-tracking or effectivity satellite (staged like any satellite: <see cref="SatelliteRow"/>).</summary>
    public StatusTrackingStage StatusTracking(Satellite satellite) => Get(_statuses, satellite.TableName, () =>
    {
        if (_changes.ContainsKey(satellite.TableName))
        {
            throw new DataVaultLoadException(LoadMessages.ChangesAndFullExtract(satellite.TableName));
        }

        var (schema, staging) = SatelliteSchema(satellite);
        return new StatusTrackingStage(satellite, schema, staging, options.ChunkSize, options.RecentKeyCapacity);
    });

    /// <summary>The stage of an effectivity satellite fed by a delta of changes (staged like any satellite: <see cref="SatelliteRow"/>).</summary>
    public EffectivityChangeStage EffectivityChanges(Satellite satellite) => Get(_changes, satellite.TableName, () =>
    {
        if (_statuses.ContainsKey(satellite.TableName))
        {
            throw new DataVaultLoadException(LoadMessages.ChangesAndFullExtract(satellite.TableName));
        }

        var (schema, staging) = SatelliteSchema(satellite);
        return new EffectivityChangeStage(satellite, schema, staging, options.ChunkSize, options.RecentKeyCapacity);
    });

    /// <summary>A satellite's staging table, in the order of <see cref="SatelliteRow"/>'s ordinals.</summary>
    private (StagingTableSchema Schema, TableDefinition Definition) SatelliteSchema(Satellite satellite)
    {
        var definition = dialect.SatelliteTable(satellite, options.Ddl);
        var naming = satellite.Parent.Naming;
        return Schema(definition,
        [
            (satellite.ParentHashKeyColumn, KeyType(definition, satellite.ParentHashKeyColumn)),
            (naming.LoadDate, DataType.Timestamp),
            (satellite.HashDiffColumn, KeyType(definition, satellite.HashDiffColumn)),
            (naming.RecordSource, DataType.String(options.Ddl.RecordSourceLength)),
            .. satellite.Attributes.Select(a => (a.Name, a.Type)),
        ]);
    }

    private (string, DataType)[] LoadColumns(NamingConventions naming) => [(naming.LoadDate, DataType.Timestamp), (naming.RecordSource, DataType.String(options.Ddl.RecordSourceLength))];

    /// <summary>The CLR form of a hash column: hex text, bytes, or a GUID where the dialect stores binary keys as UUID.</summary>
    private static DataType KeyType(TableDefinition definition, string column) => definition.Column(column).Type.Type;

    private TStage Get<TStage>(Dictionary<string, TStage> stages, string table, Func<TStage> create)
        where TStage : TargetStage
    {
        if (!stages.TryGetValue(table, out var stage))
        {
            stage = create();
            stages.Add(table, stage);
            _all.Add(stage);
        }

        return stage;
    }

    /// <summary>The staging table of a target: the target's columns (its SQL types), then the source row.</summary>
    private (StagingTableSchema Schema, TableDefinition Definition) Schema(TableDefinition target, IReadOnlyList<(string Name, DataType Type)> columns)
    {
        var staging = StagingTable.For(target.Name, dialect.Capabilities.TemporaryTables);
        var stagingColumns = columns
            .Select(c => new StagingColumn(c.Name, c.Type, target.Columns.FirstOrDefault(t => t.Name == c.Name)?.Type.Text ?? dialect.TypeName(c.Type)))
            .Append(new StagingColumn(TargetStage.SourceRowColumn, DataType.BigInt, dialect.TypeName(DataType.BigInt)))
            .ToArray();
        var schema = new StagingTableSchema(staging.Name, staging.Temporary, stagingColumns);
        var definition = TableDefinition.Plain(staging.Name, [.. stagingColumns.Select(c => new TableColumn(c.Name, new SqlType(c.Type, c.SqlType), false))]);
        return (schema, definition);
    }
}

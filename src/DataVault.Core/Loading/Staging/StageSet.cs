using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Staging;

/// <summary>The staging tables of one batch, one per vault table the batch feeds, created on first use.</summary>
internal sealed class StageSet(SqlDialect dialect, LoadOptions options)
{
    private readonly Dictionary<string, TargetStage> _stages = new(StringComparer.Ordinal);

    public IReadOnlyCollection<TargetStage> All => _stages.Values;

    public TargetStage Hub(Hub hub) => Get(hub.TableName, () =>
    {
        var definition = dialect.HubTable(hub, options.Ddl);
        return Create(TargetKind.Hub, hub, null, definition,
            [(hub.HashKeyColumn, KeyType(hub.HashingStandard, definition, hub.HashKeyColumn)), .. hub.BusinessKeys.Select(k => (k.Name, k.Type)), .. LoadColumns(hub.Naming)]);
    });

    public TargetStage Link(Link link) => Get(link.TableName, () =>
    {
        var definition = dialect.LinkTable(link, options.Ddl);
        return Create(TargetKind.Link, link, null, definition,
        [
            (link.HashKeyColumn, KeyType(link.HashingStandard, definition, link.HashKeyColumn)),
            .. link.Hubs.Select(h => (h.HashKeyColumn, KeyType(h.Hub.HashingStandard, definition, h.HashKeyColumn))),
            .. link.DependentChildKeys.Select(k => (k.Name, k.Type)),
            .. LoadColumns(link.Naming),
        ]);
    });

    public TargetStage Satellite(Satellite satellite) => Get(satellite.TableName, () =>
    {
        var definition = dialect.SatelliteTable(satellite, options.Ddl);
        var naming = satellite.Parent.Naming;
        return Create(TargetKind.Satellite, satellite.Parent, satellite, definition,
        [
            (satellite.ParentHashKeyColumn, KeyType(satellite.Parent.HashingStandard, definition, satellite.ParentHashKeyColumn)),
            (naming.LoadDate, DataType.Timestamp),
            (satellite.HashDiffColumn, KeyType(satellite.HashingStandard, definition, satellite.HashDiffColumn)),
            (naming.RecordSource, DataType.String(options.Ddl.RecordSourceLength)),
            .. satellite.Attributes.Select(a => (a.Name, a.Type)),
        ]);
    });

    private (string, DataType)[] LoadColumns(NamingConventions naming) => [(naming.LoadDate, DataType.Timestamp), (naming.RecordSource, DataType.String(options.Ddl.RecordSourceLength))];

    /// <summary>The CLR form of a hash column: hex text, bytes, or a GUID where the dialect stores binary keys as UUID.</summary>
    private static DataType KeyType(Hashing.HashingStandard standard, TableDefinition definition, string column)
    {
        _ = standard;
        return definition.Column(column).Type.Type;
    }

    private TargetStage Get(string table, Func<TargetStage> create)
    {
        if (!_stages.TryGetValue(table, out var stage))
        {
            stage = create();
            _stages.Add(table, stage);
        }

        return stage;
    }

    private TargetStage Create(TargetKind kind, VaultEntity entity, Satellite? satellite, TableDefinition target, IReadOnlyList<(string Name, DataType Type)> columns)
    {
        var staging = StagingTable.For(target.Name, dialect.Capabilities.TemporaryTables);
        var stagingColumns = columns
            .Select(c => new StagingColumn(c.Name, c.Type, target.Columns.FirstOrDefault(t => t.Name == c.Name)?.Type.Text ?? dialect.TypeName(c.Type)))
            .Append(new StagingColumn(TargetStage.SourceRowColumn, DataType.BigInt, dialect.TypeName(DataType.BigInt)))
            .ToArray();
        var schema = new StagingTableSchema(staging.Name, staging.Temporary, stagingColumns);
        var definition = TableDefinition.Plain(staging.Name, [.. stagingColumns.Select(c => new TableColumn(c.Name, new SqlType(c.Type, c.SqlType), false))]);
        return new TargetStage(kind, target.Name, satellite is null ? entity : null, satellite, schema, definition, options.ChunkSize, options.RecentKeyCapacity);
    }
}

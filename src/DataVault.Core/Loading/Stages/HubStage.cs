using DataVault.Core.Loading.Planning;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Stages;

/// <summary>The stage of a hub: staged rows are <c>hash key, business keys…, load date, record source, source row</c>; the merge inserts new keys.</summary>
internal sealed class HubStage(Hub hub, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    : TargetStage(hub.TableName, schema, definition, chunkSize, recentKeyCapacity)
{
    /// <summary>The hub.</summary>
    public Hub Hub { get; } = hub;

    /// <inheritdoc />
    public override SqlStatement Load(SqlDialect dialect, BatchState batch) => dialect.LoadHub(Hub, Staging);
}

using DataVault.Core.Loading.Planning;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Stages;

/// <summary>The stage of a link: staged rows are <c>link hash key, hub hash keys…, dependent child keys…, load date, record source, source row</c>; the merge inserts new keys.</summary>
internal sealed class LinkStage(Link link, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    : TargetStage(link.TableName, schema, definition, chunkSize, recentKeyCapacity)
{
    /// <summary>The link.</summary>
    public Link Link { get; } = link;

    /// <inheritdoc />
    public override SqlStatement Load(SqlDialect dialect, BatchState batch) => dialect.LoadLink(Link, Staging);
}

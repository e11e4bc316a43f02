using DataVault.Core.Loading.Planning;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Stages;

/// <summary>
/// The staging side of one vault table in one batch: its staging table, a bounded chunk buffer and the memory of recent
/// keys; and its steps after staging — the checks (<see cref="CheckAsync"/>) and the merge (<see cref="MergeAsync"/>)
/// with its own load statement (<see cref="Load"/>). One subclass per kind of table: <see cref="HubStage"/>,
/// <see cref="LinkStage"/>, <see cref="SatelliteStage"/>, <see cref="StatusTrackingStage"/>; a new vault structure adds one.
/// </summary>
internal abstract class TargetStage
{
    /// <summary>The column that records where a staged row came from (source index and line), for error messages; the last of every staged row.</summary>
    public const string SourceRowColumn = "dv_source_row";

    private List<object?[]> _buffer;

    protected TargetStage(string table, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    {
        Table = table;
        Schema = schema;
        Definition = definition;
        Staging = new StagingTable(schema.Name, schema.Temporary);
        ChunkSize = chunkSize;
        Recent = new RecentKeys(recentKeyCapacity);
        _buffer = new List<object?[]>(Math.Min(chunkSize, 1024));
    }

    /// <summary>The vault table.</summary>
    public string Table { get; }

    /// <summary>The staging table's columns, in the order of every staged row.</summary>
    public StagingTableSchema Schema { get; }

    /// <summary>The staging table's definition, for the dialect's DDL.</summary>
    public TableDefinition Definition { get; }

    /// <summary>The staging table.</summary>
    public StagingTable Staging { get; }

    /// <summary>Rows per chunk.</summary>
    public int ChunkSize { get; }

    /// <summary>The memory of recently staged keys.</summary>
    public RecentKeys Recent { get; }

    /// <summary>How many rows were handed to the staging writer.</summary>
    public long Staged { get; private set; }

    /// <summary>The statement that loads the vault table from the staging table.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="batch">The batch's shared state (its load date and record source).</param>
    /// <returns>The statement.</returns>
    public abstract SqlStatement Load(SqlDialect dialect, BatchState batch);

    /// <summary>Buffers a row; returns true when a chunk is full and should be flushed.</summary>
    public bool Add(object?[] row)
    {
        _buffer.Add(row);
        return _buffer.Count >= ChunkSize;
    }

    /// <summary>Hands the buffered rows to the pipeline, which writes them on its thread; returns how many.</summary>
    public async Task<int> FlushAsync(Staging.StagingPipeline pipeline, IStagingWriter writer)
    {
        if (_buffer.Count == 0)
        {
            return 0;
        }

        var rows = _buffer;
        _buffer = new List<object?[]>(rows.Count);
        Staged += rows.Count;
        await pipeline.EnqueueAsync(cancellationToken => writer.WriteAsync(Schema, rows, cancellationToken)).ConfigureAwait(false);
        return rows.Count;
    }

    /// <summary>Checks the staged rows against each other and the vault, inside the batch's transaction after the merge lock (default: nothing to check).</summary>
    /// <param name="context">The batch's session, transaction and options.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>A task; a failed check throws a <see cref="DataVaultLoadException"/>.</returns>
    public virtual Task CheckAsync(StageContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Loads the vault table from the staging table (nothing runs when nothing was staged).</summary>
    /// <param name="context">The batch's session, transaction and options.</param>
    /// <param name="cancellationToken">Cancels the merge.</param>
    /// <returns>The rows inserted and end dated.</returns>
    public virtual async Task<StageMerge> MergeAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var load = Load(context.Session.Dialect, context.Batch);
        var inserted = Staged == 0 ? 0 : await context.Session.ExecuteAsync(load, context.Transaction, cancellationToken).ConfigureAwait(false);
        return new StageMerge(inserted, 0);
    }
}

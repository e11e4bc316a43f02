using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Staging;

/// <summary>
/// The staging side of one vault table in one batch: its staging table, a bounded chunk buffer, the memory of recent
/// keys, and — for satellites fed by ordered sources — the rows waiting to be numbered.
/// </summary>
internal sealed class TargetStage
{
    /// <summary>The column that records where a staged row came from (source index and line), for error messages.</summary>
    public const string SourceRowColumn = "dv_source_row";

    private List<object?[]> _buffer;

    public TargetStage(TargetKind kind, string table, VaultEntity? entity, Satellite? satellite, StagingTableSchema schema, TableDefinition definition, int chunkSize, int recentKeyCapacity)
    {
        Kind = kind;
        Table = table;
        Entity = entity;
        Satellite = satellite;
        Schema = schema;
        Definition = definition;
        Staging = new StagingTable(schema.Name, schema.Temporary);
        ChunkSize = chunkSize;
        Recent = new RecentKeys(recentKeyCapacity);
        _buffer = new List<object?[]>(Math.Min(chunkSize, 1024));
    }

    public TargetKind Kind { get; }

    /// <summary>The vault table.</summary>
    public string Table { get; }

    /// <summary>The hub or link (for satellites: null).</summary>
    public VaultEntity? Entity { get; }

    /// <summary>The satellite, for satellite targets.</summary>
    public Satellite? Satellite { get; }

    public StagingTableSchema Schema { get; }

    /// <summary>The staging table's definition, for the dialect's DDL.</summary>
    public TableDefinition Definition { get; }

    public StagingTable Staging { get; }

    public int ChunkSize { get; }

    public RecentKeys Recent { get; }

    public List<OrderedSatelliteRow>? OrderedRows { get; set; }

    public long Staged { get; private set; }

    /// <summary>Whether the database must be asked for conflicting rows of one key (the in-memory check was not complete).</summary>
    public bool NeedsConflictQuery => Recent.Forgot || OrderedRows is not null;

    /// <summary>Buffers a row; returns true when a chunk is full and should be flushed.</summary>
    public bool Add(object?[] row)
    {
        _buffer.Add(row);
        return _buffer.Count >= ChunkSize;
    }

    /// <summary>Hands the buffered rows to the pipeline, which writes them on its thread; returns how many.</summary>
    public async Task<int> FlushAsync(StagingPipeline pipeline, IStagingWriter writer)
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
}

using DataVault.Core.Sql;

namespace DataVault.Core.Loading;

/// <summary>How a <see cref="VaultLoader"/> loads batches. Immutable; validated by the loader.</summary>
public sealed record LoadOptions
{
    /// <summary>The defaults.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Maintain the satellites' physical <c>load_end_date</c> (default off: the history views compute it).</summary>
    public bool EndDating { get; init; }

    /// <summary>What to do with a bad source row (default: reject the batch).</summary>
    public BadRowHandling BadRows { get; init; } = BadRowHandling.Reject;

    /// <summary>What to do with satellite rows older than the latest stored version (default: reject the batch).</summary>
    public LateDataHandling LateData { get; init; } = LateDataHandling.Reject;

    /// <summary>What to do with a source that has a satellite's parent key and only some of its attributes (default: load the rest and report it).</summary>
    public PartialSatelliteHandling PartialSatellites { get; init; } = PartialSatelliteHandling.Report;

    /// <summary>The batch log table (the seed's <c>etl_batch_log</c>), or <see langword="null"/> for none.</summary>
    public string? BatchLogTable { get; init; } = "etl_batch_log";

    /// <summary>The quarantine table for <see cref="BadRowHandling.Quarantine"/>.</summary>
    public string QuarantineTable { get; init; } = "dv_rejected_rows";

    /// <summary>
    /// The database schema of the loader's own tables — the batch log, the quarantine table and a rehash's log — or
    /// <see langword="null"/> (default) for the connection's default schema. A plain identifier; created if missing.
    /// The vault's layers have theirs in the model (<see cref="Modeling.DataVaultModelBuilder.UseSchemas"/>).
    /// </summary>
    public string? LoaderSchema { get; init; }

    /// <summary>Rows per staging chunk and target; memory stays proportional to this, not to the input (default 10,000).</summary>
    public int ChunkSize { get; init; } = 10_000;

    /// <summary>The clock of batches without an explicit load date.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Provider fast paths for staging, asked in order; <see cref="CommandStagingWriter"/> is the fallback.</summary>
    public IReadOnlyList<IStagingWriterFactory> StagingWriters { get; init; } = [];

    /// <summary>DDL options of the vault (must match the tables' creation).</summary>
    public DdlOptions Ddl { get; init; } = DdlOptions.Default;

    /// <summary>Include data values in log events (default off: logs name sources, lines and columns only).</summary>
    public bool LogValues { get; init; }

    /// <summary>Treat empty CSV fields and empty strings from other sources as NULL (default on).</summary>
    public bool EmptyStringIsNull { get; init; } = true;

    /// <summary>Capacity of each target's in-memory filter of recently staged keys, which drops repeats before staging (default 65,536).</summary>
    public int RecentKeyCapacity { get; init; } = 65_536;

    /// <summary>
    /// Serialise the check-and-merge phase of concurrent loaders on one database with the dialect's merge lock (PostgreSQL
    /// advisory lock, MariaDB named lock; SQLite and DuckDB serialise writers anyway). Staging still runs in parallel.
    /// Default on: late-data checks and end dates then see every committed batch.
    /// </summary>
    public bool SerializeMerges { get; init; } = true;

    /// <summary>How long a batch waits for the merge lock where the engine takes a timeout (default 10 minutes).</summary>
    public TimeSpan MergeLockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1, nameof(ChunkSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecentKeyCapacity, 0, nameof(RecentKeyCapacity));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(StagingWriters, nameof(StagingWriters));
        ArgumentNullException.ThrowIfNull(Ddl, nameof(Ddl));
        if (BatchLogTable is not null)
        {
            Modeling.Identifiers.EnsureSafe(BatchLogTable, nameof(BatchLogTable));
        }

        Modeling.Identifiers.EnsureSafe(QuarantineTable, nameof(QuarantineTable));
        if (LoaderSchema is not null)
        {
            Modeling.Identifiers.EnsureSafe(LoaderSchema, nameof(LoaderSchema));
        }
    }
}

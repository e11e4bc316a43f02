using System.Data.Common;
using System.Diagnostics;
using DataVault.Core.Drift;
using DataVault.Core.Execution;
using DataVault.Core.Loading.Bookkeeping;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Writers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataVault.Core.Loading;

/// <summary>
/// Loads batches into a raw vault on one connection: streams the sources, hashes keys and diffs with the C# engine,
/// writes staging tables in bounded chunks, checks, and merges with the dialect's set-based statements — the whole
/// batch in one transaction, so it commits entirely or leaves the vault as it was. See docs/loading.md.
/// </summary>
/// <remarks>A loader serves one connection and runs one batch at a time; use one loader per connection to load in parallel.</remarks>
public sealed partial class VaultLoader
{
    private readonly VaultSession _session;
    private readonly DataVaultModel _model;
    private readonly LoadOptions _options;
    private readonly ILogger _logger;
    private readonly LoaderStatements _statements;
    private readonly BatchLog? _batchLog;
    private readonly Quarantine _quarantine;
    private readonly BatchSessions _sessions;

    /// <summary>Creates a loader.</summary>
    /// <param name="connection">The connection; opened if closed.</param>
    /// <param name="dialect">The dialect of its database.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type (a connection or a session), so no call is ambiguous; both are new in this release.")]
    public VaultLoader(DbConnection connection, SqlDialect dialect, DataVaultModel model, LoadOptions? options = null, ILogger? logger = null)
        : this(new VaultSession(connection, dialect), model, options, logger)
    {
    }

    /// <summary>Creates a loader on a session (connection, dialect and command timeout), which it may share with a <see cref="BusinessVault.PitRefresher"/>.</summary>
    /// <param name="session">The session; its connection is opened if closed.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type (a connection or a session), so no call is ambiguous; both are new in this release.")]
    public VaultLoader(VaultSession session, DataVaultModel model, LoadOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(model);
        options ??= LoadOptions.Default;
        options.Validate();
        CheckSchemas(session.Dialect, model, options);
        _session = session;
        _model = model;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _statements = new LoaderStatements(session.Dialect, options.LoaderSchema);
        _batchLog = options.BatchLogTable is null ? null : new BatchLog(_statements, options.BatchLogTable);
        _quarantine = new Quarantine(_statements, options.QuarantineTable);
        _sessions = BatchSessions.For(session.Dialect);
    }

    /// <summary>The model.</summary>
    public DataVaultModel Model => _model;

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect => _session.Dialect;

    /// <summary>The session: connection, dialect and command timeout.</summary>
    public VaultSession Session => _session;

    /// <summary>The options.</summary>
    public LoadOptions Options => _options;

    /// <summary>
    /// Creates what is missing — every table and view of the model, the batch log, the quarantine table — and the ghost
    /// record of every hub, in their schemas (created if missing). Idempotent. First compares what already exists with
    /// the model (<see cref="DetectDriftAsync"/>): what holds no data it resolves itself — a missing index, a satellite
    /// view of other columns, an old batch log's <c>session_id</c> — and any other difference refuses the database
    /// before anything is changed (resolve it with <see cref="MigrateAsync"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    /// <exception cref="DataVaultDriftException">A table exists with other columns, types, nullability, keys or indexes than the model's; the exception's report lists every difference.</exception>
    public async Task EnsureVaultAsync(CancellationToken cancellationToken = default)
    {
        var found = await DetectDriftAsync(cancellationToken).ConfigureAwait(false);

        // A batch log of an earlier version lacks session_id: added below, so not drift to refuse.
        // And a missing index: created below, since an index holds no data.
        // And a view of other columns: dropped and created again below, since a view holds no data.
        var drift = new VaultDriftReport(found.CheckedTables, found.MissingTables, [.. found.Differences.Where(d => !IsMissingSessionColumn(d) && d.Kind is not (DriftKind.MissingIndex or DriftKind.ViewDiffers))]);
        if (drift.HasDrift)
        {
            LoaderLog.VaultDrifted(_logger, drift.Differences.Count, drift.ToString());
            throw new DataVaultDriftException(drift);
        }

        var statements = EnsureStatements(Dialect, _model, _options, _batchLog, _quarantine);
        statements.InsertRange(0, found.Differences.Where(d => d.Kind == DriftKind.ViewDiffers)
            .Select(d => Dialect.DropView(d.Table, SatelliteOfView(d.Table).Schema)));
        if (Dialect.Capabilities.IndexesInsideCreateTable)
        {
            // Where indexes are declared inside CREATE TABLE, a table that exists does not get a missing one from the ensure statements.
            statements.AddRange(MissingIndexes(found));
        }

        await _session.ExecuteAllAsync(statements, null, cancellationToken).ConfigureAwait(false);
        if (_batchLog is not null && await _batchLog.AddMissingSessionColumnAsync(_session, cancellationToken).ConfigureAwait(false))
        {
            statements.Add(_statements.AddSessionColumn(_batchLog.Table));
        }

        LoaderLog.VaultEnsured(_logger, statements.Count);
    }

    /// <summary>
    /// Everything <see cref="EnsureVaultAsync"/> creates, as one idempotent script for a DBA or a deployment tool: every
    /// table and view of the model, the PITs, the batch log, the quarantine table and the ghost record of every hub —
    /// parameters written as the dialect's literals, statements ended by <c>;</c> or the engine's batch separator
    /// (<c>GO</c> for SQL Server). Needs no database.
    /// </summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="options">The loader's options (DDL options, batch log and quarantine tables), or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The script.</returns>
    public static SqlScript CreateVaultScript(SqlDialect dialect, DataVaultModel model, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(model);
        options ??= LoadOptions.Default;
        options.Validate();
        CheckSchemas(dialect, model, options);
        var statements = new LoaderStatements(dialect, options.LoaderSchema);
        var batchLog = options.BatchLogTable is null ? null : new BatchLog(statements, options.BatchLogTable);
        return dialect.Script(EnsureStatements(dialect, model, options, batchLog, new Quarantine(statements, options.QuarantineTable)));
    }

    /// <summary>The statements that create the indexes drift found missing.</summary>
    private IEnumerable<SqlStatement> MissingIndexes(VaultDriftReport drift)
    {
        var tables = VaultTables.Of(Dialect, _model, _options.Ddl);
        foreach (var difference in drift.Differences.Where(d => d.Kind == DriftKind.MissingIndex))
        {
            var table = tables.First(t => t.Name == difference.Table);
            yield return Dialect.CreateIndex(table, table.Indexes.First(i => string.Equals(i.Name, difference.Column, StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>The one difference <see cref="EnsureVaultAsync"/> resolves itself: the batch log's <c>session_id</c>, added after the column existed.</summary>
    private bool IsMissingSessionColumn(DriftDifference difference) =>
        _batchLog is not null && difference.Table == _batchLog.Table && difference.Kind == DriftKind.MissingColumn && difference.Column == LoaderStatements.SessionColumn;

    /// <summary>Declared schemas need an engine that has them (a model built without a target was not checked for it).</summary>
    private static void CheckSchemas(SqlDialect dialect, DataVaultModel model, LoadOptions options)
    {
        if (!dialect.SupportsSchemas && (model.Schemas.Declared.Count > 0 || options.LoaderSchema is not null))
        {
            throw new ArgumentException($"{dialect.Name} has no database schemas, but the model or the options declare one ({string.Join(", ", model.Schemas.Declared.Append(options.LoaderSchema).OfType<string>())}); declare none for this engine.", nameof(model));
        }
    }

    /// <summary>The statements of <see cref="EnsureVaultAsync"/>, in order: the vault, the loader's tables, the ghost records.</summary>
    private static List<SqlStatement> EnsureStatements(SqlDialect dialect, DataVaultModel model, LoadOptions options, BatchLog? batchLog, Quarantine quarantine)
    {
        var ddl = options.Ddl with { IfNotExists = true };
        var statements = new List<SqlStatement>(dialect.CreateVault(model, ddl));
        if (options.LoaderSchema is { } loaderSchema && !model.Schemas.Declared.Contains(loaderSchema, StringComparer.Ordinal))
        {
            statements.Insert(0, dialect.CreateSchema(loaderSchema));
        }

        if (batchLog is not null)
        {
            statements.AddRange(batchLog.Create(ddl));
        }

        statements.AddRange(quarantine.Create(ddl));
        statements.AddRange(model.Hubs.Where(h => !h.IsReference).Select(h => dialect.InsertGhostRecord(h, options.Ddl)));
        return statements;
    }

    /// <summary>
    /// Compares every hub, link, satellite and point-in-time table of the model, and the loader's batch log and quarantine
    /// table, with the table of that name in its schema: missing and unexpected columns, nullability, column types (as
    /// each engine reports them; not on SQL Server), the primary key, the declared secondary indexes and foreign keys,
    /// and each satellite's view by its columns. Tables that do not exist yet are listed, not counted as drift. Reads
    /// the catalog only; changes nothing (docs/changing-the-model.md).
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public Task<VaultDriftReport> DetectDriftAsync(CancellationToken cancellationToken = default) => DetectDriftInAsync(null, cancellationToken);

    /// <summary>The drift, read inside <paramref name="transaction"/> when there is one (a migration holds the merge lock).</summary>
    private async Task<VaultDriftReport> DetectDriftInAsync(DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        TableDefinition[] tables = [.. VaultTables.Of(Dialect, _model, _options.Ddl), .. LoaderTables()];
        TableDefinition[] views =
        [
            .. _model.Satellites.SelectMany(s => Dialect.SatelliteViews(s).Select(v => TableDefinition.Plain(v.Name, [.. v.Columns.Select(c => new TableColumn(c, Dialect.Types.For(DataType.Text), false))]) with { Schema = s.Schema })),
        ];
        var report = await DriftDetector.DetectAsync(_session, tables, views, transaction, cancellationToken).ConfigureAwait(false);

        // A view follows its table: when the satellite's table differs, that is the difference to report (and resolve).
        var differing = report.Differences.Where(d => d.Kind != DriftKind.ViewDiffers).Select(d => d.Table).ToHashSet(StringComparer.Ordinal);
        return new VaultDriftReport(report.CheckedTables, report.MissingTables, [.. report.Differences.Where(d =>
            d.Kind != DriftKind.ViewDiffers || !differing.Contains(SatelliteOfView(d.Table).TableName))]);
    }

    /// <summary>The satellite whose view (history or current) a drift difference names.</summary>
    private Satellite SatelliteOfView(string view) => _model.Satellites.First(s => Dialect.SatelliteViews(s).Any(v => v.Name == view));

    /// <summary>The loader's own tables, as this loader creates them: the batch log (when there is one) and the quarantine table.</summary>
    private IEnumerable<TableDefinition> LoaderTables()
    {
        if (_batchLog is not null)
        {
            yield return _statements.BatchLogTable(_batchLog.Table);
        }

        yield return _statements.QuarantineTable(_quarantine.Table);
    }

    /// <summary>Drops every table and view of the model, the batch log and the quarantine table.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task DropVaultAsync(CancellationToken cancellationToken = default)
    {
        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        var statements = new List<SqlStatement>(Dialect.DropVault(_model)) { Dialect.DropTable(_quarantine.Table, _options.LoaderSchema) };
        if (_batchLog is not null)
        {
            statements.Add(Dialect.DropTable(_batchLog.Table, _options.LoaderSchema));
        }

        await _session.ExecuteAllAsync(statements, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks <c>abandoned</c>, with an end time and a message, every batch log entry still <c>running</c> whose loader's
    /// session has ended — a loader killed or disconnected mid-batch, whose transaction the database rolled back — so
    /// that the log never claims a batch is running when none is. Only sessions known to be dead count: on PostgreSQL a
    /// backend pid no longer in <c>pg_stat_activity</c>, on MariaDB a connection's named lock no one holds, elsewhere a
    /// process of this machine that no longer exists or a run of this process that has ended (docs/loading.md#abandoned-batches).
    /// <see cref="LoadAsync"/> does the same before each batch; call this for a <c>recover</c> step without loading.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The ids of the batches marked, in id order; empty without a batch log (<see cref="LoadOptions.BatchLogTable"/> <see langword="null"/>).</returns>
    public async Task<IReadOnlyList<long>> RecoverAbandonedBatchesAsync(CancellationToken cancellationToken = default)
    {
        if (_batchLog is null)
        {
            return [];
        }

        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        var marked = await _batchLog.RecoverAsync(_session, _sessions, Now(), null, cancellationToken).ConfigureAwait(false);
        foreach (var (id, name, message) in marked)
        {
            LoaderLog.BatchAbandoned(_logger, name, id, message);
        }

        return [.. marked.Select(m => m.Id)];
    }

    /// <summary>Loads one batch in one transaction.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the batch; a cancelled batch is rolled back and leaves nothing behind.</param>
    /// <returns>What the batch did.</returns>
    /// <exception cref="DataVaultLoadException">The batch failed (bad input, a conflict, late data, a database error) and was rolled back.</exception>
    public async Task<LoadResult> LoadAsync(LoadBatch batch, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Sources.Count == 0)
        {
            throw new ArgumentException(LoadMessages.BatchHasNoSources(batch.Name), nameof(batch));
        }

        CheckRecordSources(batch);
        var clock = Stopwatch.StartNew();
        var loadDate = Timestamps.Normalize(batch.LoadDate ?? _options.TimeProvider.GetUtcNow().UtcDateTime);
        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = new BatchRun(this, batch, loadDate, progress);
        if (_batchLog is not null)
        {
            await RecoverBeforeAsync(batch.Name, cancellationToken).ConfigureAwait(false);
            try
            {
                run.SessionId = await _sessions.BeginAsync(_session, cancellationToken).ConfigureAwait(false);
                run.BatchId = await _batchLog.StartAsync(_session, batch.Name, loadDate, batch.RecordSource, Now(), run.SessionId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await EndSessionAsync(run).ConfigureAwait(false);
                if (ex is DbException)
                {
                    throw new DataVaultLoadException(LoadMessages.BatchLogUnwritable(batch.Name, _batchLog.Table, ex.Message), ex);
                }

                throw;
            }
        }

        LoaderLog.BatchStarted(_logger, batch.Name, run.BatchId, loadDate, batch.Sources.Count);
        try
        {
            await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failure = ex switch
            {
                OperationCanceledException => ex,
                DataVaultLoadException => ex,
                _ when ConnectionLoss.IsLost(ex, _session.Connection) => new DataVaultLoadException(LoadMessages.ConnectionLost(batch.Name, run.Phase, run.Source, ex.Message), ex),
                _ => new DataVaultLoadException(LoadMessages.BatchFailed(batch.Name, ex.Message), ex),
            };
            if (ex is OperationCanceledException)
            {
                LoaderLog.BatchCancelled(_logger, batch.Name, run.BatchId);
            }
            else
            {
                // The message and its causes at error level; the stack trace only at debug level.
                LoaderLog.BatchFailed(_logger, batch.Name, run.BatchId, failure.Message, LoadMessages.CauseChain(failure));
                LoaderLog.BatchFailureTrace(_logger, ex, batch.Name, run.BatchId);
            }

            await FinishLogAsync(run, ex is OperationCanceledException ? BatchStatus.Cancelled : BatchStatus.Failed, failure.Message).ConfigureAwait(false);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }

        await FinishLogAsync(run, BatchStatus.Succeeded, null).ConfigureAwait(false);
        var result = new LoadResult(run.BatchId, batch.Name, loadDate, run.RowsRead, run.RowsRejected, run.Inserted, run.EndDated, clock.Elapsed)
        {
            SkippedSatellites = run.Skipped,
            SkippedLinkRows = run.SkippedLinkRows,
        };
        LoaderLog.BatchCommitted(_logger, batch.Name, run.BatchId, result.RowsRead, result.RowsInserted, result.RowsEndDated, clock.ElapsedMilliseconds);
        progress?.Report(new LoadProgress(LoadPhase.Done, null, run.RowsRead, run.RowsStaged, run.TargetCount, run.TargetCount));
        return result;
    }

    /// <summary>Every record source of the batch fits the vault's record_source columns, before anything is written.</summary>
    private void CheckRecordSources(LoadBatch batch)
    {
        var length = _options.Ddl.RecordSourceLength;
        foreach (var (recordSource, owner) in batch.Sources.Where(s => s.Mapping.RecordSource is not null).Select(s => (s.Mapping.RecordSource!, "source " + s.Name)).Prepend((batch.RecordSource, "batch " + batch.Name)))
        {
            if (recordSource.Length > length)
            {
                throw new ArgumentException(LoadMessages.RecordSourceTooLong(owner, recordSource, length), nameof(batch));
            }
        }
    }

    /// <summary>Marks the abandoned batches before a batch adds its own entry; a failure is logged, and the batch goes on.</summary>
    private async Task RecoverBeforeAsync(string batchName, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (id, name, message) in await _batchLog!.RecoverAsync(_session, _sessions, Now(), batchName, cancellationToken).ConfigureAwait(false))
            {
                LoaderLog.BatchAbandoned(_logger, name, id, message);
            }
        }
        catch (DbException ex)
        {
            LoaderLog.RecoveryFailed(_logger, batchName, ex.Message);
        }
    }

    private async Task EndSessionAsync(BatchRun run)
    {
        if (run.SessionId is { } sessionId)
        {
            run.SessionId = null;
            await _sessions.EndAsync(_session, sessionId).ConfigureAwait(false);
        }
    }

    private DateTime Now() => Timestamps.Normalize(_options.TimeProvider.GetUtcNow().UtcDateTime);

    private async Task FinishLogAsync(BatchRun run, BatchStatus status, string? error)
    {
        if (_batchLog is null)
        {
            return;
        }

        try
        {
            // A cancelled bulk copy or a lost connection may have closed it: the log entry is written on a new session.
            await _session.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await _batchLog.FinishAsync(_session, run.BatchId, status, Now(), run.RowsRead, run.Inserted.Values.Sum(), run.EndDated, run.RowsRejected, run.Inserted, error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            LoaderLog.BatchLogFailed(_logger, ex, run.BatchId, ex.Message);
        }
        finally
        {
            // After the entry is completed (or could not be): from here a recovery may take it for dead.
            await EndSessionAsync(run).ConfigureAwait(false);
        }
    }
}

using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DataVault.Core.Loading.Staging;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
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
    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly DataVaultModel _model;
    private readonly LoadOptions _options;
    private readonly ILogger _logger;
    private readonly BatchLog? _batchLog;
    private readonly Quarantine _quarantine;

    /// <summary>Creates a loader.</summary>
    /// <param name="connection">The connection; opened if closed.</param>
    /// <param name="dialect">The dialect of its database.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none.</param>
    public VaultLoader(DbConnection connection, SqlDialect dialect, DataVaultModel model, LoadOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(model);
        options ??= LoadOptions.Default;
        options.Validate();
        _connection = connection;
        _dialect = dialect;
        _model = model;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _batchLog = options.BatchLogTable is null ? null : new BatchLog(dialect, options.BatchLogTable);
        _quarantine = new Quarantine(dialect, options.QuarantineTable);
    }

    /// <summary>The model.</summary>
    public DataVaultModel Model => _model;

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect => _dialect;

    /// <summary>The options.</summary>
    public LoadOptions Options => _options;

    /// <summary>
    /// Creates what is missing — every table and view of the model, the batch log, the quarantine table — and the ghost
    /// record of every hub. Idempotent.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task EnsureVaultAsync(CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        var ddl = _options.Ddl with { IfNotExists = true };
        var statements = new List<SqlStatement>(_dialect.CreateVault(_model, ddl));
        if (_batchLog is not null)
        {
            statements.AddRange(_dialect.CreateTable(_batchLog.Definition, ddl));
        }

        statements.AddRange(_dialect.CreateTable(_quarantine.Definition, ddl));
        statements.AddRange(_model.Hubs.Select(h => _dialect.InsertGhostRecord(h, _options.Ddl)));
        await Db.ExecuteAllAsync(_connection, null, statements, cancellationToken).ConfigureAwait(false);
        LoaderLog.VaultEnsured(_logger, statements.Count);
    }

    /// <summary>Drops every table and view of the model, the batch log and the quarantine table.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task DropVaultAsync(CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        var statements = new List<SqlStatement>(_dialect.DropVault(_model)) { _dialect.DropTable(_quarantine.Definition.Name) };
        if (_batchLog is not null)
        {
            statements.Add(_dialect.DropTable(_batchLog.Definition.Name));
        }

        await Db.ExecuteAllAsync(_connection, null, statements, cancellationToken).ConfigureAwait(false);
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
            throw new ArgumentException($"Batch '{batch.Name}' has no sources.", nameof(batch));
        }

        var clock = Stopwatch.StartNew();
        var loadDate = Timestamps.Normalize(batch.LoadDate ?? _options.TimeProvider.GetUtcNow().UtcDateTime);
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = new BatchRun(this, batch, loadDate, progress);
        if (_batchLog is not null)
        {
            try
            {
                run.BatchId = await _batchLog.StartAsync(_connection, batch.Name, loadDate, batch.RecordSource, Now(), cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                throw new DataVaultLoadException($"Batch '{batch.Name}' did not start: the batch log '{_batchLog.Definition.Name}' cannot be written ({ex.Message}). Create the vault first (EnsureVaultAsync). Nothing was loaded.", ex);
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
                _ => new DataVaultLoadException($"Batch '{batch.Name}' failed and was rolled back: {ex.Message}", ex),
            };
            if (ex is OperationCanceledException)
            {
                LoaderLog.BatchCancelled(_logger, batch.Name, run.BatchId);
            }
            else
            {
                LoaderLog.BatchFailed(_logger, ex, batch.Name, run.BatchId, failure.Message);
            }

            await FinishLogAsync(run, ex is OperationCanceledException ? "cancelled" : "failed", failure.Message).ConfigureAwait(false);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }

        await FinishLogAsync(run, "succeeded", null).ConfigureAwait(false);
        var result = new LoadResult(run.BatchId, batch.Name, loadDate, run.RowsRead, run.RowsRejected, run.Inserted, run.EndDated, clock.Elapsed);
        LoaderLog.BatchCommitted(_logger, batch.Name, run.BatchId, result.RowsRead, result.RowsInserted, result.RowsEndDated, clock.ElapsedMilliseconds);
        progress?.Report(new LoadProgress(LoadPhase.Done, null, run.RowsRead, run.RowsStaged, run.TargetCount, run.TargetCount));
        return result;
    }

    private DateTime Now() => Timestamps.Normalize(_options.TimeProvider.GetUtcNow().UtcDateTime);

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection.State != ConnectionState.Open)
        {
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FinishLogAsync(BatchRun run, string status, string? error)
    {
        if (_batchLog is null)
        {
            return;
        }

        try
        {
            // A cancelled bulk copy or a lost connection may have closed it: the log entry is written on a new session.
            await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await _batchLog.FinishAsync(_connection, run.BatchId, status, Now(), run.RowsRead, run.Inserted.Values.Sum(), run.EndDated, run.RowsRejected, run.Inserted, error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            LoaderLog.BatchLogFailed(_logger, ex, run.BatchId, ex.Message);
        }
    }

    private static string Text(object? value) => Convert.ToString(value is byte[] bytes ? Convert.ToHexString(bytes) : value, CultureInfo.InvariantCulture) ?? "NULL";
}

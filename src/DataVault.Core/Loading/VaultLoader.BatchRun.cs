using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DataVault.Core.Loading.Staging;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading;

/// <summary>One batch's run: plan, stage, check, merge, commit — or roll back.</summary>
public sealed partial class VaultLoader
{
    private sealed class BatchRun(VaultLoader loader, LoadBatch batch, DateTime loadDate, IProgress<LoadProgress>? progress)
    {
        private const int ProgressEvery = 10_000;

        /// <summary>Chunks that may wait for the staging writer: memory stays bounded by this many chunks.</summary>
        private const int PipelineDepth = 4;
        private readonly Dictionary<string, long> _inserted = new(StringComparer.Ordinal);
        private readonly StageSet _stages = new(loader._dialect, loader._options);
        private BatchState _state = null!;

        public long BatchId { get; set; }

        public long RowsRead { get; private set; }

        public long RowsRejected { get; private set; }

        public long RowsStaged { get; private set; }

        public long EndDated { get; private set; }

        public int TargetCount => _stages.All.Count;

        public IReadOnlyDictionary<string, long> Inserted => _inserted;

        private DbConnection Connection => loader._connection;

        private SqlDialect Dialect => loader._dialect;

        private LoadOptions Options => loader._options;

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            Report(LoadPhase.Preparing, null);
            var readers = new List<(SourcePlan Plan, SourceReader Reader)>();
            DbTransaction? transaction = null;
            var stagingCreated = false;
            var lockHeld = false;
            try
            {
                var zeroKeys = loader._model.Hubs.ToDictionary(h => h, h => Dialect.ZeroKeyValue(h.HashingStandard, Options.Ddl));
                _state = new BatchState(loadDate, batch.RecordSource, batch.Sources, zeroKeys, Options);
                for (var i = 0; i < batch.Sources.Count; i++)
                {
                    var source = batch.Sources[i];
                    var reader = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
                    readers.Add((null!, reader));
                    var plan = SourcePlan.Create(source, i, reader.Columns, loader._model, _stages);
                    readers[i] = (plan, reader);
                    if (loader._logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
                    {
                        var tables = string.Join(", ", plan.Tables);
                        LoaderLog.SourcePlanned(loader._logger, source.Name, tables);
                    }
                }

                // Staging tables exist before the transaction starts: DDL would commit it implicitly on MariaDB.
                stagingCreated = true;
                foreach (var stage in _stages.All)
                {
                    await Db.ExecuteAllAsync(Connection, null, Dialect.CreateStaging(stage.Definition, stage.Staging), cancellationToken).ConfigureAwait(false);
                }

                if (Options.BadRows == BadRowHandling.Quarantine)
                {
                    await Db.ExecuteAllAsync(Connection, null, Dialect.CreateTable(loader._quarantine.Definition, Options.Ddl with { IfNotExists = true }), cancellationToken).ConfigureAwait(false);
                }

                transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var writer = CreateWriter(transaction);
                await using (writer.ConfigureAwait(false))
                {
                    // Staging while reading: chunks are written on the pipeline's thread while this one parses and hashes.
                    var pipeline = new StagingPipeline(PipelineDepth, cancellationToken);
                    await using (pipeline.ConfigureAwait(false))
                    {
                        foreach (var (plan, reader) in readers)
                        {
                            await StageSourceAsync(plan, reader, writer, pipeline, transaction, cancellationToken).ConfigureAwait(false);
                        }

                        await StageOrderedRowsAsync(writer, pipeline).ConfigureAwait(false);
                        foreach (var stage in _stages.All)
                        {
                            RowsStaged += await stage.FlushAsync(pipeline, writer).ConfigureAwait(false);
                        }

                        await pipeline.CompleteAsync().ConfigureAwait(false);
                    }
                }

                Report(LoadPhase.Checking, null);
                foreach (var stage in _stages.All.Where(s => s.Staged > 0))
                {
                    if (Dialect.AnalyzeStaging(stage.Staging) is { } analyze)
                    {
                        await Db.ExecuteAsync(Connection, transaction, analyze, cancellationToken).ConfigureAwait(false);
                    }
                }

                lockHeld = await AcquireMergeLockAsync(transaction, cancellationToken).ConfigureAwait(false);
                await CheckAsync(transaction, cancellationToken).ConfigureAwait(false);
                Report(LoadPhase.Merging, null);
                await MergeAsync(transaction, cancellationToken).ConfigureAwait(false);
                Report(LoadPhase.Committing, null);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (transaction is not null)
                {
                    await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
                }

                throw;
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }

                foreach (var (_, reader) in readers)
                {
                    await reader.DisposeAsync().ConfigureAwait(false);
                }

                if (lockHeld)
                {
                    await ReleaseMergeLockQuietlyAsync().ConfigureAwait(false);
                }

                if (stagingCreated)
                {
                    await DropStagingQuietlyAsync().ConfigureAwait(false);
                }
            }
        }

        private IStagingWriter CreateWriter(DbTransaction transaction)
        {
            foreach (var factory in Options.StagingWriters)
            {
                if (factory.TryCreate(Connection, transaction, Dialect) is { } writer)
                {
                    return writer;
                }
            }

            return new CommandStagingWriter(Connection, transaction, Dialect);
        }

        private async Task StageSourceAsync(SourcePlan plan, SourceReader reader, IStagingWriter writer, StagingPipeline pipeline, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var source = plan.Source;
            Report(LoadPhase.Reading, source.Name);
            var full = new List<TargetStage>();
            long read = 0, rejected = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read++;
                RowsRead++;
                var error = plan.Parse(reader, Options.EmptyStringIsNull);
                if (error is not null)
                {
                    if (Options.BadRows == BadRowHandling.Reject)
                    {
                        throw BadRow(source, reader.Location, error);
                    }

                    rejected++;
                    RowsRejected++;
                    // The connection belongs to the pipeline's thread while staging: quarantine rows queue behind the chunks.
                    var insert = loader._quarantine.Insert(BatchId, source.Name, reader.Location, error.Column, Problem(error), reader);
                    await pipeline.EnqueueAsync(token => Db.ExecuteAsync(Connection, transaction, insert, token)).ConfigureAwait(false);
                    if (Options.LogValues)
                    {
                        LoaderLog.RowQuarantinedWithValue(loader._logger, source.Name, source.LocationName, reader.Location, error.Column, error.Value is null ? null : Text(error.Value), error.Problem);
                    }
                    else
                    {
                        LoaderLog.RowQuarantined(loader._logger, source.Name, source.LocationName, reader.Location, error.Column, error.Problem);
                    }

                    continue;
                }

                plan.Stage(_state, reader.Location, full);
                if (full.Count > 0)
                {
                    foreach (var stage in full)
                    {
                        RowsStaged += await stage.FlushAsync(pipeline, writer).ConfigureAwait(false);
                    }

                    full.Clear();
                }

                if (read % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Report(LoadPhase.Reading, source.Name);
                }
            }

            LoaderLog.SourceRead(loader._logger, source.Name, read, rejected);
            Report(LoadPhase.Reading, source.Name);
        }

        /// <summary>Numbers the versions of each key from ordered sources (k-th version: load date + k µs) and stages them.</summary>
        private async Task StageOrderedRowsAsync(IStagingWriter writer, StagingPipeline pipeline)
        {
            foreach (var stage in _stages.All.Where(s => s.OrderedRows is not null))
            {
                var rows = stage.OrderedRows!;
                rows.Sort(static (a, b) =>
                {
                    var byKey = CompareValues(a.Key, b.Key);
                    if (byKey != 0)
                    {
                        return byKey;
                    }

                    var byOrder = CompareValues(a.Order, b.Order);
                    return byOrder != 0 ? byOrder : a.SourceRow.CompareTo(b.SourceRow);
                });
                OrderedSatelliteRow? previous = null;
                var k = 0;
                foreach (var row in rows)
                {
                    if (previous is not null && StagedValueComparer.Instance.Equals(previous.Key, row.Key))
                    {
                        if (CompareValues(previous.Order, row.Order) == 0)
                        {
                            if (!StagedValueComparer.Instance.Equals(previous.Diff, row.Diff))
                            {
                                throw SourcePlan.Conflict(_state, stage.Satellite!, previous.SourceRow, row.SourceRow, stage.Satellite!.Parent, null);
                            }

                            continue;
                        }

                        k++;
                    }
                    else
                    {
                        k = 0;
                    }

                    row.Row[1] = Timestamps.Version(loadDate, k);
                    previous = row;
                    if (stage.Add(row.Row))
                    {
                        RowsStaged += await stage.FlushAsync(pipeline, writer).ConfigureAwait(false);
                    }
                }

                rows.Clear();
            }
        }

        private async Task CheckAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            foreach (var stage in _stages.All.Where(s => s.Kind == TargetKind.Satellite))
            {
                var satellite = stage.Satellite!;
                if (stage.NeedsConflictQuery)
                {
                    var conflicts = await Db.QueryAsync(Connection, transaction, Dialect.SelectStagedConflicts(satellite, stage.Staging, TargetStage.SourceRowColumn), 1, cancellationToken).ConfigureAwait(false);
                    if (conflicts.Count > 0)
                    {
                        var (first, second) = await ConflictingRowsAsync(stage, conflicts[0], transaction, cancellationToken).ConfigureAwait(false);
                        throw SourcePlan.Conflict(_state, satellite, first, second, satellite.Parent, null);
                    }
                }

                var stored = await Db.QueryAsync(Connection, transaction, Dialect.SelectSatelliteConflicts(satellite, stage.Staging), 1, cancellationToken).ConfigureAwait(false);
                if (stored.Count > 0)
                {
                    throw new DataVaultLoadException(
                        $"{satellite.TableName}: the batch's row for key {Text(stored[0][0])} at load date {Text(stored[0][1])} differs from the row already stored with the same key and load date. " +
                        "A rerun must carry the same data; load changed data with a new load timestamp.");
                }

                if (Options.LateData == LateDataHandling.Reject)
                {
                    var late = await Db.QueryAsync(Connection, transaction, Dialect.SelectLateSatelliteRows(satellite, stage.Staging), 1, cancellationToken).ConfigureAwait(false);
                    if (late.Count > 0)
                    {
                        throw new DataVaultLoadException(
                            $"{satellite.TableName}: late data: the batch's row for key {Text(late[0][0])} has load date {Text(late[0][1])}, older than the stored version of {Text(late[0][2])}. " +
                            "Load batches in load-date order, or set LoadOptions.LateData = InsertInOrder to insert it in order.");
                    }
                }
            }
        }

        /// <summary>Finds two staged rows of a conflicting key that really differ: the first row and the first with another diff.</summary>
        private async Task<(long First, long Second)> ConflictingRowsAsync(TargetStage stage, object?[] conflict, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var satellite = stage.Satellite!;
            var q = Dialect.QuoteIdentifier;
            var statement = new SqlStatement(
                $"SELECT {q(TargetStage.SourceRowColumn)}, {q(satellite.HashDiffColumn)} FROM {q(stage.Staging.Name)} " +
                $"WHERE {q(satellite.ParentHashKeyColumn)} = {Dialect.ParameterPlaceholder("k")} AND {q(satellite.Parent.Naming.LoadDate)} = {Dialect.ParameterPlaceholder("d")} " +
                $"ORDER BY {q(TargetStage.SourceRowColumn)}",
                [new("k", conflict[0]), new("d", conflict[1])]);
            var rows = await Db.QueryAsync(Connection, transaction, statement, int.MaxValue, cancellationToken).ConfigureAwait(false);
            var first = rows[0];
            var second = rows.FirstOrDefault(r => !StagedValueComparer.Instance.Equals(r[1]!, first[1]!)) ?? rows[^1];
            return (Convert.ToInt64(first[0], CultureInfo.InvariantCulture), Convert.ToInt64(second[0], CultureInfo.InvariantCulture));
        }

        private async Task MergeAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            var merged = 0;
            foreach (var hub in loader._model.Hubs)
            {
                await Db.ExecuteAsync(Connection, transaction, Dialect.InsertGhostRecord(hub, Options.Ddl), cancellationToken).ConfigureAwait(false);
            }

            foreach (var kind in new[] { TargetKind.Hub, TargetKind.Link, TargetKind.Satellite })
            {
                foreach (var stage in _stages.All.Where(s => s.Kind == kind))
                {
                    var clock = Stopwatch.StartNew();
                    var statement = kind switch
                    {
                        TargetKind.Hub => Dialect.LoadHub((Hub)stage.Entity!, stage.Staging),
                        TargetKind.Link => Dialect.LoadLink((Link)stage.Entity!, stage.Staging),
                        _ => Dialect.LoadSatellite(stage.Satellite!, stage.Staging),
                    };
                    var inserted = stage.Staged == 0 ? 0 : await Db.ExecuteAsync(Connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                    _inserted[stage.Table] = inserted;
                    if (kind == TargetKind.Satellite && Options.EndDating && stage.Staged > 0)
                    {
                        EndDated += await Db.ExecuteAsync(Connection, transaction, Dialect.EndDateSatellite(stage.Satellite!, stage.Staging), cancellationToken).ConfigureAwait(false);
                    }

                    LoaderLog.TargetMerged(loader._logger, stage.Table, inserted, stage.Staged, clock.ElapsedMilliseconds);
                    merged++;
                    progress?.Report(new LoadProgress(LoadPhase.Merging, null, RowsRead, RowsStaged, merged, TargetCount));
                }
            }
        }

        private static DataVaultLoadException BadRow(LoadSource source, long location, RowError error)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{source.Name}, {source.LocationName} {location}");
            return new DataVaultLoadException(source.Name, location, error.Column, $"{where}{(error.Column is null ? string.Empty : ", column " + error.Column)}: {Problem(error)}");
        }

        private static string Problem(RowError error)
        {
            if (error.Column is null)
            {
                return error.Problem;
            }

            var value = error.Value is null ? "NULL" : Text(error.Value);
            return $"'{(value.Length > 80 ? value[..77] + "..." : value)}' {error.Problem}";
        }

        private static int CompareValues(object a, object b)
        {
            if (a is byte[] x && b is byte[] y)
            {
                return x.AsSpan().SequenceCompareTo(y);
            }

            if (a.GetType() == b.GetType() && a is IComparable comparable)
            {
                return a is string s ? string.CompareOrdinal(s, (string)b) : comparable.CompareTo(b);
            }

            return string.CompareOrdinal(a.GetType().Name, b.GetType().Name);
        }

        private void Report(LoadPhase phase, string? source) =>
            progress?.Report(new LoadProgress(phase, source, RowsRead, RowsStaged, phase == LoadPhase.Merging ? 0 : phase > LoadPhase.Merging ? TargetCount : 0, TargetCount));

        private static async Task RollbackQuietlyAsync(DbTransaction transaction)
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // The connection is gone; the server rolls the transaction back itself.
            }
        }

        private async Task<bool> AcquireMergeLockAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            if (!Options.SerializeMerges || Dialect.AcquireMergeLock(Options.MergeLockTimeout) is not { } statement)
            {
                return false;
            }

            var acquired = await Db.ScalarAsync(Connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            if (Convert.ToInt64(acquired ?? 0L, CultureInfo.InvariantCulture) != 1)
            {
                throw new DataVaultLoadException($"Batch '{batch.Name}': another loader held the merge lock for longer than {Options.MergeLockTimeout}; the batch was rolled back.");
            }

            return true;
        }

        private async Task ReleaseMergeLockQuietlyAsync()
        {
            if (Dialect.ReleaseMergeLock() is not { } statement || Connection.State != System.Data.ConnectionState.Open)
            {
                return;
            }

            try
            {
                await Db.ScalarAsync(Connection, null, statement, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // A named lock dies with its session.
            }
        }

        private async Task DropStagingQuietlyAsync()
        {
            foreach (var stage in _stages.All)
            {
                try
                {
                    if (Connection.State == System.Data.ConnectionState.Open)
                    {
                        await Db.ExecuteAsync(Connection, null, Dialect.DropStaging(stage.Staging), CancellationToken.None).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException)
                {
                    // A staging table left behind is dropped and recreated by the next batch.
                }
            }
        }
    }
}

using System.Diagnostics;
using DataVault.Core.Loading.Merging;
using DataVault.Core.Loading.Planning;
using DataVault.Core.Loading.Stages;
using DataVault.Core.Loading.Staging;
using Microsoft.Extensions.Logging;

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
        private readonly List<SkippedSatellite> _skipped = [];
        private readonly Dictionary<string, long> _skippedLinkRows = new(StringComparer.Ordinal);
        private LoadOptions? _options;
        private BatchPlan? _plan;

        public long BatchId { get; set; }

        /// <summary>The satellites sources had only some attributes of (<see cref="PartialSatelliteHandling.Report"/>).</summary>
        public IReadOnlyList<SkippedSatellite> Skipped => _skipped;

        /// <summary>Per link, the rows that fed no row of it because a hub key was empty (<see cref="Modeling.NullHubKeyPolicy.Skip"/>, <see cref="SourceMapping.RequireAllKeys"/>).</summary>
        public IReadOnlyDictionary<string, long> SkippedLinkRows => _skippedLinkRows;

        /// <summary>The loader's session as the batch log entry records it (<see cref="Bookkeeping.BatchSessions"/>), until it is ended.</summary>
        public string? SessionId { get; set; }

        public long RowsRead { get; private set; }

        public long RowsRejected { get; private set; }

        public long RowsStaged { get; private set; }

        public long EndDated { get; private set; }

        public int TargetCount => _plan?.Stages.All.Count ?? 0;

        /// <summary>The phase the batch is in (the last one reported), for the messages of a failed batch.</summary>
        public LoadPhase Phase { get; private set; } = LoadPhase.Preparing;

        /// <summary>The source the batch was reading when it reported its phase last, if it was reading one.</summary>
        public string? Source { get; private set; }

        public IReadOnlyDictionary<string, long> Inserted => _inserted;

        /// <summary>The loader's options with the batch's overrides (<see cref="LoadBatch.Options"/>).</summary>
        private LoadOptions Options => _options ??= batch.Options?.ApplyTo(loader._options) ?? loader._options;

        /// <summary>
        /// Plan → staging session → transaction → [merge lock → lookups, for a batch with lookups] → stage → merge lock →
        /// check → merge → commit. Each resource is released by its own type, in reverse order: the merge lock after the
        /// transaction ended, the staging tables last.
        /// </summary>
        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            Report(LoadPhase.Preparing, null);
            var readers = new SourceReaders();
            await using var closeReaders = readers.ConfigureAwait(false);
            var plan = _plan = await PlanAsync(readers, cancellationToken).ConfigureAwait(false);
            var staging = await StagingSession.CreateAsync(loader._session, plan, Options.BadRows == BadRowHandling.Quarantine ? loader._quarantine : null, Options, cancellationToken).ConfigureAwait(false);
            await using var dropStaging = staging.ConfigureAwait(false);
            var transaction = await BatchTransaction.BeginAsync(loader._session, cancellationToken).ConfigureAwait(false);
            await using var endTransaction = transaction.ConfigureAwait(false);
            var context = new StageContext(loader._session, transaction.Transaction, Options, plan.State, loader._statements);
            var mergeLock = MergeLock.For(loader._session, transaction, Options, batch.Name);
            await using var releaseMergeLock = mergeLock.ConfigureAwait(false);
            await LookUpAsync(mergeLock, transaction, cancellationToken).ConfigureAwait(false);
            await StageAsync(plan, readers, context, cancellationToken).ConfigureAwait(false);
            Report(LoadPhase.Checking, null);
            await AnalyzeAsync(plan, context, cancellationToken).ConfigureAwait(false);
            await mergeLock.AcquireAsync(always: false, cancellationToken).ConfigureAwait(false);
            foreach (var stage in plan.Stages.All)
            {
                await stage.CheckAsync(context, cancellationToken).ConfigureAwait(false);
            }

            Report(LoadPhase.Merging, null);
            await MergeAsync(plan, context, cancellationToken).ConfigureAwait(false);
            Report(LoadPhase.Committing, null);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The batch's lookups (<see cref="LoadBatch.LookUp"/>), after the merge lock and before any row is read, so that
        /// every value they read is the one the merge sees: the batch is serialised with every other loader from here.
        /// </summary>
        private async Task LookUpAsync(MergeLock mergeLock, BatchTransaction transaction, CancellationToken cancellationToken)
        {
            if (batch.Lookups.Count == 0)
            {
                return;
            }

            await mergeLock.AcquireAsync(always: true, cancellationToken).ConfigureAwait(false);
            var lookup = new VaultLookup(loader._session, transaction.Transaction, batch.Name, loadDate);
            foreach (var step in batch.Lookups)
            {
                await step(lookup, cancellationToken).ConfigureAwait(false);
            }

            LoaderLog.LookupsRead(loader._logger, batch.Name, batch.Lookups.Count, mergeLock.Held);
        }

        /// <summary>Opens each source in turn and plans it from its columns (a source that does not fit fails before the next opens).</summary>
        private async Task<BatchPlan> PlanAsync(SourceReaders readers, CancellationToken cancellationToken)
        {
            var plan = BatchPlan.Start(loader._model, loader.Dialect, Options, batch, loadDate);
            foreach (var source in batch.Sources)
            {
                var reader = await readers.OpenAsync(source, cancellationToken).ConfigureAwait(false);
                var sourcePlan = plan.Add(reader.Columns);
                foreach (var skipped in sourcePlan.Skipped)
                {
                    if (Options.PartialSatellites == PartialSatelliteHandling.Reject)
                    {
                        throw new DataVaultLoadException(source.Name, 1, skipped.MissingColumns[0], skipped.ToString());
                    }

                    LoaderLog.SatelliteSkipped(loader._logger, batch.Name, skipped.Source, skipped.Satellite, string.Join(", ", skipped.MissingColumns));
                    _skipped.Add(skipped);
                }

                if (loader._logger.IsEnabled(LogLevel.Debug))
                {
                    var tables = string.Join(", ", sourcePlan.Tables);
                    LoaderLog.SourcePlanned(loader._logger, source.Name, tables);
                }
            }

            return plan;
        }

        /// <summary>Reads every source into the staging tables, inside the transaction.</summary>
        private async Task StageAsync(BatchPlan plan, SourceReaders readers, StageContext context, CancellationToken cancellationToken)
        {
            var writer = CreateWriter(context);
            await using (writer.ConfigureAwait(false))
            {
                // Staging while reading: chunks are written on the pipeline's thread while this one parses and hashes.
                var pipeline = new StagingPipeline(PipelineDepth, cancellationToken);
                await using (pipeline.ConfigureAwait(false))
                {
                    for (var i = 0; i < plan.Sources.Count; i++)
                    {
                        await StageSourceAsync(plan.Sources[i], readers.All[i], writer, pipeline, context, cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var satellite in plan.Stages.Satellites)
                    {
                        await StageOrderedVersionsAsync(satellite, plan.State, writer, pipeline).ConfigureAwait(false);
                    }

                    foreach (var stage in plan.Stages.All)
                    {
                        RowsStaged += await stage.FlushAsync(pipeline, writer).ConfigureAwait(false);
                    }

                    await pipeline.CompleteAsync().ConfigureAwait(false);
                }
            }
        }

        private IStagingWriter CreateWriter(StageContext context)
        {
            foreach (var factory in Options.StagingWriters)
            {
                if (factory.TryCreate(context.Session.Connection, context.Transaction, context.Session.Dialect) is { } writer)
                {
                    return writer;
                }
            }

            return new CommandStagingWriter(context.Session, context.Transaction);
        }

        private async Task StageSourceAsync(SourcePlan plan, SourceReader reader, IStagingWriter writer, StagingPipeline pipeline, StageContext context, CancellationToken cancellationToken)
        {
            var source = plan.Source;
            Report(LoadPhase.Reading, source.Name);
            var full = new List<TargetStage>();
            long read = 0, rejected = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read++;
                RowsRead++;
                var errors = plan.Parse(reader, Options.EmptyStringIsNull, Options.Ddl.RecordSourceLength);
                if (errors is not null)
                {
                    // The exception names the first bad column (and counts the others); the quarantine row lists them all.
                    var problems = errors.Select(e => (e.Column, Problem: LoadMessages.RowProblem(e.Column, e.Value, e.Problem))).ToList();
                    var error = errors[0];
                    if (Options.BadRows == BadRowHandling.Reject)
                    {
                        var where = LoadMessages.Location(source.Name, source.LocationName, reader.Location);
                        var more = errors.Count > 1 ? LoadMessages.MoreBadColumns(errors.Skip(1).Select(e => e.Column)) : string.Empty;
                        throw new DataVaultLoadException(source.Name, reader.Location, error.Column, LoadMessages.BadRow(where, error.Column, problems[0].Problem) + more);
                    }

                    rejected++;
                    RowsRejected++;

                    // The connection belongs to the pipeline's thread while staging: quarantine rows queue behind the chunks.
                    var insert = loader._quarantine.Insert(BatchId, source.Name, reader.Location, error.Column, LoadMessages.RowProblems(problems), reader);
                    await pipeline.EnqueueAsync(token => context.Session.ExecuteAsync(insert, context.Transaction, token)).ConfigureAwait(false);
                    foreach (var bad in errors)
                    {
                        if (Options.LogValues)
                        {
                            LoaderLog.RowQuarantinedWithValue(loader._logger, source.Name, source.LocationName, reader.Location, DisplayText.OfNullable(bad.Column), bad.Value is null ? null : LoadMessages.Value(bad.Value), bad.Problem);
                        }
                        else
                        {
                            LoaderLog.RowQuarantined(loader._logger, source.Name, source.LocationName, reader.Location, DisplayText.OfNullable(bad.Column), bad.Problem);
                        }
                    }

                    continue;
                }

                plan.Stage(context.Batch, reader.Location, full);
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
            if (rejected > 0 && plan.FullExtractTables.ToList() is { Count: > 0 } extracts)
            {
                // A rejected row of a full extract is a key that would be taken for a deletion.
                throw new DataVaultLoadException(source.Name, null, null, LoadMessages.FullExtractWithRejectedRows(source.Name, rejected, extracts));
            }

            foreach (var (link, rows) in plan.SkippedLinkRows)
            {
                LoaderLog.LinkRowsSkipped(loader._logger, batch.Name, source.Name, rows, link);
                _skippedLinkRows[link] = _skippedLinkRows.GetValueOrDefault(link) + rows;
            }

            Report(LoadPhase.Reading, source.Name);
        }

        /// <summary>Stages the numbered versions of a satellite's ordered sources.</summary>
        private async Task StageOrderedVersionsAsync(SatelliteStage stage, BatchState batch, IStagingWriter writer, StagingPipeline pipeline)
        {
            foreach (var row in stage.TakeOrderedVersions(batch))
            {
                if (stage.Add(row))
                {
                    RowsStaged += await stage.FlushAsync(pipeline, writer).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Refreshes the planner's statistics of the filled staging tables, where the dialect asks for it.</summary>
        private static async Task AnalyzeAsync(BatchPlan plan, StageContext context, CancellationToken cancellationToken)
        {
            foreach (var stage in plan.Stages.All.Where(s => s.Staged > 0))
            {
                if (context.Session.Dialect.AnalyzeStaging(stage.Staging) is { } analyze)
                {
                    await context.Session.ExecuteAsync(analyze, context.Transaction, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The ghost records, then every stage's merge: hubs, links, satellites.</summary>
        private async Task MergeAsync(BatchPlan plan, StageContext context, CancellationToken cancellationToken)
        {
            var merged = 0;
            foreach (var hub in loader._model.Hubs.Where(h => !h.IsReference))
            {
                await context.Session.ExecuteAsync(context.Session.Dialect.InsertGhostRecord(hub, Options.Ddl), context.Transaction, cancellationToken).ConfigureAwait(false);
            }

            foreach (var stage in plan.Stages.InMergeOrder)
            {
                var clock = Stopwatch.StartNew();
                var result = await stage.MergeAsync(context, cancellationToken).ConfigureAwait(false);
                _inserted[stage.Table] = result.Inserted;
                if (result.TrackingTable is { } tracking)
                {
                    _inserted[tracking] = _inserted.GetValueOrDefault(tracking) + result.Tracked;
                }

                EndDated += result.EndDated;
                LoaderLog.TargetMerged(loader._logger, stage.Table, result.Inserted, stage.Staged, clock.ElapsedMilliseconds);
                merged++;
                Phase = LoadPhase.Merging;
                progress?.Report(new LoadProgress(LoadPhase.Merging, null, RowsRead, RowsStaged, merged, TargetCount));
            }
        }

        private void Report(LoadPhase phase, string? source)
        {
            Phase = phase;
            Source = source;
            progress?.Report(new LoadProgress(phase, source, RowsRead, RowsStaged, phase == LoadPhase.Merging ? 0 : phase > LoadPhase.Merging ? TargetCount : 0, TargetCount));
        }
    }
}

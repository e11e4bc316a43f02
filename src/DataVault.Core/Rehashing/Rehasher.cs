using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Merging;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Microsoft.Extensions.Logging;

namespace DataVault.Core.Rehashing;

/// <summary>
/// Runs a <see cref="RehashPlan"/>: each step in its own transaction, recorded in the rehash log when it commits, so
/// that a rerun skips what is done; keys and diffs computed with the C# engine from pages of stored rows (read in key
/// order, a page at a time), copies and the swap as set-based SQL in the engine.
/// </summary>
internal sealed class Rehasher
{
    private const string SwapStarted = "SwapStarted:vault";
    private readonly VaultSession _session;
    private readonly LoadOptions _options;
    private readonly RehashPlan _plan;
    private readonly RehashSql _sql;
    private readonly ILogger _logger;
    private readonly IProgress<RehashProgress>? _progress;
    private readonly int _pageSize;
    private readonly Dictionary<string, long> _log = new(StringComparer.Ordinal);

    public Rehasher(VaultSession session, LoadOptions options, RehashPlan plan, ILogger logger, IProgress<RehashProgress>? progress, int pageSize)
    {
        _session = session;
        _options = options;
        _plan = plan;
        _sql = new RehashSql(session.Dialect, plan.Names);
        _logger = logger;
        _progress = progress;
        _pageSize = pageSize;
    }

    private SqlDialect Dialect => _session.Dialect;

    private DdlOptions Ddl => _options.Ddl;

    private DataVaultModel Source => _plan.Source;

    private DataVaultModel Target => _plan.Target;

    /// <summary>Runs the steps the log does not record yet; <paramref name="ensureSource"/> first when nothing is recorded.</summary>
    public async Task<RehashResult> RunAsync(Func<CancellationToken, Task> ensureSource, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        var log = _sql.LogTable();
        await _session.ExecuteAllAsync([.. log.Schema is { } schema ? [Dialect.CreateSchema(schema)] : Array.Empty<SqlStatement>(), .. Dialect.CreateTable(log, Ddl with { IfNotExists = true })], null, cancellationToken).ConfigureAwait(false);
        await ReadLogAsync(cancellationToken).ConfigureAwait(false);
        if (_log.Count == 0)
        {
            // A fresh start: the vault must be the source model's (EnsureVaultAsync refuses a drifted one).
            await ensureSource(cancellationToken).ConfigureAwait(false);
        }

        var run = new List<RehashStep>();
        var resumed = new List<RehashStep>();
        var rowsByTable = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var step in _plan.Steps)
        {
            if (_log.ContainsKey(step.Id))
            {
                resumed.Add(step);
                continue;
            }

            long rows;
            try
            {
                rows = await RunStepAsync(step, rowsByTable, cancellationToken).ConfigureAwait(false);
            }
            catch (DataVaultRehashException ex)
            {
                LoaderLog.RehashStopped(_logger, ex.Message);
                throw;
            }

            run.Add(step);
            LoaderLog.RehashStepDone(_logger, step.Number, _plan.Steps.Count, step.Description, rows);
            _progress?.Report(new RehashProgress(step, _plan.Steps.Count, rows, Completed: true));
        }

        LoaderLog.Rehashed(_logger, run.Count, resumed.Count, clock.ElapsedMilliseconds);
        return new RehashResult(_plan, run, resumed, rowsByTable, clock.Elapsed);
    }

    private async Task ReadLogAsync(CancellationToken cancellationToken)
    {
        var entries = (await _session.QueryAsync(_sql.ReadLog(), null, null, cancellationToken).ConfigureAwait(false)).Rows
            .Select(r => (Step: (string)r[0]!, Fingerprint: (string)r[1]!, Rows: Convert.ToInt64(r[2], CultureInfo.InvariantCulture)))
            .ToList();
        var others = entries.Where(e => e.Fingerprint != _plan.Fingerprint).ToList();
        if (others.Count > 0)
        {
            if (!others.Any(e => e.Step == RehashStepKind.Cleanup + ":vault"))
            {
                throw new DataVaultRehashException(string.Create(CultureInfo.InvariantCulture,
                    $"Another rehash (fingerprint {others[0].Fingerprint}) is in progress in this database: {others.Count} of its steps are done ({_plan.LogTable}). Finish it by running it again with its own target model; nothing was changed."));
            }

            // An earlier rehash that finished: its log gives way to this one.
            await _session.ExecuteAsync(_sql.ClearLog(), null, cancellationToken).ConfigureAwait(false);
            entries.Clear();
        }

        foreach (var entry in entries)
        {
            _log[entry.Step] = entry.Rows;
        }
    }

    private Task<long> RunStepAsync(RehashStep step, Dictionary<string, long> rowsByTable, CancellationToken cancellationToken) => step.Kind switch
    {
        RehashStepKind.MapHubKeys => MapHubKeysAsync(step, Source.Hubs.Single(h => h.TableName == step.Table), cancellationToken),
        RehashStepKind.MapLinkKeys => MapLinkKeysAsync(step, Source.Links.Single(l => l.TableName == step.Table), cancellationToken),
        RehashStepKind.CopyHub => CopyHubAsync(step, Target.Hubs.Single(h => h.TableName == step.Table), cancellationToken),
        RehashStepKind.CopyLink => CopyLinkAsync(step, Target.Links.Single(l => l.TableName == step.Table), cancellationToken),
        RehashStepKind.CopySatellite => CopySatelliteAsync(step, Source.Satellites.Single(s => s.TableName == step.Table), cancellationToken),
        RehashStepKind.CopyPointInTime => CopyPitAsync(step, Target.PointInTimes.Single(p => p.TableName == step.Table), cancellationToken),
        RehashStepKind.Swap => SwapAsync(step, rowsByTable, cancellationToken),
        RehashStepKind.Cleanup => CleanupAsync(step, cancellationToken),
        _ => throw new InvalidOperationException("Unknown rehash step " + step.Kind),
    };

    private async Task<long> MapHubKeysAsync(RehashStep step, Hub source, CancellationToken cancellationToken)
    {
        var target = Target.Hub(source.Name);
        var map = _sql.KeyMap(source.TableName, Dialect.Types.HashColumn(source.HashingStandard, Ddl), Dialect.Types.HashColumn(target.HashingStandard, Ddl));
        var zero = Dialect.ZeroKeyValue(target.HashingStandard, Ddl);
        await RecreateAsync(map, cancellationToken).ConfigureAwait(false);
        return await InTransactionAsync(step, async transaction =>
        {
            var rows = await WritePagesAsync(step, map, transaction, last => _sql.HubPage(source, last, _pageSize), page => page.Select(row =>
            {
                var values = new object?[target.BusinessKeys.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = StoredValue.Typed(row[1 + i], target.BusinessKeys[i].Type, Dialect.Types, source.TableName, target.BusinessKeys[i].Name);
                }

                return new[] { StoredValue.Raw(row[0]), NewKey(target, values, map.Columns[1].Type.Type, zero) };
            }), cancellationToken).ConfigureAwait(false);
            await RefuseMergedKeysAsync(source, source.TableName, map.Name, transaction, cancellationToken).ConfigureAwait(false);
            return rows;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> MapLinkKeysAsync(RehashStep step, Link source, CancellationToken cancellationToken)
    {
        var target = Target.Link(source.Name);
        var map = _sql.KeyMap(source.TableName, Dialect.Types.HashColumn(source.HashingStandard, Ddl), Dialect.Types.HashColumn(target.HashingStandard, Ddl));
        var zero = Dialect.ZeroKeyValue(target.HashingStandard, Ddl);
        var parts = target.KeyParts;
        await RecreateAsync(map, cancellationToken).ConfigureAwait(false);
        return await InTransactionAsync(step, async transaction =>
        {
            var rows = await WritePagesAsync(step, map, transaction, last => _sql.LinkPage(source, last, _pageSize), page => page.Select(row =>
            {
                for (var h = 0; h < source.Hubs.Count; h++)
                {
                    if (row[1 + parts.Count + h] is null or DBNull)
                    {
                        var reference = source.Hubs[h];
                        throw new DataVaultRehashException(
                            $"{source.TableName}: the row with key {Display(row[0])} refers by {reference.HashKeyColumn} to a key {reference.Hub.TableName} does not hold; the vault is inconsistent and cannot be rehashed. Nothing was changed.");
                    }
                }

                var values = new object?[parts.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = StoredValue.Typed(row[1 + i], parts[i].Type, Dialect.Types, source.TableName, parts[i].Name);
                }

                return new[] { StoredValue.Raw(row[0]), NewKey(target, values, map.Columns[1].Type.Type, zero) };
            }), cancellationToken).ConfigureAwait(false);
            await RefuseMergedKeysAsync(null, source.TableName, map.Name, transaction, cancellationToken).ConfigureAwait(false);
            return rows;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> CopySatelliteAsync(RehashStep step, Satellite source, CancellationToken cancellationToken)
    {
        var target = Target.Satellite(source.Name);
        var definition = Dialect.SatelliteTable(target, Ddl);
        var scratch = TableDefinition.Plain(_plan.Names.Scratch(definition.Name), definition.Columns) with { Schema = definition.Schema };
        var columns = definition.Columns;
        var attributeIndexes = target.Attributes.Select(a => IndexOf(columns, a.Name)).ToArray();
        var diffIndex = IndexOf(columns, target.HashDiffColumn);
        var keyIndex = IndexOf(columns, target.ParentHashKeyColumn);
        var loadDateIndex = IndexOf(columns, target.Parent.Naming.LoadDate);
        int[] restIndexes = [loadDateIndex, .. source.MultiActiveKeys.Select(k => IndexOf(columns, k.Name))];
        await RecreateAsync(scratch, cancellationToken).ConfigureAwait(false);
        object?[]? lastRest = null;
        return await InTransactionAsync(step, transaction => WritePagesAsync(step, scratch, transaction, last => _sql.SatellitePage(source, definition, last, lastRest, _pageSize), page =>
        {
            var rows = page.Select(row =>
            {
                var values = new object?[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    values[i] = i == keyIndex || i == diffIndex ? StoredValue.Raw(row[1 + i]) : StoredValue.Typed(row[1 + i], columns[i].Type.Type, Dialect.Types, source.TableName, columns[i].Name);
                }

                var diff = ModelHashing.HashDiff(target, [.. attributeIndexes.Select(a => values[a])]);
                values[diffIndex] = diff is null
                    ? throw new DataVaultRehashException($"{source.TableName}: the version of key {Display(row[0])} at {Display(row[1 + loadDateIndex])} has only NULL attributes, for which {target.HashingStandard.Id} stores no hash diff (AllNullDiff = Null); the rehash would lose it. Nothing was changed.")
                    : StoreKey(diff, columns[diffIndex].Type.Type);
                return values;
            }).ToList();
            if (page.Count > 0)
            {
                lastRest = [.. restIndexes.Select(i => StoredValue.Raw(page[^1][1 + i]))];
            }

            return rows;
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private Task<long> CopyHubAsync(RehashStep step, Hub hub, CancellationToken cancellationToken) =>
        CopyAsync(step, Dialect.HubTable(hub, Ddl), [(hub.HashKeyColumn, hub.TableName)], cancellationToken);

    private Task<long> CopyLinkAsync(RehashStep step, Link link, CancellationToken cancellationToken) =>
        CopyAsync(step, Dialect.LinkTable(link, Ddl), [(link.HashKeyColumn, link.TableName), .. link.Hubs.Select(r => (r.HashKeyColumn, r.Hub.TableName))], cancellationToken);

    private Task<long> CopyPitAsync(RehashStep step, PointInTime pit, CancellationToken cancellationToken) =>
        CopyAsync(step, Dialect.PitTable(pit, Ddl), [(pit.HashKeyColumn, pit.Hub.TableName)], cancellationToken);

    private async Task<long> CopyAsync(RehashStep step, TableDefinition definition, IReadOnlyList<(string Column, string MapOf)> mapped, CancellationToken cancellationToken)
    {
        var scratch = TableDefinition.Plain(_plan.Names.Scratch(definition.Name), definition.Columns) with { Schema = definition.Schema };
        await RecreateAsync(scratch, cancellationToken).ConfigureAwait(false);
        return await InTransactionAsync(step, async transaction =>
        {
            await _session.ExecuteAsync(_sql.Copy(step.Table, definition, mapped), transaction, cancellationToken).ConfigureAwait(false);
            return await CountAsync(scratch.Schema, scratch.Name, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Under the merge lock: every vault table still holds exactly the rows its copy read (the vault is insert-only, so
    /// equal counts mean nothing arrived), then the vault is dropped, created as the target model says and filled.
    /// </summary>
    private async Task<long> SwapAsync(RehashStep step, Dictionary<string, long> rowsByTable, CancellationToken cancellationToken)
    {
        var tables = VaultTables.Of(Dialect, Target, Ddl);
        var copies = _plan.Steps.Where(s => s.Kind is RehashStepKind.CopyHub or RehashStepKind.CopyLink or RehashStepKind.CopySatellite or RehashStepKind.CopyPointInTime).ToList();
        var transaction = await BatchTransaction.BeginAsync(_session, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var mergeLock = MergeLock.For(_session, transaction, _options, "rehash");
            await using (mergeLock.ConfigureAwait(false))
            {
                await mergeLock.AcquireAsync(always: true, cancellationToken).ConfigureAwait(false);
                if (!_log.ContainsKey(SwapStarted))
                {
                    foreach (var copy in copies)
                    {
                        var stored = await CountAsync(_plan.Names.SchemaOf(copy.Table), copy.Table, transaction.Transaction, cancellationToken).ConfigureAwait(false);
                        if (stored != _log[copy.Id])
                        {
                            await transaction.EndAsync().ConfigureAwait(false);
                            await _session.ExecuteAsync(_sql.ClearLog(), null, cancellationToken).ConfigureAwait(false);
                            throw new DataVaultRehashException(string.Create(CultureInfo.InvariantCulture,
                                $"Rows were loaded while the rehash ran: {copy.Table} holds {stored} row(s), its copy read {_log[copy.Id]}. The vault was not changed; the next call starts the rehash again — stop the loaders while it runs."));
                        }
                    }

                    if (!Dialect.Capabilities.TransactionalDdl)
                    {
                        // From here the engine commits each DDL statement: a rerun goes on from the copies, not from the dropped tables.
                        await MarkAsync(SwapStarted, 0, transaction.Transaction, cancellationToken).ConfigureAwait(false);
                    }
                }

                var statements = new List<SqlStatement>(Dialect.DropVault(Source));
                statements.AddRange(Dialect.CreateVault(Target, Ddl with { IfNotExists = false }));
                statements.AddRange(tables.Select(_sql.FillFromScratch));
                await _session.ExecuteAllAsync(statements, transaction.Transaction, cancellationToken).ConfigureAwait(false);
                long rows = 0;
                foreach (var copy in copies)
                {
                    rowsByTable[copy.Table] = _log[copy.Id];
                    rows += _log[copy.Id];
                }

                await MarkAsync(step.Id, rows, transaction.Transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return rows;
            }
        }
    }

    private async Task<long> CleanupAsync(RehashStep step, CancellationToken cancellationToken)
    {
        var scratch = _plan.Steps.Where(s => s.Kind is RehashStepKind.CopyHub or RehashStepKind.CopyLink or RehashStepKind.CopySatellite or RehashStepKind.CopyPointInTime)
            .Select(s => Dialect.DropTable(_plan.Names.Scratch(s.Table), _plan.Names.SchemaOf(s.Table)));
        await _session.ExecuteAllAsync(scratch, null, cancellationToken).ConfigureAwait(false);
        await MarkAsync(step.Id, 0, null, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Reads pages of <paramref name="page"/> in key order and writes each, turned into rows of <paramref name="table"/>, before reading the next.</summary>
    private async Task<long> WritePagesAsync(RehashStep step, TableDefinition table, DbTransaction transaction, Func<object?, SqlStatement> page, Func<IReadOnlyList<object?[]>, IEnumerable<object?[]>> rowsOf, CancellationToken cancellationToken)
    {
        var schema = new StagingTableSchema(table.Name, false, [.. table.Columns.Select(c => new StagingColumn(c.Name, c.Type.Type, c.Type.Text))]) { DatabaseSchema = table.Schema };
        long written = 0;
        var writer = CreateWriter(transaction);
        await using (writer.ConfigureAwait(false))
        {
            object? last = null;
            while (true)
            {
                var read = (await _session.QueryAsync(page(last), transaction, null, cancellationToken).ConfigureAwait(false)).Rows;
                var rows = rowsOf(read).ToList();
                if (rows.Count > 0)
                {
                    await writer.WriteAsync(schema, rows, cancellationToken).ConfigureAwait(false);
                }

                written += rows.Count;
                if (read.Count < _pageSize)
                {
                    return written;
                }

                _progress?.Report(new RehashProgress(step, _plan.Steps.Count, written, Completed: false));
                last = StoredValue.Raw(read[^1][0]);
            }
        }
    }

    private IStagingWriter CreateWriter(DbTransaction transaction)
    {
        foreach (var factory in _options.StagingWriters)
        {
            if (factory.TryCreate(_session.Connection, transaction, Dialect) is { } writer)
            {
                return writer;
            }
        }

        return new CommandStagingWriter(_session, transaction);
    }

    /// <summary>A key map in which several stored keys have one new key: the target standard merges what the current one keeps apart.</summary>
    private async Task RefuseMergedKeysAsync(Hub? hub, string table, string map, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var merged = (await _session.QueryAsync(_sql.MergedKeys(map), transaction, null, cancellationToken).ConfigureAwait(false)).Rows;
        if (merged.Count == 0)
        {
            return;
        }

        var examples = new List<string>();
        foreach (var row in merged)
        {
            var newKey = StoredValue.Raw(row[0])!;
            var keys = hub is null
                ? $"{row[1]} stored keys"
                : string.Join(" and ", (await _session.QueryAsync(_sql.RowsMappedTo(hub, newKey), transaction, null, cancellationToken).ConfigureAwait(false)).Rows.Select(r => "(" + string.Join(", ", r.Select(Display)) + ")"));
            examples.Add($"{keys} -> {Display(newKey)}");
        }

        throw new DataVaultRehashException(
            $"The target standard gives one key to business keys the current one keeps apart, in {table}: {string.Join("; ", examples)}{(merged.Count == 5 ? "; …" : string.Empty)}. Their histories would collide; the rehash is refused and the vault was not changed.");
    }

    private async Task<long> InTransactionAsync(RehashStep step, Func<DbTransaction, Task<long>> work, CancellationToken cancellationToken)
    {
        var transaction = await BatchTransaction.BeginAsync(_session, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var rows = await work(transaction.Transaction).ConfigureAwait(false);
            await MarkAsync(step.Id, rows, transaction.Transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rows;
        }
    }

    private async Task MarkAsync(string step, long rows, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await _session.ExecuteAsync(_sql.InsertLog(step, _plan.Fingerprint, rows, Timestamps.Normalize(_options.TimeProvider.GetUtcNow().UtcDateTime)), transaction, cancellationToken).ConfigureAwait(false);
        _log[step] = rows;
    }

    /// <summary>Drops and creates a table the rehash writes, outside any transaction (DDL commits on MariaDB).</summary>
    private Task RecreateAsync(TableDefinition table, CancellationToken cancellationToken) =>
        _session.ExecuteAllAsync([Dialect.DropTable(table.Name, table.Schema), .. Dialect.CreateTable(table, Ddl with { IfNotExists = false })], null, cancellationToken);

    private async Task<long> CountAsync(string? schema, string table, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await _session.ScalarAsync(_sql.Count(schema, table), transaction, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    /// <summary>The stored key under the target standard; the zero key when every part is NULL (as the loader stores it).</summary>
    private static object NewKey(VaultEntity entity, IReadOnlyList<object?> values, DataType columnType, object zero)
    {
        var hash = ModelHashing.HashKey(entity, values, out var allNull);
        return allNull || hash is null ? zero : StoreKey(hash, columnType);
    }

    private static object StoreKey(object hash, DataType columnType) =>
        hash is byte[] bytes && columnType.Kind == DataTypeKind.Guid ? new Guid(bytes, bigEndian: true) : hash;

    private static int IndexOf(IReadOnlyList<TableColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No column {name}.");
    }

    private static string Display(object? value) => value switch
    {
        null or DBNull => "NULL",
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

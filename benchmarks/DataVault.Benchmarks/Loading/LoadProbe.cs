using System.Data.Common;
using System.Diagnostics;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using Microsoft.Extensions.Logging;

namespace DataVault.Benchmarks.Loading;

/// <summary>
/// Watches one <see cref="VaultLoader.LoadAsync"/> without changing it: the progress reports mark the phases (taken
/// synchronously, unlike <see cref="Progress{T}"/>), the Debug log event 4004 gives each merge statement's time, and a
/// staging writer factory that wraps the real writer times every staging write. From these it splits the load's time
/// into read/parse/hash, staging writes, checks, each merge statement, and commit.
/// </summary>
internal sealed class LoadProbe : IProgress<LoadProgress>, ILogger, IStagingWriterFactory
{
    private readonly IStagingWriterFactory? _inner;
    private readonly Dictionary<LoadPhase, long> _phaseStarts = [];
    private readonly List<(string Table, long Inserted, long Staged, long ElapsedMs)> _merges = [];
    private readonly List<string> _events = [];
    private long _start;
    private long _end;
    private long _stagingTicks;
    private long _stagingRows;
    private long _stagingCalls;

    /// <summary>Creates a probe.</summary>
    /// <param name="inner">The provider's staging writer factory, or <see langword="null"/> for the loader's default (<see cref="CommandStagingWriter"/>).</param>
    public LoadProbe(IStagingWriterFactory? inner) => _inner = inner;

    /// <summary>The staging writer the loader used (type name).</summary>
    public string? WriterName { get; private set; }

    /// <summary>Every log event, timed from the start, for <c>--verbose</c>.</summary>
    public IReadOnlyList<string> Events => _events;

    /// <summary>The time between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start, _end);

    /// <summary>Marks the start of the timed load.</summary>
    public void Start() => _start = Stopwatch.GetTimestamp();

    /// <summary>Marks its end.</summary>
    public void Stop() => _end = Stopwatch.GetTimestamp();

    /// <summary>The load's time, split by phase and statement.</summary>
    public List<PhaseTime> Phases()
    {
        double S(long ticks) => Math.Round(ticks / (double)Stopwatch.Frequency, 3);
        long At(LoadPhase phase, long fallback) => _phaseStarts.TryGetValue(phase, out var t) ? t : fallback;
        var preparing = At(LoadPhase.Preparing, _start);
        var reading = At(LoadPhase.Reading, preparing);
        var checking = At(LoadPhase.Checking, reading);
        var merging = At(LoadPhase.Merging, checking);
        var committing = At(LoadPhase.Committing, merging);
        var done = At(LoadPhase.Done, _end);
        var mergeMs = _merges.Sum(m => m.ElapsedMs);
        var phases = new List<PhaseTime>
        {
            new("open, batch log row", S(preparing - _start)),
            new("plan, create staging tables, BEGIN", S(reading - preparing)),
            new("read CSV, parse, hash, dedupe in memory", S(checking - reading - _stagingTicks)),
            new("staging writes", S(_stagingTicks), $"{_stagingRows:N0} rows in {_stagingCalls:N0} writes ({WriterName})"),
            new("checks (satellite conflicts, late data)", S(merging - checking)),
        };
        foreach (var (table, inserted, staged, elapsedMs) in _merges)
        {
            phases.Add(new($"merge {table}", elapsedMs / 1000.0, $"{inserted:N0} inserted of {staged:N0} staged"));
        }

        phases.Add(new("merge: ghost records, rest", Math.Max(0, S(committing - merging) - mergeMs / 1000.0)));
        phases.Add(new("COMMIT, drop staging tables, batch log", S(done - committing)));
        if (_end > done)
        {
            phases.Add(new("after the last progress report", S(_end - done)));
        }

        return phases;
    }

    // ---- IProgress ---------------------------------------------------------------------------------------------

    public void Report(LoadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _phaseStarts.TryAdd(value.Phase, Stopwatch.GetTimestamp());
    }

    // ---- ILogger -----------------------------------------------------------------------------------------------

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var at = _start == 0 ? "   setup" : ((Stopwatch.GetTimestamp() - _start) / (double)Stopwatch.Frequency).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture).PadLeft(8);
        _events.Add($"{at} s  [{eventId.Id}] {formatter(state, exception)}");
        if (eventId.Id == 4004 && state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            object? Get(string name) => values.FirstOrDefault(v => v.Key == name).Value;
            _merges.Add((Convert.ToString(Get("Table"), System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                Convert.ToInt64(Get("Inserted"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(Get("Staged"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(Get("ElapsedMs"), System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    // ---- IStagingWriterFactory ---------------------------------------------------------------------------------

    public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        var writer = _inner?.TryCreate(connection, transaction, dialect) ?? new CommandStagingWriter(connection, transaction, dialect);
        WriterName = writer.GetType().Name;
        return new TimedWriter(this, writer);
    }

    private sealed class TimedWriter(LoadProbe probe, IStagingWriter inner) : IStagingWriter
    {
        public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await inner.WriteAsync(table, rows, cancellationToken);
            probe._stagingTicks += Stopwatch.GetTimestamp() - started;
            probe._stagingRows += rows.Count;
            probe._stagingCalls++;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

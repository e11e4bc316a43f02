using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DataVault.Core.Execution;

namespace DataVault.Core.Loading.Bookkeeping;

/// <summary>
/// Engines without sessions to ask (SQLite, DuckDB, other dialects): a batch records its process —
/// <c>machine/pid/process token/run</c> — and this process keeps the runs it has going. A recorded session is dead when
/// it is a run of this process that is not going any more, a process of this machine that no longer exists (or a
/// process before this one with the same pid), or — on DuckDB, whose file one process at a time opens for writing — any
/// other process. Entries of another machine are never marked: this process cannot see them.
/// </summary>
/// <remarks>
/// SQLite's write lock cannot tell it: the <c>running</c> entry is committed before the batch's transaction begins, so a
/// live loader does not hold the lock between writing its entry and beginning its transaction, nor between its commit
/// and completing the entry.
/// </remarks>
internal sealed class ProcessBatchSessions(bool otherProcessesMayWrite) : BatchSessions
{
    private static readonly string Machine = Environment.MachineName.Replace('/', '_');
    private static readonly string ProcessToken = Guid.NewGuid().ToString("N")[..12];
    private static readonly ConcurrentDictionary<string, byte> Running = new(StringComparer.Ordinal);
    private static long _runs;

    /// <inheritdoc />
    public override string? DeadSessionCondition => null;

    /// <inheritdoc />
    public override Task<string?> BeginAsync(VaultSession session, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{(Machine.Length > 40 ? Machine[..40] : Machine)}/{Environment.ProcessId}/{ProcessToken}/{Interlocked.Increment(ref _runs)}");
        Running[id] = 0;
        return Task.FromResult<string?>(id);
    }

    /// <inheritdoc />
    public override Task EndAsync(VaultSession session, string sessionId)
    {
        Running.TryRemove(sessionId, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override bool IsDead(string sessionId)
    {
        var parts = sessionId.Split('/');
        if (parts.Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ||
            !string.Equals(parts[0], Machine.Length > 40 ? Machine[..40] : Machine, StringComparison.Ordinal))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return !string.Equals(parts[2], ProcessToken, StringComparison.Ordinal) || !Running.ContainsKey(sessionId);
        }

        return !otherProcessesMayWrite || !ProcessExists(pid);
    }

    /// <inheritdoc />
    public override string Describe(string sessionId)
    {
        var parts = sessionId.Split('/');
        return parts.Length == 4 ? $"process {parts[1]} on {parts[0]}" : sessionId;
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

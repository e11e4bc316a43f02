using System.Diagnostics;
using DataVault.Core.Execution;
using DataVault.Core.Loading.Bookkeeping;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The process sessions of engines without their own (SQLite, DuckDB): which recorded sessions are certainly dead.</summary>
public sealed class ProcessBatchSessionsTests
{
    private static readonly VaultSession Session = new(new SqliteConnection("Data Source=:memory:"), SqlDialects.Sqlite);

    [Fact]
    public async Task A_run_of_this_process_is_alive_until_it_ends()
    {
        var sessions = new ProcessBatchSessions(otherProcessesMayWrite: true);
        var id = (await sessions.BeginAsync(Session, CancellationToken.None))!;

        id.Should().StartWith($"{Environment.MachineName.Replace('/', '_')}/{Environment.ProcessId}/");
        sessions.IsDead(id).Should().BeFalse();
        sessions.Describe(id).Should().Be($"process {Environment.ProcessId} on {id.Split('/')[0]}");
        await sessions.EndAsync(Session, id);
        sessions.IsDead(id).Should().BeTrue("the run ended, so an entry still running with its id was left behind");
    }

    [Fact]
    public async Task Another_process_is_dead_when_it_no_longer_exists_and_on_DuckDB_whenever_it_is_not_this_one()
    {
        var any = new ProcessBatchSessions(otherProcessesMayWrite: true);
        var duckDb = new ProcessBatchSessions(otherProcessesMayWrite: false);
        var machine = (await any.BeginAsync(Session, CancellationToken.None))!.Split('/')[0];

        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var living = $"{machine}/{child.Id}/0123456789ab/1";
        any.IsDead(living).Should().BeFalse("the process exists");
        duckDb.IsDead(living).Should().BeTrue("another process cannot be writing the DuckDB file this one has open");
        child.Kill();
        await child.WaitForExitAsync();
        any.IsDead(living).Should().BeTrue("the process is gone");

        any.IsDead($"{machine}/{Environment.ProcessId}/0123456789ab/1").Should().BeTrue("an earlier process with this pid");
        any.IsDead($"another-machine/{child.Id}/0123456789ab/1").Should().BeFalse("a process of another machine cannot be seen");
        any.IsDead("4242").Should().BeFalse("not a process session");
    }
}

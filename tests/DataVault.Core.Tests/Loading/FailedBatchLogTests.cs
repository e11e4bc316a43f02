using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>A failed batch is logged at error level with its message and causes, and its stack trace only at debug level.</summary>
public sealed class FailedBatchLogTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-faillog-{Guid.NewGuid():N}.db");

    private static DataVaultModel Model() => new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)))
        .Build();

    [Fact]
    public async Task A_failed_batch_logs_its_message_and_causes_at_error_level_and_the_stack_trace_at_debug_level_only()
    {
        var logs = new CapturingLogger();
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        var loader = new VaultLoader(connection, SqlDialects.Sqlite, Model(), logger: logs);
        await loader.EnsureVaultAsync();

        var load = () => loader.LoadAsync(new LoadBatch("broken", "test").AddObjects("rows", Rows()));
        var thrown = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;

        thrown.Message.Should().Be(LoadMessages.BatchFailed("broken", "the source broke"));
        thrown.Message.Should().NotContain("connection", "an I/O error of a source is not a lost connection");
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        errors.Should().ContainSingle().Which.Should().Match<LogEntry>(e =>
            e.EventId == 4006 && e.Exception == null &&
            e.Message.Contains("Batch broken (id 1) failed and was rolled back: " + thrown.Message) &&
            e.Message.Contains("causes: InvalidOperationException: the source broke <- IOException: the disk is gone"));
        errors[0].Message.Should().NotContain(" at ", "no stack frame at error level");
        var trace = logs.Entries.Should().ContainSingle(e => e.EventId == 4040).Which;
        trace.Level.Should().Be(LogLevel.Debug);
        trace.Exception.Should().BeOfType<InvalidOperationException>().Which.StackTrace.Should().NotBeNullOrEmpty();
        logs.Entries.Where(e => e.Exception is not null).Should().OnlyContain(e => e.Level == LogLevel.Debug, "only the debug event carries the exception and its trace");
    }

    [Fact]
    public async Task Without_debug_logging_no_stack_trace_is_written_at_all()
    {
        var logs = new CapturingLogger { MinimumLevel = LogLevel.Information };
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        var loader = new VaultLoader(connection, SqlDialects.Sqlite, Model(), logger: logs);
        await loader.EnsureVaultAsync();

        var load = () => loader.LoadAsync(new LoadBatch("broken", "test").AddObjects("rows", Rows()));
        await load.Should().ThrowAsync<DataVaultLoadException>();

        logs.Entries.Should().Contain(e => e.EventId == 4006);
        logs.Entries.Should().NotContain(e => e.Exception != null);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private static IEnumerable<CustomerRow> Rows()
    {
        yield return new CustomerRow("C1", "Ann");
        throw new InvalidOperationException("the source broke", new IOException("the disk is gone"));
    }

    public sealed record CustomerRow(string CustomerId, string Name);
}

using DataVault.Core.Execution;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Merging;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The batch's transaction and merge lock release in the right order, on a real in-process SQLite database.</summary>
public sealed class MergeLockTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await new VaultSession(_connection, SqlDialects.Sqlite).ExecuteAllAsync(
            [SqlStatement.Of("CREATE TABLE vault_rows (a INTEGER)"), SqlStatement.Of("CREATE TABLE lock_log (event TEXT, rows_seen INTEGER)")]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task The_lock_is_released_only_after_a_failed_batch_was_rolled_back()
    {
        var session = new VaultSession(_connection, new LoggingLockDialect());
        await using (var transaction = await BatchTransaction.BeginAsync(session, CancellationToken.None))
        {
            await session.ExecuteAsync(SqlStatement.Of("INSERT INTO vault_rows VALUES (1)"), transaction.Transaction);
            await using var mergeLock = await MergeLock.AcquireAsync(session, transaction, LoadOptions.Default, "b1", CancellationToken.None);
            mergeLock.Held.Should().BeTrue();

            // The batch fails here: no commit.
        }

        var log = await session.QueryAsync(SqlStatement.Of("SELECT event, rows_seen FROM lock_log"));
        log.Rows.Should().ContainSingle().Which.Should().Equal("released", 0L);
        (await session.ScalarAsync(SqlStatement.Of("SELECT COUNT(*) FROM vault_rows"))).Should().Be(0L, "the transaction was rolled back");
    }

    [Fact]
    public async Task A_committed_batch_keeps_its_rows_and_releases_the_lock()
    {
        var session = new VaultSession(_connection, new LoggingLockDialect());
        await using (var transaction = await BatchTransaction.BeginAsync(session, CancellationToken.None))
        {
            await session.ExecuteAsync(SqlStatement.Of("INSERT INTO vault_rows VALUES (1)"), transaction.Transaction);
            await using var mergeLock = await MergeLock.AcquireAsync(session, transaction, LoadOptions.Default, "b1", CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        (await session.QueryAsync(SqlStatement.Of("SELECT event, rows_seen FROM lock_log"))).Rows.Should().ContainSingle().Which.Should().Equal("released", 1L);
        (await session.ScalarAsync(SqlStatement.Of("SELECT COUNT(*) FROM vault_rows"))).Should().Be(1L);
    }

    [Fact]
    public async Task No_lock_is_taken_where_merges_are_not_serialised_or_the_engine_has_none()
    {
        var logging = new VaultSession(_connection, new LoggingLockDialect());
        var sqlite = new VaultSession(_connection, SqlDialects.Sqlite);
        await using var transaction = await BatchTransaction.BeginAsync(sqlite, CancellationToken.None);

        await using var off = await MergeLock.AcquireAsync(logging, transaction, LoadOptions.Default with { SerializeMerges = false }, "b1", CancellationToken.None);
        await using var none = await MergeLock.AcquireAsync(sqlite, transaction, LoadOptions.Default, "b1", CancellationToken.None);

        off.Held.Should().BeFalse();
        none.Held.Should().BeFalse();
    }

    [Fact]
    public async Task A_lock_not_acquired_in_time_fails_the_batch_with_the_loaders_message()
    {
        var session = new VaultSession(_connection, new LoggingLockDialect(acquired: 0));
        await using var transaction = await BatchTransaction.BeginAsync(session, CancellationToken.None);

        var acquire = () => MergeLock.AcquireAsync(session, transaction, LoadOptions.Default, "b1", CancellationToken.None);

        (await acquire.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be(LoadMessages.MergeLockTimeout("b1", LoadOptions.Default.MergeLockTimeout));
    }

    /// <summary>SQLite with a lock that records, when released, how many rows of the batch it still sees.</summary>
    private sealed class LoggingLockDialect(int acquired = 1)
        : SqlDialect("SQLite with a logging lock", new SqlQuoter { MaxIdentifierLength = 255, BindsByPlaceholder = true }, new SqliteTypeMap(), new SqlitePrimitives(), SqlDialects.Sqlite.Capabilities)
    {
        protected override SqlStatement? AcquireMergeLockCore(TimeSpan timeout) => SqlStatement.Of("SELECT " + acquired);

        protected override SqlStatement? ReleaseMergeLockCore() => SqlStatement.Of("INSERT INTO lock_log SELECT 'released', COUNT(*) FROM vault_rows");
    }
}

using DataVault.Core.Execution;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The one path from a statement to ADO.NET, on a real in-process SQLite database.</summary>
public sealed class VaultSessionTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await new VaultSession(_connection, SqlDialects.Sqlite).ExecuteAsync(SqlStatement.Of("CREATE TABLE t (a INTEGER, b TEXT)"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void A_command_names_its_parameters_as_the_dialect_binds_them_and_sends_null_as_DBNull()
    {
        var statement = new SqlStatement("INSERT INTO t (a, b) VALUES (@a, @b)", [new("a", 1L), new("b", null)]);

        using var sqlite = new VaultSession(_connection, SqlDialects.Sqlite).CreateCommand(statement);
        using var postgres = new VaultSession(_connection, SqlDialects.PostgreSql).CreateCommand(statement);

        sqlite.Parameters.Cast<SqliteParameter>().Select(p => p.ParameterName).Should().Equal("@a", "@b");
        postgres.Parameters.Cast<SqliteParameter>().Select(p => p.ParameterName).Should().Equal("a", "b");
        sqlite.Parameters[1].Value.Should().Be(DBNull.Value);
        sqlite.CommandText.Should().Be(statement.Text);
    }

    [Fact]
    public void A_command_takes_the_sessions_timeout_rounded_up_to_whole_seconds_and_its_transaction()
    {
        using var transaction = _connection.BeginTransaction();
        using var timed = new VaultSession(_connection, SqlDialects.Sqlite, TimeSpan.FromSeconds(90.2)).CreateCommand(SqlStatement.Of("SELECT 1"), transaction);
        using var untimed = new VaultSession(_connection, SqlDialects.Sqlite).CreateCommand(SqlStatement.Of("SELECT 1"));

        timed.CommandTimeout.Should().Be(91);
        timed.Transaction.Should().BeSameAs(transaction);
        untimed.CommandTimeout.Should().Be(new SqliteCommand().CommandTimeout, "no session timeout keeps the provider's default");
        SqlCommandFactory.TimeoutSeconds(TimeSpan.Zero).Should().Be(0, "zero is ADO.NET's 'no limit'");
        var negative = () => new VaultSession(_connection, SqlDialects.Sqlite, TimeSpan.FromSeconds(-1));
        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("commandTimeout");
    }

    [Fact]
    public async Task Statements_run_and_rows_come_back_as_values_with_null_for_NULL()
    {
        var session = new VaultSession(_connection, SqlDialects.Sqlite);
        var insert = SqlDialects.Sqlite.ParameterPlaceholder("a");

        (await session.ExecuteAsync(new SqlStatement($"INSERT INTO t (a, b) VALUES ({insert}, NULL)", [new("a", 1L)]))).Should().Be(1);
        await session.ExecuteAllAsync([SqlStatement.Of("INSERT INTO t (a, b) VALUES (2, 'x')"), SqlStatement.Of("INSERT INTO t (a, b) VALUES (3, 'y')")]);

        var all = await session.QueryAsync(SqlStatement.Of("SELECT a, b FROM t ORDER BY a"));
        all.Columns.Should().Equal("a", "b");
        all.Rows.Should().HaveCount(3);
        all.Rows[0].Should().Equal(1L, null);
        all.Rows[1].Should().Equal(2L, "x");
        (await session.QueryAsync(SqlStatement.Of("SELECT a FROM t ORDER BY a"), maxRows: 2)).Rows.Should().HaveCount(2);
        (await session.ScalarAsync(SqlStatement.Of("SELECT b FROM t WHERE a = 1"))).Should().BeNull("SQL NULL is null");
        (await session.ScalarAsync(SqlStatement.Of("SELECT COUNT(*) FROM t"))).Should().Be(3L);
    }

    [Fact]
    public async Task A_statement_in_a_transaction_is_rolled_back_with_it()
    {
        var session = new VaultSession(_connection, SqlDialects.Sqlite);
        await using (var transaction = await session.BeginTransactionAsync())
        {
            await session.ExecuteAsync(SqlStatement.Of("INSERT INTO t (a) VALUES (1)"), transaction);
            (await session.ScalarAsync(SqlStatement.Of("SELECT COUNT(*) FROM t"), transaction)).Should().Be(1L);
        }

        (await session.ScalarAsync(SqlStatement.Of("SELECT COUNT(*) FROM t"))).Should().Be(0L);
    }

    [Fact]
    public async Task A_cancelled_statement_does_not_run()
    {
        var session = new VaultSession(_connection, SqlDialects.Sqlite);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = () => session.ExecuteAsync(SqlStatement.Of("INSERT INTO t (a) VALUES (1)"), null, cancelled.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        (await session.ScalarAsync(SqlStatement.Of("SELECT COUNT(*) FROM t"))).Should().Be(0L);
    }

    [Fact]
    public void A_reused_command_binds_loader_values_through_the_dialect()
    {
        using var command = SqlCommandFactory.Create(_connection, SqlDialects.Sqlite, new SqlStatement("SELECT @d", [new("d", null)]));

        SqlCommandFactory.Bind(command.Parameters[0], SqlDialects.Sqlite, new DateOnly(2026, 1, 2), DataType.Date);

        command.Parameters[0].Value.Should().Be(SqlDialects.Sqlite.ToDbValue(new DateOnly(2026, 1, 2), DataType.Date)).And.BeOfType<string>("SQLite stores dates as ISO text");
    }
}

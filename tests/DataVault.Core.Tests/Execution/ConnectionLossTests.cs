using System.Data.Common;
using System.Net.Sockets;
using DataVault.Core.Execution;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Execution;

public sealed class ConnectionLossTests
{
    [Fact]
    public async Task A_database_error_over_an_io_or_socket_error_or_with_a_connection_sqlstate_is_a_lost_connection()
    {
        await using var open = new SqliteConnection("Data Source=:memory:");
        await open.OpenAsync();

        ConnectionLoss.IsLost(new FakeDbException("Exception while writing to stream", new IOException("Broken pipe")), open).Should().BeTrue();
        ConnectionLoss.IsLost(new InvalidOperationException("wrapped", new FakeDbException("Failed to read the result set.", new EndOfStreamException())), open).Should().BeTrue();
        ConnectionLoss.IsLost(new FakeDbException("reset", new SocketException(104)), open).Should().BeTrue();
        ConnectionLoss.IsLost(new FakeDbException("terminating connection due to administrator command", null, "57P01"), open).Should().BeTrue();
        ConnectionLoss.IsLost(new FakeDbException("connection failure", null, "08006"), open).Should().BeTrue();
    }

    [Fact]
    public async Task A_source_io_error_or_an_ordinary_database_error_on_an_open_connection_is_not()
    {
        await using var open = new SqliteConnection("Data Source=:memory:");
        await open.OpenAsync();

        ConnectionLoss.IsLost(new IOException("the disk is gone"), open).Should().BeFalse("no database error above it: the sources' I/O");
        ConnectionLoss.IsLost(new InvalidOperationException("source", new IOException("disk")), open).Should().BeFalse();
        ConnectionLoss.IsLost(new FakeDbException("duplicate key", null, "23505"), open).Should().BeFalse();
        ConnectionLoss.IsLost(new FakeDbException("deadlock detected", null, "40P01"), open).Should().BeFalse();
    }

    [Fact]
    public async Task Any_failure_on_a_connection_that_is_no_longer_open_is()
    {
        await using var closed = new SqliteConnection("Data Source=:memory:");
        ConnectionLoss.IsLost(new InvalidOperationException("anything"), closed).Should().BeTrue();
    }

    private sealed class FakeDbException(string message, Exception? inner, string? sqlState = null) : DbException(message, inner)
    {
        public override string? SqlState => sqlState;
    }
}

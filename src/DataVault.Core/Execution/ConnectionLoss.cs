using System.Data;
using System.Data.Common;
using System.Net.Sockets;

namespace DataVault.Core.Execution;

/// <summary>
/// Whether a failure means the connection to the database was lost — the server or the session ended, the network
/// failed — told without knowing the provider: the connection is no longer open, or the failure's cause chain holds a
/// <see cref="DbException"/> with an I/O or socket error beneath it (Npgsql's "Exception while writing to stream" wraps an
/// <see cref="IOException"/>, MySqlConnector's "Failed to read the result set" an <see cref="EndOfStreamException"/>),
/// or a <see cref="DbException"/> whose SQLSTATE is of class 08 (connection exception) or PostgreSQL's 57P01–57P03 (the
/// session or the server was shut down). An I/O error without a database error above it is the sources' (a file that
/// cannot be read), not the connection's.
/// </summary>
internal static class ConnectionLoss
{
    /// <summary>Whether <paramref name="exception"/>, raised by work on <paramref name="connection"/>, means the connection was lost.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="connection">The connection the failed work ran on.</param>
    /// <returns>Whether the connection was lost.</returns>
    public static bool IsLost(Exception exception, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State is not ConnectionState.Open)
        {
            return true;
        }

        var database = false;
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case IOException or SocketException when database:
                    return true;
                case DbException { SqlState: { } state } when state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03":
                    return true;
                case DbException:
                    database = true;
                    break;
            }
        }

        return false;
    }
}

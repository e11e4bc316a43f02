using System.Data.Common;
using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Bookkeeping;

/// <summary>
/// MariaDB: a batch records its connection id (<c>CONNECTION_ID()</c>) and holds the named lock
/// <c>datavault_batch:&lt;connection id&gt;</c> (<c>GET_LOCK</c>) from before its entry is written until after it is
/// completed; its session is dead when no one holds that lock (<c>IS_USED_LOCK</c> is NULL). Named locks are visible to
/// every user, unlike <c>information_schema.PROCESSLIST</c>, which shows other users' connections only with the PROCESS
/// privilege; a lock dies with its connection, so a killed loader's lock is free at once.
/// </summary>
internal sealed class MariaDbBatchSessions(SqlQuoter quoter) : BatchSessions
{
    private const string LockPrefix = "datavault_batch:";

    /// <inheritdoc />
    public override string? DeadSessionCondition =>
        $"IS_USED_LOCK(CONCAT({quoter.StringLiteral(LockPrefix)}, {quoter.QuoteIdentifier("session_id")})) IS NULL";

    /// <inheritdoc />
    public override async Task<string?> BeginAsync(VaultSession session, CancellationToken cancellationToken)
    {
        var acquired = await session.ScalarAsync(SqlStatement.Of($"SELECT GET_LOCK(CONCAT({quoter.StringLiteral(LockPrefix)}, CONNECTION_ID()), 0)"), null, cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(acquired ?? 0L, CultureInfo.InvariantCulture) != 1)
        {
            // Someone else holds this connection's name: the entry records no session and is never marked abandoned.
            return null;
        }

        return Convert.ToString(await session.ScalarAsync(SqlStatement.Of("SELECT CONNECTION_ID()"), null, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override async Task EndAsync(VaultSession session, string sessionId)
    {
        if (!session.IsOpen)
        {
            return;
        }

        try
        {
            // On a reopened connection the lock is gone already, and this releases nothing.
            await session.ScalarAsync(SqlStatement.Of($"SELECT RELEASE_LOCK(CONCAT({quoter.StringLiteral(LockPrefix)}, CONNECTION_ID()))"), null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // A named lock dies with its connection.
        }
    }

    /// <inheritdoc />
    public override bool IsDead(string sessionId) => true;

    /// <inheritdoc />
    public override string Describe(string sessionId) => "MariaDB connection " + sessionId;
}

using System.Data.Common;
using System.Globalization;
using DataVault.Core.Execution;

namespace DataVault.Core.Loading.Merging;

/// <summary>
/// The dialect's merge lock (<see cref="Sql.SqlDialect.AcquireMergeLock"/>), held from the checks to the end of the
/// batch's transaction, so that concurrent loaders check late data and compute end dates against each other's
/// committed rows. Disposing it first ends the transaction (a rollback unless it committed), then releases a lock that
/// outlives transactions (MariaDB's named lock); PostgreSQL's transaction lock goes with the transaction.
/// </summary>
internal sealed class MergeLock : IAsyncDisposable
{
    private readonly VaultSession? _session;
    private readonly BatchTransaction? _transaction;

    private MergeLock(VaultSession? session, BatchTransaction? transaction)
    {
        _session = session;
        _transaction = transaction;
    }

    /// <summary>Whether the lock is held (false where merges are not serialised or the engine serialises writers itself).</summary>
    public bool Held => _session is not null;

    /// <summary>Waits for the lock, inside the batch's transaction.</summary>
    /// <param name="session">The session.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="options">The options (<see cref="LoadOptions.SerializeMerges"/>, <see cref="LoadOptions.MergeLockTimeout"/>).</param>
    /// <param name="batch">The batch's name, for the error.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lock; dispose it after the transaction's last statement.</returns>
    /// <exception cref="DataVaultLoadException">Another loader held the lock for longer than the timeout.</exception>
    public static async Task<MergeLock> AcquireAsync(VaultSession session, BatchTransaction transaction, LoadOptions options, string batch, CancellationToken cancellationToken)
    {
        if (!options.SerializeMerges || session.Dialect.AcquireMergeLock(options.MergeLockTimeout) is not { } statement)
        {
            return new MergeLock(null, null);
        }

        var acquired = await session.ScalarAsync(statement, transaction.Transaction, cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(acquired ?? 0L, CultureInfo.InvariantCulture) != 1)
        {
            throw new DataVaultLoadException(LoadMessages.MergeLockTimeout(batch, options.MergeLockTimeout));
        }

        return new MergeLock(session, transaction);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_session is null || _transaction is null)
        {
            return;
        }

        // Never release before the transaction has ended: another loader would check against rows not yet committed.
        await _transaction.EndAsync().ConfigureAwait(false);
        if (_session.Dialect.ReleaseMergeLock() is not { } statement || !_session.IsOpen)
        {
            return;
        }

        try
        {
            await _session.ScalarAsync(statement, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // A named lock dies with its session.
        }
    }
}

using System.Data.Common;
using System.Globalization;
using DataVault.Core.Execution;

namespace DataVault.Core.Loading.Merging;

/// <summary>
/// The dialect's merge lock (<see cref="Sql.SqlDialect.AcquireMergeLock"/>), held from the checks (or, for a batch with
/// lookups, from before its staging) to the end of the batch's transaction, so that concurrent loaders check late data and compute end dates against each other's
/// committed rows. Disposing it first ends the transaction (a rollback unless it committed), then releases a lock that
/// outlives transactions (MariaDB's named lock); PostgreSQL's transaction lock goes with the transaction.
/// </summary>
internal sealed class MergeLock : IAsyncDisposable
{
    private readonly VaultSession _session;
    private readonly BatchTransaction _transaction;
    private readonly LoadOptions _options;
    private readonly string _batch;

    private MergeLock(VaultSession session, BatchTransaction transaction, LoadOptions options, string batch)
    {
        _session = session;
        _transaction = transaction;
        _options = options;
        _batch = batch;
    }

    /// <summary>Whether the lock is held (false until acquired, and where the engine serialises writers itself).</summary>
    public bool Held { get; private set; }

    /// <summary>Whether <see cref="AcquireAsync(bool, CancellationToken)"/> ran (the lock is held, or the engine has none to take).</summary>
    public bool Acquired { get; private set; }

    /// <summary>The batch's merge lock, not yet acquired.</summary>
    /// <param name="session">The session.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="options">The options (<see cref="LoadOptions.SerializeMerges"/>, <see cref="LoadOptions.MergeLockTimeout"/>).</param>
    /// <param name="batch">The batch's name, for the error.</param>
    /// <returns>The lock; dispose it after the transaction's last statement.</returns>
    public static MergeLock For(VaultSession session, BatchTransaction transaction, LoadOptions options, string batch) =>
        new(session, transaction, options, batch);

    /// <summary>Waits for the lock, inside the batch's transaction (<see cref="For"/>, then <see cref="AcquireAsync(bool, CancellationToken)"/>).</summary>
    /// <param name="session">The session.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="options">The options.</param>
    /// <param name="batch">The batch's name, for the error.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lock; dispose it after the transaction's last statement.</returns>
    public static async Task<MergeLock> AcquireAsync(VaultSession session, BatchTransaction transaction, LoadOptions options, string batch, CancellationToken cancellationToken)
    {
        var mergeLock = For(session, transaction, options, batch);
        await mergeLock.AcquireAsync(always: false, cancellationToken).ConfigureAwait(false);
        return mergeLock;
    }

    /// <summary>Waits for the lock, inside the batch's transaction; does nothing once it ran.</summary>
    /// <param name="always">Take it even when <see cref="LoadOptions.SerializeMerges"/> is off (a batch with lookups).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task.</returns>
    /// <exception cref="DataVaultLoadException">Another loader held the lock for longer than the timeout.</exception>
    public async Task AcquireAsync(bool always, CancellationToken cancellationToken)
    {
        if (Acquired)
        {
            return;
        }

        Acquired = true;
        if (!(always || _options.SerializeMerges) || _session.Dialect.AcquireMergeLock(_options.MergeLockTimeout) is not { } statement)
        {
            return;
        }

        var acquired = await _session.ScalarAsync(statement, _transaction.Transaction, cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(acquired ?? 0L, CultureInfo.InvariantCulture) != 1)
        {
            throw new DataVaultLoadException(LoadMessages.MergeLockTimeout(_batch, _options.MergeLockTimeout));
        }

        Held = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!Held)
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

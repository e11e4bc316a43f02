using System.Data.Common;
using DataVault.Core.Execution;

namespace DataVault.Core.Loading.Merging;

/// <summary>
/// The one transaction of a batch: staging writes, quarantine rows, checks and merges all run in it. It commits
/// explicitly; ended any other way (an error, a cancellation) it rolls back — quietly, because a lost connection has
/// rolled it back on the server already.
/// </summary>
internal sealed class BatchTransaction : IAsyncDisposable
{
    private bool _ended;

    private BatchTransaction(DbTransaction transaction) => Transaction = transaction;

    /// <summary>The ADO.NET transaction.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>Begins the batch's transaction.</summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The transaction.</returns>
    public static async Task<BatchTransaction> BeginAsync(VaultSession session, CancellationToken cancellationToken) =>
        new(await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Commits.</summary>
    /// <param name="cancellationToken">Cancels the commit (the transaction then rolls back).</param>
    /// <returns>A task.</returns>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _ended = true;
    }

    /// <summary>Rolls back unless it committed; does nothing the second time.</summary>
    /// <returns>A task.</returns>
    public async Task EndAsync()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        try
        {
            await Transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The connection is gone; the server rolls the transaction back itself.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await EndAsync().ConfigureAwait(false);
        await Transaction.DisposeAsync().ConfigureAwait(false);
    }
}

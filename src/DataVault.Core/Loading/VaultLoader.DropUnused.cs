using System.Globalization;
using DataVault.Core.Loading.Merging;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading;

/// <summary>Dropping a vault that no batch has been committed to, safely while other loaders run.</summary>
public sealed partial class VaultLoader
{
    /// <summary>
    /// Drops every table and view of the vault (as <see cref="DropVaultAsync"/>) only if the batch log records no batch
    /// that succeeded — e.g. to leave a database as it was after the first load into it failed. The check and the drop
    /// run under the merge lock, in one transaction where the engine's DDL is transactional, so a batch another loader
    /// commits at the same time is either seen (nothing is dropped) or fails loudly on the dropped tables; committed rows
    /// are never dropped.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> if the vault was dropped; <see langword="false"/> if a batch had succeeded or the batch log is off (<see cref="LoadOptions.BatchLogTable"/>), so nothing tells that the vault is unused.</returns>
    public async Task<bool> DropVaultIfNoBatchSucceededAsync(CancellationToken cancellationToken = default)
    {
        if (_batchLog is null)
        {
            return false;
        }

        await _session.OpenAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await BatchTransaction.BeginAsync(_session, cancellationToken).ConfigureAwait(false);
        await using var endTransaction = transaction.ConfigureAwait(false);
        var mergeLock = MergeLock.For(_session, transaction, _options, "drop-unused-vault");
        await using var releaseMergeLock = mergeLock.ConfigureAwait(false);
        await mergeLock.AcquireAsync(always: true, cancellationToken).ConfigureAwait(false);
        var succeeded = await _session.ScalarAsync(_statements.CountSucceededBatches(_batchLog.Table), transaction.Transaction, cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(succeeded ?? 0L, CultureInfo.InvariantCulture) > 0)
        {
            return false;
        }

        var statements = new List<SqlStatement>(Dialect.DropVault(_model)) { Dialect.DropTable(_quarantine.Table, _options.LoaderSchema), Dialect.DropTable(_batchLog.Table, _options.LoaderSchema) };
        await _session.ExecuteAllAsync(statements, transaction.Transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}

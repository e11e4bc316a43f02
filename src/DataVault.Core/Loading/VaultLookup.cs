using System.Data.Common;
using DataVault.Core.Execution;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading;

/// <summary>
/// What a batch's lookup (<see cref="LoadBatch.LookUp"/>) reads the vault through: the batch's own session and
/// transaction, after the merge lock. A value a batch derives from the vault (a price valid at the load, a mapping
/// table) read here is the value its merge sees, whatever other loaders do at the same time.
/// </summary>
public sealed class VaultLookup
{
    internal VaultLookup(VaultSession session, DbTransaction transaction, string batchName, DateTime loadDate)
    {
        Session = session;
        Transaction = transaction;
        BatchName = batchName;
        LoadDate = loadDate;
    }

    /// <summary>The batch's session (its connection and dialect).</summary>
    public VaultSession Session { get; }

    /// <summary>The batch's transaction: pass it to every statement of the lookup.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>The dialect, to quote identifiers and write placeholders and values.</summary>
    public SqlDialect Dialect => Session.Dialect;

    /// <summary>The batch's name.</summary>
    public string BatchName { get; }

    /// <summary>The batch's load timestamp (UTC, microseconds): every row's, unless its source gives each row its own (<see cref="SourceMapping.LoadDateFrom"/>).</summary>
    public DateTime LoadDate { get; }

    /// <summary>Runs a query inside the batch's transaction.</summary>
    /// <param name="statement">The query; every value a parameter.</param>
    /// <param name="cancellationToken">Cancels it (the batch then rolls back).</param>
    /// <returns>Its rows.</returns>
    public Task<SqlQueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default) =>
        Session.QueryAsync(statement, Transaction, null, cancellationToken);

    /// <summary>Runs a query of one value inside the batch's transaction.</summary>
    /// <param name="statement">The query; every value a parameter.</param>
    /// <param name="cancellationToken">Cancels it (the batch then rolls back).</param>
    /// <returns>The first column of the first row, or <see langword="null"/>.</returns>
    public Task<object?> ScalarAsync(SqlStatement statement, CancellationToken cancellationToken = default) =>
        Session.ScalarAsync(statement, Transaction, cancellationToken);
}

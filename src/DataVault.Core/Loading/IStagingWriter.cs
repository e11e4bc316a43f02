namespace DataVault.Core.Loading;

/// <summary>
/// Writes chunks of staged rows into staging tables on one connection, inside the batch's transaction. One writer
/// serves one batch and any number of staging tables; each <see cref="WriteAsync"/> call is complete when it returns
/// (a provider's bulk operation is opened and closed within the call, so calls for different tables may alternate).
/// </summary>
public interface IStagingWriter : IAsyncDisposable
{
    /// <summary>Appends rows to a staging table.</summary>
    /// <param name="table">The staging table.</param>
    /// <param name="rows">The rows: one value per column of <paramref name="table"/>, typed as <see cref="StagingColumn"/> describes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when every row is written.</returns>
    Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken);
}

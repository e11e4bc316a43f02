namespace DataVault.Core.Loading.Staging;

/// <summary>The open readers of a batch's sources, in the batch's order; disposing closes them all.</summary>
internal sealed class SourceReaders : IAsyncDisposable
{
    private readonly List<SourceReader> _readers = [];

    /// <summary>The readers opened so far.</summary>
    public IReadOnlyList<SourceReader> All => _readers;

    /// <summary>Opens a source and keeps its reader.</summary>
    /// <param name="source">The source.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The reader.</returns>
    public async Task<SourceReader> OpenAsync(LoadSource source, CancellationToken cancellationToken)
    {
        var reader = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        _readers.Add(reader);
        return reader;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var reader in _readers)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        _readers.Clear();
    }
}

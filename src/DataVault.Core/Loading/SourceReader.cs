namespace DataVault.Core.Loading;

/// <summary>
/// Reads the rows of one <see cref="LoadSource"/>, forward only. Values are either text (files), which the loader
/// parses into the model's types with the invariant culture, or CLR values (readers, objects), which it converts.
/// </summary>
public abstract class SourceReader : IAsyncDisposable
{
    /// <summary>The source's column names, in order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The line (files) or row number (other sources) of the current row, 1-based, as shown in errors.</summary>
    public abstract long Location { get; }

    /// <summary>Advances to the next row.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="false"/> at the end.</returns>
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The value of a column of the current row: <see langword="null"/> for NULL, a <see cref="string"/> for text sources.</summary>
    /// <param name="ordinal">The column's position in <see cref="Columns"/>.</param>
    /// <returns>The value.</returns>
    public abstract object? GetValue(int ordinal);

    /// <summary>A problem with the shape of the current row (e.g. a CSV row with a missing field), or <see langword="null"/>.</summary>
    public virtual string? RowProblem => null;

    /// <summary>The column <see cref="RowProblem"/> is about, or <see langword="null"/> if it is about the whole row.</summary>
    public virtual string? RowProblemColumn => null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the reader's resources.</summary>
    /// <returns>A task.</returns>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}

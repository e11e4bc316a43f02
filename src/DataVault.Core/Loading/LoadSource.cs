namespace DataVault.Core.Loading;

/// <summary>
/// One source of a batch — a CSV file, a data reader, a sequence of objects, or your own — with its
/// <see cref="SourceMapping"/> to the vault's tables.
/// </summary>
public abstract class LoadSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="name">The name shown in errors and logs, e.g. <c>transactions.csv</c>.</param>
    /// <param name="mapping">How its columns feed the vault, or <see langword="null"/> for by-name defaults.</param>
    protected LoadSource(string name, SourceMapping? mapping)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Mapping = mapping ?? new SourceMapping();
    }

    /// <summary>The name shown in errors and logs.</summary>
    public string Name { get; }

    /// <summary>How its columns feed the vault.</summary>
    public SourceMapping Mapping { get; }

    /// <summary>What a <see cref="SourceReader.Location"/> counts: <c>line</c> for files, <c>row</c> otherwise.</summary>
    public virtual string LocationName => "row";

    /// <summary>Whether the source yields text that the loader parses (files), rather than typed CLR values.</summary>
    public virtual bool IsText => false;

    /// <summary>Opens the source for one pass.</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>A reader positioned before the first row.</returns>
    public abstract ValueTask<SourceReader> OpenAsync(CancellationToken cancellationToken);
}

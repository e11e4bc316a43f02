namespace DataVault.Core.Rehashing;

/// <summary>How a rehash reads the vault.</summary>
public sealed record RehashOptions
{
    private readonly int _pageSize = 10_000;

    /// <summary>The defaults: pages of 10,000 rows.</summary>
    public static RehashOptions Default { get; } = new();

    /// <summary>
    /// How many stored rows a step reads, hashes and writes at a time (default 10,000): the memory a rehash holds is
    /// one page, whatever the size of the vault.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int PageSize
    {
        get => _pageSize;
        init => _pageSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A page holds at least one row.");
    }
}

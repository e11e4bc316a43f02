namespace DataVault.Core.Rehashing;

/// <summary>A hub, link or satellite of a rehash and the standards it moves between.</summary>
/// <param name="Path">The model path, e.g. <c>hub:customer</c>.</param>
/// <param name="Table">Its table.</param>
/// <param name="From">The id of the standard its keys or diffs are stored under now.</param>
/// <param name="To">The id of the standard they are stored under after the rehash.</param>
public sealed record RehashedEntity(string Path, string Table, string From, string To);

namespace DataVault.Core.Loading.Planning;

/// <summary>Why a source row cannot be loaded: the column (if one), its raw value, and the problem.</summary>
internal sealed record RowError(string? Column, object? Value, string Problem);

namespace DataVault.Core.Sql;

/// <summary>One parameter of a <see cref="SqlStatement"/>.</summary>
/// <param name="Name">The name, without the placeholder prefix (e.g. <c>load_date</c>).</param>
/// <param name="Value">The value; <see langword="null"/> is SQL NULL.</param>
public sealed record SqlParameterValue(string Name, object? Value);

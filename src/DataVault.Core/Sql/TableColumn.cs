namespace DataVault.Core.Sql;

/// <summary>A column of a table the dialects create: its name, typed SQL type and nullability.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The SQL type, with the portable type it stands for.</param>
/// <param name="NotNull">Whether the column is <c>NOT NULL</c>.</param>
public sealed record TableColumn(string Name, SqlType Type, bool NotNull);

namespace DataVault.Core.Sql;

/// <summary>Changing a table that exists: the statements of a migration.</summary>
public abstract partial class SqlDialect
{
    /// <summary><c>ALTER TABLE t ADD c type NULL</c>: adds a column (the form every engine here accepts).</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="schema">The table's schema, or <see langword="null"/> for the default schema.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">A name is not a safe identifier.</exception>
    public SqlStatement AddColumn(string table, TableColumn column, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        return SqlStatement.Of($"ALTER TABLE {Quoter.QuoteTable(schema, table)} ADD {Quoter.QuoteIdentifier(column.Name)} {column.Type.Text}{(column.NotNull ? " NOT NULL" : " NULL")}");
    }

    /// <summary><c>ALTER TABLE t DROP COLUMN c</c>: drops a column and its values.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="schema">The table's schema, or <see langword="null"/> for the default schema.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">A name is not a safe identifier.</exception>
    public SqlStatement DropColumn(string table, string column, string? schema = null) =>
        SqlStatement.Of($"ALTER TABLE {Quoter.QuoteTable(schema, table)} DROP COLUMN {Quoter.QuoteIdentifier(column)}");
}

namespace DataVault.Core.Sql;

/// <summary>Reading the live database's catalog: the columns a table has, for drift detection.</summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// The SQL expression of the schema in which the vault's unqualified tables live (default <c>current_schema()</c>;
    /// MariaDB <c>DATABASE()</c>, SQL Server <c>SCHEMA_NAME()</c>).
    /// </summary>
    protected virtual string CurrentSchemaExpression => "current_schema()";

    /// <summary>
    /// A query of the columns <paramref name="table"/> has in the database, in their order: one row per column with
    /// <c>column_name</c> (text) and <c>not_null</c> (1 when the column is NOT NULL, else 0). No rows when the table does
    /// not exist. The default reads <c>information_schema.columns</c> of <see cref="CurrentSchemaExpression"/>; the table
    /// name is a parameter.
    /// </summary>
    /// <param name="table">The table's name (validated as an identifier).</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The name is not a safe identifier.</exception>
    public SqlStatement ListColumns(string table)
    {
        _ = Quoter.QuoteIdentifier(table); // validates
        return ListColumnsCore(table);
    }

    /// <summary>The query of <see cref="ListColumns"/> for an already validated name; override where the engine has no <c>information_schema</c>.</summary>
    /// <param name="table">The table's name.</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement ListColumnsCore(string table) =>
        new(
            "SELECT column_name, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS not_null FROM information_schema.columns " +
            $"WHERE table_name = {ParameterPlaceholder("dv_table")} AND table_schema = {CurrentSchemaExpression} ORDER BY ordinal_position",
            [new("dv_table", table)]);
}

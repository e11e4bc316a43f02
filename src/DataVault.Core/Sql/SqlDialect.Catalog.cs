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
    /// The catalog's expression of a column's type in the default query (<c>information_schema.columns</c>), or
    /// <c>NULL</c> where the types are not compared (the default; MariaDB <c>column_type</c>, DuckDB <c>data_type</c>).
    /// </summary>
    protected virtual string CatalogTypeExpression => "NULL";

    /// <summary>
    /// A query of the columns <paramref name="table"/> has in the database, in their order: one row per column with
    /// <c>column_name</c> (text), <c>not_null</c> (1 when the column is NOT NULL, else 0), <c>column_type</c> (the
    /// type as the engine reports it, or NULL where types are not compared) and <c>pk_position</c> (the column's place in
    /// the primary key from 1, or 0/NULL when it is not in it). No rows when the table does not exist. The default reads
    /// <c>information_schema.columns</c> of <see cref="CurrentSchemaExpression"/> and the primary key from
    /// <c>information_schema.table_constraints</c> and <c>key_column_usage</c>; the table name is a parameter.
    /// </summary>
    /// <param name="table">The table's name (validated as an identifier).</param>
    /// <param name="schema">Its schema (validated; a parameter of the query), or <see langword="null"/> for the connection's current schema.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The name or the schema is not a safe identifier.</exception>
    public SqlStatement ListColumns(string table, string? schema = null)
    {
        _ = Quoter.QuoteTable(schema, table); // validates
        RefuseSchemaWithout(schema);
        var statement = ListColumnsCore(table, schema);
        return schema is null ? statement : statement with { Parameters = [.. statement.Parameters, new SqlParameterValue("dv_schema", schema)] };
    }

    /// <summary>
    /// A query of a table's secondary indexes (not its primary key), for drift: one row per indexed column, with
    /// <c>index_name</c>, <c>column_name</c> and <c>position</c> (from 1), ordered by index and position. The table
    /// and schema names are parameters.
    /// </summary>
    /// <param name="table">The table's name (validated as an identifier).</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for the connection's current schema.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">The engine creates no secondary indexes (<see cref="DialectCapabilities.SecondaryIndexes"/>).</exception>
    public SqlStatement ListIndexes(string table, string? schema = null)
    {
        _ = Quoter.QuoteTable(schema, table); // validates
        if (!Capabilities.SecondaryIndexes)
        {
            throw Unsupported("listing secondary indexes", "the vault has none on this engine (DialectCapabilities.SecondaryIndexes).");
        }

        RefuseSchemaWithout(schema);
        var statement = ListIndexesCore(table, schema);
        return schema is null ? statement : statement with { Parameters = [.. statement.Parameters, new SqlParameterValue("dv_schema", schema)] };
    }

    /// <summary>The query of <see cref="ListIndexes"/> (default: <c>information_schema.statistics</c>, as MariaDB/MySQL have it).</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema; compare with <see cref="CatalogSchema"/>.</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement ListIndexesCore(string table, string? schema) => new(
        "SELECT s.index_name, s.column_name, s.seq_in_index AS position FROM information_schema.statistics s " +
        $"WHERE s.table_name = {ParameterPlaceholder("dv_table")} AND s.table_schema = {CatalogSchema(schema)} AND s.index_name <> 'PRIMARY' ORDER BY s.index_name, s.seq_in_index",
        [new("dv_table", table)]);

    /// <summary>
    /// A query of a table's foreign keys, for drift: one row per column, with <c>column_name</c>,
    /// <c>referenced_table</c> and <c>referenced_column</c>. The table and schema names are parameters.
    /// </summary>
    /// <param name="table">The table's name (validated as an identifier).</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for the connection's current schema.</param>
    /// <returns>The statement.</returns>
    public SqlStatement ListForeignKeys(string table, string? schema = null)
    {
        _ = Quoter.QuoteTable(schema, table); // validates
        RefuseSchemaWithout(schema);
        var statement = ListForeignKeysCore(table, schema);
        return schema is null ? statement : statement with { Parameters = [.. statement.Parameters, new SqlParameterValue("dv_schema", schema)] };
    }

    /// <summary>
    /// The query of <see cref="ListForeignKeys"/> (default: <c>information_schema.key_column_usage</c> with
    /// <c>referenced_table_name</c>, as MariaDB/MySQL have it).
    /// </summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema; compare with <see cref="CatalogSchema"/>.</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement ListForeignKeysCore(string table, string? schema) => new(
        "SELECT k.column_name, k.referenced_table_name AS referenced_table, k.referenced_column_name AS referenced_column FROM information_schema.key_column_usage k " +
        $"WHERE k.table_name = {ParameterPlaceholder("dv_table")} AND k.table_schema = {CatalogSchema(schema)} AND k.referenced_table_name IS NOT NULL ORDER BY k.column_name",
        [new("dv_table", table)]);

    private void RefuseSchemaWithout(string? schema)
    {
        if (schema is not null && !Capabilities.Schemas)
        {
            throw Unsupported("database schemas", "the engine has none; declare no schemas (DataVaultModelBuilder.UseSchemas).");
        }
    }

    /// <summary>The schema a catalog query reads: the current one, or the <c>dv_schema</c> parameter when a schema is given.</summary>
    /// <param name="schema">The schema, or <see langword="null"/>.</param>
    /// <returns>An SQL expression.</returns>
    protected string CatalogSchema(string? schema) => schema is null ? CurrentSchemaExpression : ParameterPlaceholder("dv_schema");

    /// <summary>The query of <see cref="ListColumns"/> for an already validated name; override where the engine has no <c>information_schema</c>.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema; when not <see langword="null"/>, the query compares with <see cref="CatalogSchema"/> and <see cref="ListColumns"/> binds <c>dv_schema</c>.</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement ListColumnsCore(string table, string? schema) =>
        new(
            $"SELECT c.column_name, CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END AS not_null, {CatalogTypeExpression} AS column_type, " +
            "(SELECT MIN(k.ordinal_position) FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k " +
            "ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema AND k.table_name = t.table_name " +
            "WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema AND t.table_name = c.table_name AND k.column_name = c.column_name) AS pk_position " +
            $"FROM information_schema.columns c WHERE c.table_name = {ParameterPlaceholder("dv_table")} AND c.table_schema = {CatalogSchema(schema)} ORDER BY c.ordinal_position",
            [new("dv_table", table)]);

    /// <summary>
    /// Whether a column's type as the catalog reports it (<see cref="ListColumns"/>) is the type the model's DDL writes:
    /// both sides normalised (<see cref="NormalizeTypeName"/>), then compared.
    /// </summary>
    /// <param name="declared">The type text the dialect writes in DDL (<see cref="SqlType.Text"/>).</param>
    /// <param name="reported">The type text the catalog reports.</param>
    /// <returns>Whether they are the same type.</returns>
    public bool SameColumnType(string declared, string reported)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(reported);
        return string.Equals(NormalizeTypeName(declared), NormalizeTypeName(reported), StringComparison.Ordinal);
    }

    /// <summary>
    /// A type's text in a form both the DDL's text and the catalog's report share (default: lower case, single spaces,
    /// no space before a parenthesis); a dialect maps its engine's synonyms (e.g. PostgreSQL's <c>character varying</c>).
    /// </summary>
    /// <param name="typeText">A type's text.</param>
    /// <returns>The normalised text.</returns>
    protected virtual string NormalizeTypeName(string typeText)
    {
        ArgumentNullException.ThrowIfNull(typeText);
        var text = string.Join(' ', typeText.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Replace(" (", "(", StringComparison.Ordinal).Replace(", ", ",", StringComparison.Ordinal);
    }
}

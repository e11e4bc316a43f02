using DataVault.Core.Hashing;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// DuckDB 1.1+ (tested on 1.5 through DuckDB.NET), in process. Parameters are named <c>$name</c>; hashing uses the
/// built-in <c>md5</c>, <c>sha1</c> and <c>sha256</c>; canonical dates and times are written with <c>strftime</c>,
/// which no session setting (time zone, calendar) changes.
/// </summary>
/// <remarks>
/// DuckDB's <c>upper</c> maps <c>ß</c> to <c>ẞ</c> (U+1E9E), which the simple Unicode mapping of the hashing standard
/// does not: the dialect upper-cases the text between the <c>ß</c>s instead, so every other character gets DuckDB's
/// own mapping (equal to the standard's for every other code point). Tables get their primary keys (DuckDB's ART
/// indexes, which <c>ON CONFLICT</c> and foreign keys need) but no secondary indexes: DuckDB's loads join by hashing,
/// and every ART index slows inserts down.
/// </remarks>
public sealed class DuckDbDialect : SqlDialect
{
    /// <summary>Creates the dialect.</summary>
    public DuckDbDialect()
        : base(
            "DuckDB",
            // $name, which DuckDB.NET binds by ParameterName.
            new SqlQuoter { PlaceholderPrefix = "$" },
            new DuckDbTypeMap(),
            new DuckDbPrimitives(),
            new DialectCapabilities
            {
                MinimumVersion = "1.1",
                TemporaryTableSchema = "temp.main",
                CrossSchemaForeignKeys = false,
                SecondaryIndexes = false,
                // DuckDB decorrelates the MAX(load_date) lookups of a PIT build into one hash aggregate, which measured
                // about twice as fast as the LEAD window join (docs/business-vault.md).
                PitVersionWindows = false,
                InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 },
                UnicodeUpper = true,
                // ON CONFLICT skips keys committed before the statement; two open transactions inserting the same new key
                // make the second COMMIT fail with a constraint violation (optimistic concurrency) instead of skipping it.
                ConflictSafeInsert = false,
            })
    {
    }

    /// <summary><c>from_hex('00ff…')</c>: a <c>BLOB</c>.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The literal.</returns>
    protected override string BinaryLiteral(byte[] value) => $"from_hex('{Convert.ToHexString(value)}')";

    /// <summary><c>duckdb_constraints()</c> of type <c>FOREIGN KEY</c>, its column lists unnested side by side.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for <c>current_schema()</c>.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListForeignKeysCore(string table, string? schema) => new(
        "SELECT unnest(k.constraint_column_names) AS column_name, k.referenced_table, unnest(k.referenced_column_names) AS referenced_column FROM duckdb_constraints() k " +
        $"WHERE k.constraint_type = 'FOREIGN KEY' AND k.table_name = {ParameterPlaceholder("dv_table")} AND k.schema_name = {CatalogSchema(schema)} ORDER BY 1",
        [new("dv_table", table)]);

    /// <summary><c>data_type</c>: e.g. <c>VARCHAR</c>, <c>DECIMAL(10,2)</c>, <c>TIMESTAMP</c>.</summary>
    protected override string CatalogTypeExpression => "c.data_type";

    /// <summary>DuckDB keeps no length for text: <c>VARCHAR(n)</c> and <c>CHAR(n)</c> are <c>VARCHAR</c>.</summary>
    /// <param name="typeText">A type's text.</param>
    /// <returns>The normalised text.</returns>
    protected override string NormalizeTypeName(string typeText)
    {
        var text = base.NormalizeTypeName(typeText);
        return text.StartsWith("varchar(", StringComparison.Ordinal) || text.StartsWith("char(", StringComparison.Ordinal) || text == "char" ? "varchar" : text;
    }
}

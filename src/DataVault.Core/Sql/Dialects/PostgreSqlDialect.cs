using System.Text.RegularExpressions;
using DataVault.Core.Hashing;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// PostgreSQL 13+ (tested on 15). Hashes are computed over <c>convert_to(text, 'UTF8')</c>, so they do not depend on
/// the database encoding (a UTF8 database is still needed to store every character); <c>UPPER</c> runs under an
/// explicit collation (<see cref="UpperCollation"/>, default <c>C.utf8</c>), so it does not depend on the database's
/// ctype either. Concurrent loaders serialise their merges with a transaction-scoped advisory lock.
/// </summary>
public sealed partial class PostgreSqlDialect : SqlDialect
{
    /// <summary>The collation <c>upper()</c> uses when none is set: glibc's <c>C.utf8</c>.</summary>
    public const string DefaultUpperCollation = "C.utf8";

    /// <summary>The key of the transaction-scoped advisory lock that serialises merges of concurrent loaders in one database.</summary>
    public const long MergeLockKey = 0x4456_4D45_5247_45L;

    private readonly string? _upperCollation = DefaultUpperCollation;

    /// <summary>Creates the dialect.</summary>
    public PostgreSqlDialect()
        : base(
            "PostgreSQL",
            new PostgreSqlQuoter { MaxIdentifierLength = 63 },
            new PostgreSqlTypeMap(),
            new PostgreSqlPrimitives(),
            new DialectCapabilities
            {
                MinimumVersion = "13",
                TemporaryTableSchema = "pg_temp",
                InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha256 },
                UnicodeUpper = true,
            })
    {
    }

    /// <summary>
    /// The collation of <c>upper()</c> in hashes, or <see langword="null"/> for the database's default. The default,
    /// <c>C.utf8</c> (libc, imported by <c>initdb</c> on glibc 2.35+ systems such as Debian 12 and Ubuntu 22.04),
    /// applies Unicode's simple upper-case mapping to every character — exactly what the C# engine does — whatever
    /// the database's own ctype (<c>C</c> upper-cases ASCII only; Turkish locales map <c>i</c> to <c>İ</c>). Where
    /// the server has no such collation the hash queries fail with "collation does not exist"; set another libc
    /// UTF-8 collation then (ICU collations apply the full mapping, <c>ß</c> → <c>SS</c>, and do not match).
    /// </summary>
    /// <exception cref="ArgumentException">The name has characters outside letters, digits, <c>_ . @ -</c>.</exception>
    public string? UpperCollation
    {
        get => _upperCollation;
        init
        {
            if (value is not null && !CollationPattern().IsMatch(value))
            {
                throw new ArgumentException($"'{value}' is not a collation name this dialect writes: use letters, digits, '_', '.', '@' and '-'.", nameof(value));
            }

            _upperCollation = value;
        }
    }

    /// <summary><c>SELECT 1 FROM pg_advisory_xact_lock(@key)</c>: held until the batch's transaction ends; waits as long as <c>lock_timeout</c> allows.</summary>
    /// <param name="timeout">Not used: PostgreSQL's <c>lock_timeout</c> setting applies.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement? AcquireMergeLockCore(TimeSpan timeout) =>
        new($"SELECT 1 FROM pg_advisory_xact_lock({ParameterPlaceholder("dv_lock_key")})", [new("dv_lock_key", MergeLockKey)]);

    /// <summary><c>ANALYZE</c> of a filled staging table: without statistics the planner assumes a large table and may scan the satellite instead of probing its key.</summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement? AnalyzeStagingCore(StagingTable staging) => SqlStatement.Of($"ANALYZE {StagingTableReference(staging)}");

    /// <summary><c>pg_constraint</c> of type <c>f</c>: each column of a foreign key with the referenced table and column.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for <c>current_schema()</c>.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListForeignKeysCore(string table, string? schema) =>
        new(
            "SELECT a.attname AS column_name, rc.relname AS referenced_table, ra.attname AS referenced_column " +
            "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class rc ON rc.oid = k.confrelid " +
            "CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(col, rcol) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.col JOIN pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = u.rcol " +
            $"WHERE k.contype = 'f' AND c.relname = {ParameterPlaceholder("dv_table")} AND n.nspname = {CatalogSchema(schema)} ORDER BY a.attname",
            [new("dv_table", table)]);

    /// <summary><c>pg_index</c> of the table, without its primary key: each index's columns in <c>indkey</c> order.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for <c>current_schema()</c>.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListIndexesCore(string table, string? schema) =>
        new(
            "SELECT ic.relname AS index_name, a.attname AS column_name, k.n AS position " +
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class ic ON ic.oid = i.indexrelid " +
            "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum " +
            $"WHERE c.relname = {ParameterPlaceholder("dv_table")} AND n.nspname = {CatalogSchema(schema)} AND NOT i.indisprimary ORDER BY ic.relname, k.n",
            [new("dv_table", table)]);

    /// <summary>
    /// <c>pg_attribute</c> of the table in <c>current_schema()</c>, with <c>format_type</c> for the type (e.g.
    /// <c>character varying(100)</c>, <c>numeric(10,2)</c>, <c>timestamp(6) without time zone</c>) and the column's
    /// place in the primary key index (<c>pg_index.indkey</c>).
    /// </summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for <c>current_schema()</c>.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement ListColumnsCore(string table, string? schema) =>
        new(
            "SELECT a.attname AS column_name, CASE WHEN a.attnotnull THEN 1 ELSE 0 END AS not_null, format_type(a.atttypid, a.atttypmod) AS column_type, " +
            "(SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) WHERE k.attnum = a.attnum) AS pk_position " +
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary " +
            $"WHERE c.relname = {ParameterPlaceholder("dv_table")} AND n.nspname = {CatalogSchema(schema)} AND c.relkind IN ('r', 'p', 'v') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            [new("dv_table", table)]);

    /// <summary>Maps <c>format_type</c>'s names to the DDL's: <c>character varying</c> → <c>varchar</c>, <c>character</c> → <c>char</c>, no <c>without time zone</c>.</summary>
    /// <param name="typeText">A type's text.</param>
    /// <returns>The normalised text.</returns>
    protected override string NormalizeTypeName(string typeText)
    {
        var text = base.NormalizeTypeName(typeText).Replace(" without time zone", string.Empty, StringComparison.Ordinal);
        return text.StartsWith("character varying", StringComparison.Ordinal) ? "varchar" + text["character varying".Length..]
            : text.StartsWith("character(", StringComparison.Ordinal) ? "char" + text["character".Length..]
            : text;
    }

    /// <summary><c>decode('00ff…', 'hex')</c>: a <c>bytea</c> without escape-string rules.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The literal.</returns>
    protected override string BinaryLiteral(byte[] value) => $"decode('{Convert.ToHexString(value)}', 'hex')";

    [GeneratedRegex("^[A-Za-z0-9_.@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CollationPattern();
}

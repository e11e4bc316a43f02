using System.Globalization;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// MariaDB 10.10+ (tested on 10.11) and the MySQL family: backtick-quoted identifiers of at most 64 characters, InnoDB
/// tables in <c>utf8mb4</c>, load timestamps as <c>DATETIME(6)</c>, in-database MD5, SHA-1 and SHA-256.
/// </summary>
/// <remarks>
/// <para>
/// DDL is not transactional: every <c>CREATE</c> commits the open transaction implicitly
/// (<see cref="DialectCapabilities.TransactionalDdl"/> is <see langword="false"/>). Indexes are declared inside
/// <c>CREATE TABLE IF NOT EXISTS</c>, since MySQL has no <c>CREATE INDEX IF NOT EXISTS</c>.
/// </para>
/// <para>
/// The hashing SQL does not depend on the session or the database: canonical text is converted to <c>utf8mb4</c> with
/// the exact, no-pad collation <see cref="ExactCollation"/> (so <c>'  '</c> is not equal to <c>''</c>, and no character
/// is "ignorable"), <c>UPPER</c> runs under <see cref="UpperCaseCollation"/> (MariaDB's Unicode 14 collations apply
/// exactly the simple Unicode mapping of the C# engine), and constants never rely on backslash escapes, so the same
/// SQL is right with and without <c>NO_BACKSLASH_ESCAPES</c>, <c>ANSI_QUOTES</c> or <c>PIPES_AS_CONCAT</c>. These two
/// collations are MariaDB's; for MySQL 8 derive and name MySQL's (e.g. <c>utf8mb4_0900_bin</c> and
/// <c>utf8mb4_0900_as_cs</c>), which this repository does not test.
/// </para>
/// </remarks>
public class MariaDbDialect : SqlDialect
{
    /// <summary>
    /// The table options of every table the dialect creates: InnoDB (transactions, foreign keys) and <c>utf8mb4</c>, so
    /// that any text can be stored, whatever the database's character set. Text columns get the server's default
    /// collation of <c>utf8mb4</c>; loads never compare them (they join on hash keys, which are <c>ascii_bin</c>).
    /// </summary>
    private const string TableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

    /// <summary>InnoDB's longest index key (DYNAMIC rows), in bytes; a <c>utf8mb4</c> character takes up to 4.</summary>
    private const int MaxIndexKeyBytes = 3072;

    /// <summary>The longest <c>VARCHAR</c> of <c>utf8mb4</c> characters within MySQL's 65,535-byte row limit (and the longest <c>VARBINARY</c> written).</summary>
    private const int MaxVarcharLength = 16_383;

    /// <inheritdoc />
    public override string Name => "MariaDB";

    /// <inheritdoc />
    public override int MaxIdentifierLength => 64;

    /// <inheritdoc />
    public override DialectCapabilities Capabilities { get; } = new()
    {
        MinimumVersion = "MariaDB 10.10",
        TransactionalDdl = false,
        InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 },
        UnicodeUpper = true,
    };

    /// <summary>
    /// The collation of canonical text in hashing SQL: exact (binary) and without padding, so that comparisons inside
    /// the hashing standard (empty ⇒ NULL) see every character, trailing spaces included. Default
    /// <c>utf8mb4_nopad_bin</c> (MariaDB 10.2+).
    /// </summary>
    public virtual string ExactCollation => "utf8mb4_nopad_bin";

    /// <summary>
    /// The collation under which <c>UPPER</c> runs. Default <c>utf8mb4_uca1400_as_cs</c> (MariaDB 10.10+), whose casing
    /// is Unicode 14's simple mapping: equal to the C# engine's for every code point (the older <c>utf8mb4_bin</c>,
    /// <c>utf8mb4_general_ci</c> and <c>utf8mb4_unicode_ci</c> leave 745 letters unchanged, <c>utf8mb4_unicode_520_ci</c> 413).
    /// </summary>
    public virtual string UpperCaseCollation => "utf8mb4_uca1400_as_cs";

    /// <summary>Quotes an identifier with backticks after validating it.</summary>
    /// <param name="identifier">A safe identifier.</param>
    /// <returns>The quoted identifier, e.g. <c>`hub_customer`</c>.</returns>
    /// <exception cref="ArgumentException">The identifier is not safe.</exception>
    public override string QuoteIdentifier(string identifier)
    {
        Identifiers.EnsureSafe(identifier, nameof(identifier));
        return "`" + identifier + "`";
    }

    /// <summary>
    /// Writes a constant of the hashing standard so that it means the same whatever the session's <c>sql_mode</c> and
    /// character set: printable ASCII as a quoted literal (quotes doubled), every backslash as <c>CHAR(92 USING utf8mb4)</c>
    /// (a backslash inside a literal is an escape unless <c>NO_BACKSLASH_ESCAPES</c>), every non-ASCII character as
    /// <c>CHAR(n USING utf8mb4)</c> of its UTF-8 bytes, joined with <c>CONCAT</c>.
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <returns>The SQL expression.</returns>
    /// <exception cref="ArgumentException">The constant holds a control character (see <see cref="ControlCharacterLiteral"/>).</exception>
    public override string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var pieces = new List<string>();
        var run = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        void FlushRun()
        {
            if (run.Length > 0)
            {
                pieces.Add("'" + run.ToString().Replace("'", "''", StringComparison.Ordinal) + "'");
                run.Clear();
            }
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                throw new ArgumentException($"{Name}: a control character (U+{rune.Value:X4}) cannot be written as a plain literal; use {nameof(ControlCharacterLiteral)}.", nameof(value));
            }

            if (rune.Value is < 0x80 and not 0x5C)
            {
                run.Append((char)rune.Value);
                continue;
            }

            FlushRun();
            var length = rune.EncodeToUtf8(utf8);
            var code = 0L;
            foreach (var b in utf8[..length])
            {
                code = (code << 8) | b;
            }

            pieces.Add(string.Create(CultureInfo.InvariantCulture, $"CHAR({code} USING utf8mb4)"));
        }

        FlushRun();
        return pieces.Count switch
        {
            0 => "''",
            1 => pieces[0],
            _ => "CONCAT(" + string.Join(", ", pieces) + ")",
        };
    }

    /// <inheritdoc />
    public override string ControlCharacterLiteral(char c) => string.Create(CultureInfo.InvariantCulture, $"CHAR({(int)c} USING utf8mb4)");

    /// <summary>
    /// MySQL types: <c>VARCHAR(n)</c> (<c>MEDIUMTEXT</c> beyond 16,383 characters: a row's <c>VARCHAR</c>s share 65,535
    /// bytes), <c>LONGTEXT</c>, <c>INT</c>, <c>BIGINT</c>, <c>DECIMAL(p,s)</c>, <c>DATE</c>, <c>TIME(6)</c>,
    /// <c>DATETIME(6)</c> (never <c>TIMESTAMP</c>, which converts time zones and ends in 2038), <c>BOOLEAN</c>,
    /// <c>CHAR(36)</c> for GUIDs, <c>VARBINARY(n)</c> (<c>MEDIUMBLOB</c> beyond 16,383 bytes) or <c>LONGBLOB</c>.
    /// </summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The type text.</returns>
    public override string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String when type.Length > MaxVarcharLength => "MEDIUMTEXT",
            DataTypeKind.String => string.Create(CultureInfo.InvariantCulture, $"VARCHAR({type.Length})"),
            DataTypeKind.Text => "LONGTEXT",
            DataTypeKind.Int => "INT",
            DataTypeKind.Timestamp => TimestampTypeName,
            DataTypeKind.Guid => "CHAR(36)",
            DataTypeKind.Binary when type.Length > MaxVarcharLength => "MEDIUMBLOB",
            DataTypeKind.Binary when type.Length is { } length => string.Create(CultureInfo.InvariantCulture, $"VARBINARY({length})"),
            DataTypeKind.Binary => "LONGBLOB",
            _ => base.TypeName(type),
        };
    }

    /// <inheritdoc />
    public override string TimestampTypeName => "DATETIME(6)";

    /// <summary>
    /// Hex hash columns are <c>CHAR(n) CHARACTER SET ascii COLLATE ascii_bin</c>: one byte per hex digit and an exact
    /// comparison; binary ones <c>BINARY(n)</c>.
    /// </summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="options">The DDL options (<see cref="DdlOptions.NativeUuidForBinaryKeys"/> does not apply: <c>BINARY(16)</c> is the native 16-byte form).</param>
    /// <returns>The type text.</returns>
    public override string HashTypeName(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var type = base.HashTypeName(standard, options);
        return standard.OutputForm == HashOutputForm.Binary ? type : type + " CHARACTER SET ascii COLLATE ascii_bin";
    }

    /// <inheritdoc />
    protected override string BinaryHashTypeName(int length, DdlOptions options) => string.Create(CultureInfo.InvariantCulture, $"BINARY({length})");

    /// <summary>
    /// Creates a table in one statement, its indexes inside <c>CREATE TABLE</c> (MySQL has no
    /// <c>CREATE INDEX IF NOT EXISTS</c>), as an InnoDB table in <c>utf8mb4</c>.
    /// </summary>
    /// <param name="table">The definition.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statement.</returns>
    public override IReadOnlyList<SqlStatement> CreateTable(TableDefinition table, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var ifNotExists = options.IfNotExists ? "IF NOT EXISTS " : string.Empty;
        var elements = TableElements(table).Concat(table.Indexes.Select(i => $"    INDEX {QuoteIdentifier(i.Name)} ({IndexColumns(table, i.Columns)})"));
        var nl = Environment.NewLine;
        return [SqlStatement.Of($"CREATE TABLE {ifNotExists}{QuoteIdentifier(table.Name)} ({nl}{string.Join("," + nl, elements)}{nl}) {TableOptions}")];
    }

    /// <summary>A foreign key named with <see cref="SqlDialect.ObjectName"/>: InnoDB's own names (<c>table_ibfk_1</c>) can exceed 64 characters.</summary>
    /// <param name="table">The table that holds the key.</param>
    /// <param name="column">The local column.</param>
    /// <param name="referenced">The referenced table.</param>
    /// <param name="referencedColumn">The referenced column.</param>
    /// <returns>The SQL text.</returns>
    protected override string ForeignKeySql(string table, string column, string referenced, string referencedColumn) =>
        $"CONSTRAINT {QuoteIdentifier(ObjectName("fk", table, column))} {base.ForeignKeySql(table, column, referenced, referencedColumn)}";

    /// <summary><c>DROP TEMPORARY TABLE IF EXISTS</c> for a temporary staging table, which never touches a permanent table of the same name.</summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    public override SqlStatement DropStaging(StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return staging.Temporary ? SqlStatement.Of($"DROP TEMPORARY TABLE IF EXISTS {QuoteIdentifier(staging.Name)}") : base.DropStaging(staging);
    }

    /// <summary>
    /// Creates a staging table with the vault's table options; a temporary one is dropped with
    /// <c>DROP TEMPORARY TABLE</c>, which never touches a permanent table of the same name.
    /// </summary>
    /// <param name="definition">The staging table's definition.</param>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statements.</returns>
    public override IReadOnlyList<SqlStatement> CreateStaging(TableDefinition definition, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(staging);
        var nl = Environment.NewLine;
        var name = QuoteIdentifier(staging.Name);
        var temporary = staging.Temporary ? "TEMPORARY " : string.Empty;
        return
        [
            DropStaging(staging),
            SqlStatement.Of($"CREATE {temporary}TABLE {name} ({nl}{string.Join("," + nl, definition.Columns.Select(ColumnDefinitionSql))}{nl}) {TableOptions}"),
        ];
    }

    /// <summary>
    /// Inserts the new keys of a hub or link; a key that a concurrent loader inserted meanwhile is skipped by
    /// <c>ON DUPLICATE KEY UPDATE key = key</c> (a no-op), never by <c>INSERT IGNORE</c>, which would also swallow
    /// NOT NULL, foreign-key and truncation errors.
    /// </summary>
    /// <param name="table">The target table.</param>
    /// <param name="keyColumn">The hash-key column.</param>
    /// <param name="columns">All columns inserted.</param>
    /// <param name="staging">The staging table.</param>
    /// <param name="naming">The naming conventions.</param>
    /// <returns>The statement.</returns>
    protected override SqlStatement InsertNewKeys(string table, string keyColumn, IReadOnlyList<string> columns, StagingTable staging, NamingConventions naming)
    {
        var insert = base.InsertNewKeys(table, keyColumn, columns, staging, naming);
        // Qualified: the SELECT has a column of the same name, which would make a bare `key` ambiguous.
        var key = QuoteIdentifier(table) + "." + QuoteIdentifier(keyColumn);
        return insert with { Text = $"{insert.Text}{Environment.NewLine}ON DUPLICATE KEY UPDATE {key} = {key}" };
    }

    /// <summary>None: <see cref="InsertNewKeys"/> appends <c>ON DUPLICATE KEY UPDATE</c> itself.</summary>
    /// <param name="keyColumn">The hash-key column.</param>
    /// <returns>An empty string.</returns>
    protected override string ConflictClause(string keyColumn) => string.Empty;

    /// <inheritdoc />
    protected override string FromNothing => " FROM DUAL";

    /// <summary>
    /// End-dating with MySQL's multi-table <c>UPDATE t JOIN (successors) n ON ... SET ...</c>: MySQL has no
    /// <c>UPDATE ... FROM</c> and forbids a subquery on the updated table, except a derived table it materialises (the
    /// successors come from <c>LEAD</c>, so they always are).
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="staging">Its staging table (limits the work to the keys of the batch).</param>
    /// <returns>The statement.</returns>
    public override SqlStatement EndDateSatellite(Satellite satellite, StagingTable staging)
    {
        var (key, loadDate, endDate, table, successors) = EndDateParts(satellite, staging);
        var next = "n." + QuoteIdentifier("dv_next");
        var nl = Environment.NewLine;
        return SqlStatement.Of(
            $"UPDATE {table} JOIN ({successors}) n ON {table}.{key} = n.{key} AND {table}.{loadDate} = n.{loadDate}{nl}" +
            $"SET {table}.{endDate} = {next}{nl}" +
            $"WHERE {table}.{endDate} IS NULL OR {table}.{endDate} <> {next}");
    }

    /// <summary><c>DATE_ADD(x, INTERVAL 1 DAY)</c>, a date for a date.</summary>
    /// <param name="expression">A date expression.</param>
    /// <returns>The expression.</returns>
    protected override string NextDay(string expression) => $"DATE_ADD({expression}, INTERVAL 1 DAY)";

    /// <summary>
    /// Canonical text as <c>utf8mb4</c> in <see cref="ExactCollation"/>, whatever the column's character set and the
    /// session's: <c>DATE_FORMAT</c>/<c>TIME_FORMAT</c> with <c>%f</c> for microseconds, <c>DECIMAL</c> cast to text
    /// (which keeps the declared scale and has no negative zero), <c>true</c>/<c>false</c>, lower-case GUIDs, and
    /// upper-case <c>HEX</c> for binary.
    /// </summary>
    /// <param name="expression">The value's SQL expression.</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression.</returns>
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => expression,
            DataTypeKind.Int or DataTypeKind.BigInt => expression,
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST({expression} AS DECIMAL({type.Precision},{type.Scale}))"),
            DataTypeKind.Date => $"DATE_FORMAT({expression}, '%Y-%m-%d')",
            DataTypeKind.Time => $"TIME_FORMAT({expression}, '%H:%i:%s.%f')",
            DataTypeKind.Timestamp => $"DATE_FORMAT({expression}, '%Y-%m-%d %H:%i:%s.%f')",
            DataTypeKind.Boolean => $"CASE WHEN {expression} IS NULL THEN NULL WHEN {expression} THEN 'true' ELSE 'false' END",
            DataTypeKind.Guid => $"LOWER({expression})",
            DataTypeKind.Binary => $"HEX({expression})",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };
        return $"(CAST({text} AS CHAR CHARACTER SET utf8mb4) COLLATE {ExactCollation})";
    }

    /// <summary>Removes leading and trailing U+0020 only: <c>TRIM(BOTH ' ' FROM x)</c>.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The trimmed expression.</returns>
    public override string TrimSpaces(string expression) => $"TRIM(BOTH ' ' FROM {expression})";

    /// <summary>
    /// <c>UPPER</c> under <see cref="UpperCaseCollation"/> (the simple Unicode mapping), then back to
    /// <see cref="ExactCollation"/> so that every part of a hash has the same collation.
    /// </summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The upper-cased expression.</returns>
    public override string Upper(string expression) => $"(UPPER(({expression}) COLLATE {UpperCaseCollation}) COLLATE {ExactCollation})";

    /// <summary><c>CONCAT(a, b, ...)</c>, NULL when any part is NULL (<c>||</c> is OR unless <c>PIPES_AS_CONCAT</c>; <c>CONCAT_WS</c> would skip NULLs).</summary>
    /// <param name="parts">Text expressions.</param>
    /// <returns>The concatenation.</returns>
    public override string Concat(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 1 ? parts[0] : "CONCAT(" + string.Join(", ", parts) + ")";
    }

    /// <summary><c>MD5</c>, <c>SHA1</c> or <c>SHA2(x, 256)</c> of the input's UTF-8 bytes (<c>CONVERT(x USING utf8mb4)</c>); lower-case hex.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="input">The text expression.</param>
    /// <returns>A text expression of the hex digest.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">xxHash128, which MySQL does not have.</exception>
    public override string HashHex(HashAlgorithmKind algorithm, string input)
    {
        var utf8 = $"CONVERT({input} USING utf8mb4)";
        return algorithm switch
        {
            HashAlgorithmKind.Md5 => $"MD5({utf8})",
            HashAlgorithmKind.Sha1 => $"SHA1({utf8})",
            HashAlgorithmKind.Sha256 => $"SHA2({utf8}, 256)",
            _ => throw Unsupported($"in-database {algorithm} hashing", "MariaDB/MySQL have MD5(), SHA1() and SHA2(); compute other keys with the C# engine (DataVaultHasher)."),
        };
    }

    /// <inheritdoc />
    public override string HexToBinary(string hex) => $"UNHEX({hex})";

    /// <summary>
    /// The columns of an index: a text or binary column too long for InnoDB's key limit (or of a <c>TEXT</c>/<c>BLOB</c>
    /// type, which always needs one) is indexed by a prefix, the limit shared by the index's columns.
    /// </summary>
    private string IndexColumns(TableDefinition table, IReadOnlyList<string> columns)
    {
        var prefix = MaxIndexKeyBytes / 4 / Math.Max(1, columns.Count);
        return string.Join(", ", columns.Select(name =>
        {
            var type = table.Columns.FirstOrDefault(c => c.Name == name)?.Type ?? string.Empty;
            return NeedsPrefix(type, prefix)
                ? string.Create(CultureInfo.InvariantCulture, $"{QuoteIdentifier(name)}({prefix})")
                : QuoteIdentifier(name);
        }));
    }

    private static bool NeedsPrefix(string type, int prefix)
    {
        var upper = type.ToUpperInvariant();
        if (upper.EndsWith("TEXT", StringComparison.Ordinal) || upper.EndsWith("BLOB", StringComparison.Ordinal))
        {
            return true;
        }

        if (!upper.StartsWith("VARCHAR(", StringComparison.Ordinal) && !upper.StartsWith("VARBINARY(", StringComparison.Ordinal))
        {
            return false;
        }

        var open = upper.IndexOf('(', StringComparison.Ordinal);
        var close = upper.IndexOf(')', StringComparison.Ordinal);
        return int.TryParse(upper.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > prefix;
    }

    /// <summary><c>SELECT GET_LOCK(CONCAT('datavault_merge:', DATABASE()), @timeout)</c>: a named lock per database, released after the batch.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The statement (1 when acquired).</returns>
    public override SqlStatement? AcquireMergeLock(TimeSpan timeout) =>
        new($"SELECT GET_LOCK(CONCAT({StringLiteral("datavault_merge:")}, DATABASE()), {ParameterPlaceholder("dv_lock_timeout")})", [new("dv_lock_timeout", (long)Math.Ceiling(timeout.TotalSeconds))]);

    /// <summary><c>SELECT RELEASE_LOCK(CONCAT('datavault_merge:', DATABASE()))</c>.</summary>
    /// <returns>The statement.</returns>
    public override SqlStatement? ReleaseMergeLock() =>
        SqlStatement.Of($"SELECT RELEASE_LOCK(CONCAT({StringLiteral("datavault_merge:")}, DATABASE()))");
}

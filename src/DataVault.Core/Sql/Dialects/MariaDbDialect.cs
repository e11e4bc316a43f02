using DataVault.Core.Hashing;

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
/// SQL is right with and without <c>NO_BACKSLASH_ESCAPES</c>, <c>ANSI_QUOTES</c> or <c>PIPES_AS_CONCAT</c>. The two
/// collations are MariaDB's; for MySQL 8 set MySQL's (e.g. <c>utf8mb4_0900_bin</c> and <c>utf8mb4_0900_as_cs</c>),
/// which this repository does not test.
/// </para>
/// </remarks>
public sealed partial class MariaDbDialect : SqlDialect
{
    /// <summary>Creates the dialect.</summary>
    public MariaDbDialect()
        : base(
            "MariaDB",
            new MariaDbQuoter { OpenQuote = '`', CloseQuote = '`', MaxIdentifierLength = 64, CharacterFunction = "CHAR({0} USING utf8mb4)" },
            new MariaDbTypeMap(),
            new MariaDbPrimitives(),
            new DialectCapabilities
            {
                MinimumVersion = "MariaDB 10.10",
                TransactionalDdl = false,
                // InnoDB (transactions, foreign keys) in utf8mb4, so that any text can be stored whatever the database's
                // character set. Text columns get utf8mb4's default collation: loads compare hash keys (ascii_bin) only.
                TableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                IndexesInsideCreateTable = true,
                NamedForeignKeys = true,
                DropTemporaryTable = true,
                KeyInsert = KeyInsertStyle.OnDuplicateKeyNoOp,
                SelectFromDual = true,
                JoinedUpdate = JoinedUpdateStyle.UpdateJoin,
                InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 },
                UnicodeUpper = true,
            })
    {
    }

    /// <summary>
    /// The collation of canonical text in hashing SQL: exact (binary) and without padding, so that comparisons inside
    /// the hashing standard (empty ⇒ NULL) see every character, trailing spaces included. Default
    /// <c>utf8mb4_nopad_bin</c> (MariaDB 10.2+).
    /// </summary>
    public string ExactCollation { get; init; } = "utf8mb4_nopad_bin";

    /// <summary>
    /// The collation under which <c>UPPER</c> runs. Default <c>utf8mb4_uca1400_as_cs</c> (MariaDB 10.10+), whose casing
    /// is Unicode 14's simple mapping: equal to the C# engine's for every code point (the older <c>utf8mb4_bin</c>,
    /// <c>utf8mb4_general_ci</c> and <c>utf8mb4_unicode_ci</c> leave 745 letters unchanged, <c>utf8mb4_unicode_520_ci</c> 413).
    /// </summary>
    public string UpperCaseCollation { get; init; } = "utf8mb4_uca1400_as_cs";

    /// <summary><c>SELECT GET_LOCK(CONCAT('datavault_merge:', DATABASE()), @timeout)</c>: a named lock per database, released after the batch.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The statement (1 when acquired).</returns>
    protected override SqlStatement? AcquireMergeLockCore(TimeSpan timeout) =>
        new($"SELECT GET_LOCK(CONCAT({Quoter.StringLiteral("datavault_merge:")}, DATABASE()), {ParameterPlaceholder("dv_lock_timeout")})", [new("dv_lock_timeout", (long)Math.Ceiling(timeout.TotalSeconds))]);

    /// <summary><c>SELECT RELEASE_LOCK(CONCAT('datavault_merge:', DATABASE()))</c>.</summary>
    /// <returns>The statement.</returns>
    protected override SqlStatement? ReleaseMergeLockCore() =>
        SqlStatement.Of($"SELECT RELEASE_LOCK(CONCAT({Quoter.StringLiteral("datavault_merge:")}, DATABASE()))");

    /// <summary><c>DATABASE()</c>: the schema is the connection's database.</summary>
    protected override string CurrentSchemaExpression => "DATABASE()";

    /// <summary><c>column_type</c>: the full type, e.g. <c>varchar(100)</c>, <c>decimal(10,2)</c>, <c>int(11)</c>.</summary>
    protected override string CatalogTypeExpression => "c.column_type";

    /// <summary>Drops the character set and collation (kept in other catalog columns), the display width of integers, and reads <c>tinyint(1)</c> as <c>BOOLEAN</c>, which it is.</summary>
    /// <param name="typeText">A type's text.</param>
    /// <returns>The normalised text.</returns>
    protected override string NormalizeTypeName(string typeText)
    {
        var text = MariaDbCharsetOrCollation().Replace(base.NormalizeTypeName(typeText), string.Empty);
        return text is "boolean" or "bool" or "tinyint(1)" ? "boolean" : MariaDbIntegerWidth().Replace(text, "$1");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (character set|collate) \w+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MariaDbCharsetOrCollation();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MariaDbIntegerWidth();
}

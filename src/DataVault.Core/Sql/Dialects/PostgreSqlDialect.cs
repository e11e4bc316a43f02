using System.Globalization;
using System.Text.RegularExpressions;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// PostgreSQL 13+ (tested on 15). Hashes are computed over <c>convert_to(text, 'UTF8')</c>, so they do not depend on
/// the database encoding (a UTF8 database is still needed to store every character); <c>UPPER</c> runs under an
/// explicit collation (<see cref="UpperCollation"/>, default <c>C.utf8</c>), so it does not depend on the database's
/// ctype either.
/// </summary>
public partial class PostgreSqlDialect : SqlDialect
{
    /// <summary>The collation <see cref="Upper"/> uses when none is set: glibc's <c>C.utf8</c>.</summary>
    public const string DefaultUpperCollation = "C.utf8";

    private readonly string? _upperCollation = DefaultUpperCollation;

    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <inheritdoc />
    public override int MaxIdentifierLength => 63;

    /// <inheritdoc />
    public override DialectCapabilities Capabilities { get; } = new()
    {
        MinimumVersion = "13",
        InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha256 },
        UnicodeUpper = true,
    };

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

    /// <inheritdoc />
    public override string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"NUMERIC({type.Precision},{type.Scale})"),
            DataTypeKind.Binary => "BYTEA",
            _ => base.TypeName(type),
        };
    }

    /// <inheritdoc />
    protected override string BinaryHashTypeName(int length, DdlOptions options) =>
        length == 16 && (options?.NativeUuidForBinaryKeys ?? false) ? "UUID" : "BYTEA";

    /// <inheritdoc />
    public override object ZeroKeyValue(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.OutputForm == HashOutputForm.Binary && standard.HashLengthInBytes == 16 && (options?.NativeUuidForBinaryKeys ?? false)
            ? Guid.Empty
            : base.ZeroKeyValue(standard, options!);
    }

    /// <summary>Drops a staging table; a temporary one as <c>pg_temp.name</c>, so that a regular table of the same name is never dropped instead.</summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    public override SqlStatement DropStaging(StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return staging.Temporary ? SqlStatement.Of($"DROP TABLE IF EXISTS pg_temp.{QuoteIdentifier(staging.Name)}") : base.DropStaging(staging);
    }

    /// <summary>Inserts a hub's ghost record once; <c>ON CONFLICT DO NOTHING</c> makes it safe under concurrent loaders.</summary>
    /// <param name="hub">The hub.</param>
    /// <param name="options">DDL options (the form of the zero key).</param>
    /// <returns>The statement.</returns>
    public override SqlStatement InsertGhostRecord(Hub hub, DdlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var statement = base.InsertGhostRecord(hub, options);
        return statement with { Text = statement.Text + ConflictClause(hub.HashKeyColumn) };
    }

    /// <summary>
    /// A constant of the hashing standard as a literal; one with a backslash as an escape string (<c>E'\\'</c>), which
    /// means one backslash whatever <c>standard_conforming_strings</c> says.
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <returns>The literal.</returns>
    public override string StringLiteral(string value)
    {
        var literal = base.StringLiteral(value);
        return value.Contains('\\', StringComparison.Ordinal) ? "E" + literal.Replace("\\", "\\\\", StringComparison.Ordinal) : literal;
    }

    /// <summary>
    /// The canonical text of docs/hashing.md in PostgreSQL: integers and numerics as their text (a numeric cast to its
    /// declared scale first, so 19.9 is <c>19.90</c>; numeric has no negative zero), dates, times and timestamps with
    /// <c>to_char</c> (never the session's <c>DateStyle</c>), <c>infinity</c>/<c>-infinity</c> as the largest and
    /// smallest .NET values (which Npgsql writes as them), booleans as <c>true</c>/<c>false</c>, UUIDs in their
    /// lower-case text form, binary as upper-case hex.
    /// </summary>
    /// <param name="expression">The value's SQL expression.</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression, NULL when the value is NULL.</returns>
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => $"CAST({expression} AS TEXT)",
            DataTypeKind.Int or DataTypeKind.BigInt => $"CAST({expression} AS TEXT)",
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST(CAST({expression} AS NUMERIC({type.Precision},{type.Scale})) AS TEXT)"),
            DataTypeKind.Date => Infinite(expression, "date", "9999-12-31", "0001-01-01", $"to_char({expression}, 'YYYY-MM-DD')"),
            DataTypeKind.Time => $"to_char({expression}, 'HH24:MI:SS.US')",
            DataTypeKind.Timestamp => Infinite(expression, "timestamp", "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00.000000", $"to_char({expression}, 'YYYY-MM-DD HH24:MI:SS.US')"),
            DataTypeKind.Boolean => $"CASE WHEN {expression} THEN 'true' WHEN NOT {expression} THEN 'false' END",
            DataTypeKind.Guid => $"CAST({expression} AS TEXT)",
            DataTypeKind.Binary => $"UPPER(encode({expression}, 'hex'))",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };

        static string Infinite(string expression, string sqlType, string max, string min, string finite) =>
            $"CASE WHEN {expression} = '-infinity'::{sqlType} THEN '{min}' WHEN {expression} = 'infinity'::{sqlType} THEN '{max}' ELSE {finite} END";
    }

    /// <summary><c>upper(x COLLATE "C.utf8")</c>, or under <see cref="UpperCollation"/>.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The upper-cased expression.</returns>
    public override string Upper(string expression) =>
        UpperCollation is null ? $"upper({expression})" : $"upper(({expression}) COLLATE \"{UpperCollation}\")";

    /// <summary><c>md5(convert_to(x, 'UTF8'))</c> or <c>encode(sha256(convert_to(x, 'UTF8')), 'hex')</c>: the UTF-8 bytes, whatever the database encoding.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="input">The text expression.</param>
    /// <returns>The lower-case hex digest.</returns>
    public override string HashHex(HashAlgorithmKind algorithm, string input) => algorithm switch
    {
        HashAlgorithmKind.Md5 => $"md5(convert_to({input}, 'UTF8'))",
        HashAlgorithmKind.Sha256 => $"encode(sha256(convert_to({input}, 'UTF8')), 'hex')",
        _ => throw Unsupported($"in-database {algorithm} hashing", "PostgreSQL has md5() and sha256() built in; SHA-1 needs the pgcrypto extension, xxHash128 the C# engine (DataVaultHasher)."),
    };

    /// <inheritdoc />
    public override string HexToBinary(string hex) => $"decode({hex}, 'hex')";

    /// <inheritdoc />
    public override string ZeroBinaryLiteral(int length) => $"decode('{new string('0', 2 * length)}', 'hex')";

    [GeneratedRegex("^[A-Za-z0-9_.@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CollationPattern();

    /// <summary>The key of the transaction-scoped advisory lock that serialises merges of concurrent loaders in one database.</summary>
    public const long MergeLockKey = 0x4456_4D45_5247_45L;

    /// <summary><c>SELECT 1 FROM pg_advisory_xact_lock(@key)</c>: held until the batch's transaction ends; waits as long as <c>lock_timeout</c> allows.</summary>
    /// <param name="timeout">Not used: PostgreSQL's <c>lock_timeout</c> setting applies.</param>
    /// <returns>The statement.</returns>
    public override SqlStatement? AcquireMergeLock(TimeSpan timeout) =>
        new($"SELECT 1 FROM pg_advisory_xact_lock({ParameterPlaceholder("dv_lock_key")})", [new("dv_lock_key", MergeLockKey)]);

    /// <summary><c>ANALYZE</c> of a filled staging table: without statistics the planner assumes a large table and may scan the satellite instead of probing its key.</summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    public override SqlStatement? AnalyzeStaging(StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return SqlStatement.Of($"ANALYZE {(staging.Temporary ? "pg_temp." : string.Empty)}{QuoteIdentifier(staging.Name)}");
    }
}

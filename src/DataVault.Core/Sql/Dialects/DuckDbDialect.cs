using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// DuckDB 1.1+ (tested on 1.5 through DuckDB.NET), in process. Parameters are named <c>$name</c>; hashing uses the
/// built-in <c>md5</c>, <c>sha1</c> and <c>sha256</c>; canonical dates and times are written with <c>strftime</c>,
/// which no session setting (time zone, calendar) changes.
/// </summary>
/// <remarks>
/// DuckDB's <c>upper</c> maps <c>ß</c> to <c>ẞ</c> (U+1E9E), which the simple Unicode mapping of the hashing standard
/// does not: <see cref="Upper"/> upper-cases the text between the <c>ß</c>s instead, so every other character gets
/// DuckDB's own mapping (equal to the standard's for every other code point). Tables get their primary keys (DuckDB's
/// ART indexes, which <c>ON CONFLICT</c> and foreign keys need) but no secondary indexes: DuckDB's loads join by
/// hashing, and every ART index slows inserts down.
/// </remarks>
public class DuckDbDialect : SqlDialect
{
    /// <summary>The one character whose DuckDB upper case differs from the simple Unicode mapping (U+00DF → U+1E9E).</summary>
    private const string SharpS = "\u00DF";

    /// <inheritdoc />
    public override string Name => "DuckDB";

    /// <inheritdoc />
    public override DialectCapabilities Capabilities { get; } = new()
    {
        MinimumVersion = "1.1",
        InDatabaseHashAlgorithms = new HashSet<HashAlgorithmKind> { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 },
        UnicodeUpper = true,
        // ON CONFLICT skips keys committed before the statement; two open transactions inserting the same new key make
        // the second COMMIT fail with a constraint violation (DuckDB's optimistic concurrency) instead of skipping it.
        ConflictSafeInsert = false,
    };

    /// <summary>DuckDB's named parameter placeholder, <c>$name</c>, which DuckDB.NET binds by <c>ParameterName</c>.</summary>
    /// <param name="name">The parameter name (a safe identifier).</param>
    /// <returns>The placeholder.</returns>
    public override string ParameterPlaceholder(string name)
    {
        Identifiers.EnsureSafe(name, nameof(name));
        return "$" + name;
    }

    /// <summary>
    /// DuckDB's types: <c>VARCHAR</c> for text (a length is accepted but not enforced), <c>DECIMAL(p,s)</c> up to 38
    /// digits, <c>TIME</c> and <c>TIMESTAMP</c> with microseconds (neither takes a precision), <c>UUID</c>, <c>BLOB</c>.
    /// </summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The type text.</returns>
    public override string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.Text => "VARCHAR",
            DataTypeKind.Time => "TIME",
            _ => base.TypeName(type),
        };
    }

    /// <summary>DuckDB's <c>TIMESTAMP</c>: microseconds, no time zone.</summary>
    public override string TimestampTypeName => "TIMESTAMP";

    /// <inheritdoc />
    protected override string BinaryHashTypeName(int length, DdlOptions options) =>
        length == 16 && (options?.NativeUuidForBinaryKeys ?? false) ? "UUID" : "BLOB";

    /// <inheritdoc />
    public override object ZeroKeyValue(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.OutputForm == HashOutputForm.Binary && standard.HashLengthInBytes == 16 && (options?.NativeUuidForBinaryKeys ?? false)
            ? Guid.Empty
            : base.ZeroKeyValue(standard, options!);
    }

    /// <summary>
    /// Creates a table with its primary key and foreign keys, without secondary indexes: DuckDB answers the loads'
    /// existence checks with hash joins, not index lookups, and every ART index slows inserts down.
    /// </summary>
    /// <param name="table">The definition.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statement.</returns>
    public override IReadOnlyList<SqlStatement> CreateTable(TableDefinition table, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        return base.CreateTable(table with { Indexes = [] }, options);
    }

    /// <summary>
    /// DuckDB decorrelates the <c>MAX(load_date)</c> lookups of a PIT build into one hash aggregate, which measured about
    /// twice as fast as the <c>LEAD</c> window join (docs/business-vault.md).
    /// </summary>
    protected override bool PitVersionWindows => false;

    /// <inheritdoc />
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => $"CAST({expression} AS VARCHAR)",
            DataTypeKind.Int or DataTypeKind.BigInt => $"CAST({expression} AS VARCHAR)",
            // A decimal's text keeps its declared scale (19.9 as DECIMAL(10,2) → 19.90) and has no negative zero, but
            // DuckDB drops the 0 before the point when precision = scale (0.5 as DECIMAL(1,1) → .5): one more digit of
            // precision keeps it (the model limits the scale to 28, so the width stays within DuckDB's 38).
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"CAST(CAST({expression} AS DECIMAL({DecimalTextWidth(type)},{type.Scale})) AS VARCHAR)"),
            DataTypeKind.Date => $"strftime(CAST({expression} AS DATE), '%Y-%m-%d')",
            // strftime has no TIME overload: the time goes on a fixed date; %f is the microseconds, six digits.
            DataTypeKind.Time => $"strftime(DATE '2000-01-01' + CAST({expression} AS TIME), '%H:%M:%S.%f')",
            // No CAST: strftime truncates a TIMESTAMP_NS to microseconds, while CAST(... AS TIMESTAMP) rounds before 1970.
            DataTypeKind.Timestamp => $"strftime({expression}, '%Y-%m-%d %H:%M:%S.%f')",
            DataTypeKind.Boolean => $"CASE WHEN {expression} THEN 'true' WHEN NOT {expression} THEN 'false' END",
            DataTypeKind.Guid => $"lower(CAST(CAST({expression} AS UUID) AS VARCHAR))",
            DataTypeKind.Binary => $"upper(hex(CAST({expression} AS BLOB)))",
            _ => throw Unsupported("canonical text of " + type, "unknown type"),
        };
    }

    /// <summary>The precision a decimal is cast to before it becomes text: at least one digit before the point.</summary>
    private static int DecimalTextWidth(DataType type) => Math.Min(38, Math.Max(type.Precision ?? 38, (type.Scale ?? 0) + 1));

    /// <summary>DuckDB's <c>trim(x)</c> also strips Unicode spaces (NBSP, U+3000, ...): <c>trim(x, ' ')</c> strips U+0020 only.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The trimmed expression.</returns>
    public override string TrimSpaces(string expression) => $"trim({expression}, ' ')";

    /// <summary>
    /// Upper-cases text with the simple Unicode mapping: DuckDB's <c>upper</c> for everything but <c>ß</c>, which it
    /// maps to <c>ẞ</c> and the standard keeps — the text is split at each <c>ß</c>, the pieces upper-cased and joined
    /// again with <c>ß</c>. NULL stays NULL.
    /// </summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The upper-cased expression.</returns>
    public override string Upper(string expression)
    {
        var sharpS = StringLiteral(SharpS);
        return $"array_to_string([upper(dv_piece) for dv_piece in string_split({expression}, {sharpS})], {sharpS})";
    }

    /// <inheritdoc />
    public override string HashHex(HashAlgorithmKind algorithm, string input) => algorithm switch
    {
        HashAlgorithmKind.Md5 => $"md5({input})",
        HashAlgorithmKind.Sha1 => $"sha1({input})",
        HashAlgorithmKind.Sha256 => $"sha256({input})",
        _ => throw Unsupported($"in-database {algorithm} hashing", "DuckDB has md5(), sha1() and sha256() built in; compute other algorithms with the C# engine (DataVaultHasher)."),
    };

    /// <inheritdoc />
    public override string HexToBinary(string hex) => $"unhex({hex})";

    /// <summary>A blob of zero bytes. DuckDB reads <c>X'00'</c> as the text <c>x00</c>, so it is <c>unhex('00…')</c>.</summary>
    /// <param name="length">The length in bytes.</param>
    /// <returns>The expression.</returns>
    public override string ZeroBinaryLiteral(int length) => $"unhex('{new string('0', 2 * length)}')";

    /// <summary>Drops a staging table; a temporary one as <c>temp.main.name</c>, so that a regular table of the same name is never dropped instead.</summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    public override SqlStatement DropStaging(StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return staging.Temporary ? SqlStatement.Of($"DROP TABLE IF EXISTS temp.main.{QuoteIdentifier(staging.Name)}") : base.DropStaging(staging);
    }
}

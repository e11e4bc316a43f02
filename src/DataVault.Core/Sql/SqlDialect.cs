using System.Globalization;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// Writes DDL and set-based, insert-only load SQL for one database engine. The base class writes standard SQL; a
/// dialect overrides only what its engine does differently — identifier quoting, type names, parameter placeholders,
/// capabilities, and the few statements that differ. Derive from it to add an engine outside the library
/// (docs/dialects.md shows a complete small example).
/// </summary>
/// <remarks>
/// Every identifier passes <see cref="Identifiers.EnsureSafe"/> and is then quoted; every data value is a parameter.
/// The only literals are the hashing standard's own constants (delimiter, NULL token, escape character), written by
/// <see cref="StringLiteral"/>. A feature the engine lacks is an <see cref="UnsupportedSqlFeatureException"/>.
/// </remarks>
public abstract partial class SqlDialect : IModelTarget
{
    /// <summary>The engine's name, e.g. <c>PostgreSQL</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The longest identifier the engine accepts, in bytes.</summary>
    public virtual int MaxIdentifierLength => 128;

    /// <summary>What the engine can do.</summary>
    public virtual DialectCapabilities Capabilities { get; } = new();

    /// <summary>Validates and quotes an identifier (standard SQL: <c>"name"</c>).</summary>
    /// <param name="identifier">A safe identifier.</param>
    /// <returns>The quoted identifier.</returns>
    /// <exception cref="ArgumentException">The identifier is not safe; it is never escaped into SQL.</exception>
    public virtual string QuoteIdentifier(string identifier)
    {
        Identifiers.EnsureSafe(identifier, nameof(identifier));
        return "\"" + identifier + "\"";
    }

    /// <summary>The placeholder of a named parameter in SQL text (default <c>@name</c>).</summary>
    /// <param name="name">The parameter name (a safe identifier).</param>
    /// <returns>The placeholder.</returns>
    public virtual string ParameterPlaceholder(string name)
    {
        Identifiers.EnsureSafe(name, nameof(name));
        return "@" + name;
    }

    /// <summary>
    /// The <see cref="System.Data.Common.DbParameter.ParameterName"/> to bind a named parameter with (default the bare
    /// name). SQLite binds fastest when the name is exactly the placeholder (<c>@name</c>): otherwise its provider tries
    /// every prefix against every parameter.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The name to give the ADO.NET parameter.</returns>
    public virtual string ParameterName(string name) => name;

    /// <summary>
    /// Writes a string constant of the hashing standard as a SQL literal (default: single quotes doubled). Never used
    /// for data values, which are always parameters.
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <returns>The literal.</returns>
    public virtual string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"{Name}: a control character (U+{(int)c:X4}) cannot be written as a plain literal; use {nameof(ControlCharacterLiteral)}.", nameof(value));
            }
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A one-character string of a control character (CR, LF, TAB, VT), e.g. <c>CHR(10)</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The SQL expression.</returns>
    public virtual string ControlCharacterLiteral(char c) => string.Create(CultureInfo.InvariantCulture, $"CHR({(int)c})");

    /// <summary>The SQL type of a model column.</summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The type text.</returns>
    public virtual string TypeName(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            DataTypeKind.String => string.Create(CultureInfo.InvariantCulture, $"VARCHAR({type.Length})"),
            DataTypeKind.Text => "TEXT",
            DataTypeKind.Int => "INTEGER",
            DataTypeKind.BigInt => "BIGINT",
            DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
            DataTypeKind.Date => "DATE",
            DataTypeKind.Time => "TIME(6)",
            DataTypeKind.Timestamp => TimestampTypeName,
            DataTypeKind.Boolean => "BOOLEAN",
            DataTypeKind.Guid => "UUID",
            DataTypeKind.Binary => "BLOB",
            _ => throw Unsupported("data type " + type, "the type is unknown to this dialect"),
        };
    }

    /// <summary>
    /// The value to bind to a parameter for a column of <paramref name="type"/>, from the loader's CLR value (see
    /// <see cref="Loading.StagingColumn"/>). The default passes the value through (<see cref="DBNull"/> for NULL); SQLite
    /// writes dates, times and timestamps as fixed-width ISO-8601 text so that stored values compare and sort correctly.
    /// </summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="type">The column's portable type.</param>
    /// <returns>The value to bind.</returns>
    public virtual object ToDbValue(object? value, DataType type) => value ?? DBNull.Value;

    /// <summary>The type of load timestamps: microsecond precision, no time zone (default <c>TIMESTAMP(6)</c>).</summary>
    public virtual string TimestampTypeName => "TIMESTAMP(6)";

    /// <summary>The type of a hash-key or hash-diff column for a standard and the DDL options.</summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="options">The DDL options.</param>
    /// <returns>The type text: <c>CHAR(32)</c> for MD5 hex, a 16-byte binary type for MD5 binary, ...</returns>
    public virtual string HashTypeName(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.OutputForm == HashOutputForm.Binary
            ? BinaryHashTypeName(standard.HashLengthInBytes, options ?? DdlOptions.Default)
            : string.Create(CultureInfo.InvariantCulture, $"CHAR({2 * standard.HashLengthInBytes})");
    }

    /// <summary>The type of a binary hash column of <paramref name="length"/> bytes (default <c>BLOB</c>).</summary>
    /// <param name="length">The digest length in bytes.</param>
    /// <param name="options">The DDL options.</param>
    /// <returns>The type text.</returns>
    protected virtual string BinaryHashTypeName(int length, DdlOptions options) => "BLOB";

    /// <summary>The exception for a feature this engine lacks.</summary>
    /// <param name="feature">What was asked for.</param>
    /// <param name="reason">Why not, and what to do instead.</param>
    /// <returns>The exception, to throw.</returns>
    protected UnsupportedSqlFeatureException Unsupported(string feature, string reason) => new(Name, feature, reason);

    /// <summary>Joins quoted identifiers with commas.</summary>
    /// <param name="names">The identifiers.</param>
    /// <param name="prefix">An optional table alias, e.g. <c>s</c>, written before each identifier.</param>
    /// <returns>The list.</returns>
    protected string ColumnList(IEnumerable<string> names, string? prefix = null) =>
        string.Join(", ", names.Select(n => prefix is null ? QuoteIdentifier(n) : prefix + "." + QuoteIdentifier(n)));

    /// <summary>A name for an index or constraint within the engine's length limit (shortened with a stable hash if needed).</summary>
    /// <param name="prefix">E.g. <c>ix</c>.</param>
    /// <param name="table">The table.</param>
    /// <param name="suffix">What it covers, e.g. <c>bk</c>.</param>
    /// <returns>A safe identifier.</returns>
    protected string ObjectName(string prefix, string table, string suffix)
    {
        var name = $"{prefix}_{table}_{suffix}";
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierLength)
        {
            return name;
        }

        var hash = DataVaultHasher.Default.HashKeyHex(name)![..8];
        return name[..(MaxIdentifierLength - 9)] + "_" + hash;
    }
}

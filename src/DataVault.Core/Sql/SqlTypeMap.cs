using System.Globalization;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// The type map of a dialect: a table from <see cref="DataType"/> to SQL type text, consulted when a column is
/// written, plus the hash columns' types and the conversion of values to what the provider binds. The defaults are
/// standard SQL; a dialect's map changes rows with <see cref="Map"/> in its constructor.
/// </summary>
/// <remarks>
/// A row maps a <see cref="DataTypeKind"/> to a template in which <c>$len</c>, <c>$p</c> and <c>$s</c> stand for the
/// length, precision and scale. Rows with a bound (<c>upTo</c>) apply to types whose length (a decimal's precision) is at most the bound,
/// the smallest bound first; the row without a bound takes every other type of the kind, those without a length too.
/// </remarks>
public class SqlTypeMap : SqlDialectRole
{
    private readonly Dictionary<DataTypeKind, SortedList<int, string>> _bounded = [];
    private readonly Dictionary<DataTypeKind, string> _unbounded = [];

    /// <summary>Creates the standard SQL map.</summary>
    public SqlTypeMap()
    {
        Map(DataTypeKind.String, "VARCHAR($len)");
        Map(DataTypeKind.Text, "TEXT");
        Map(DataTypeKind.Int, "INTEGER");
        Map(DataTypeKind.BigInt, "BIGINT");
        Map(DataTypeKind.Decimal, "DECIMAL($p,$s)");
        Map(DataTypeKind.Date, "DATE");
        Map(DataTypeKind.Time, "TIME(6)");
        Map(DataTypeKind.Timestamp, "TIMESTAMP(6)");
        Map(DataTypeKind.Boolean, "BOOLEAN");
        Map(DataTypeKind.Guid, "UUID");
        Map(DataTypeKind.Binary, "BLOB");
    }

    /// <summary>The type of hex hash columns, with <c>$len</c> for the number of hex digits (default <c>CHAR($len)</c>).</summary>
    protected string HexHashType { get; set; } = "CHAR($len)";

    /// <summary>The type of binary hash columns, with <c>$len</c> for the digest length in bytes (default <c>BLOB</c>).</summary>
    protected string BinaryHashType { get; set; } = "BLOB";

    /// <summary>
    /// The engine's native 16-byte UUID type for binary MD5 keys under <see cref="DdlOptions.NativeUuidForBinaryKeys"/>,
    /// or <see langword="null"/> (the default) where there is none and the option is ignored.
    /// </summary>
    protected string? NativeUuidHashType { get; set; }

    /// <summary>The SQL type of a portable type.</summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The typed SQL type.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">The map has no row for the type.</exception>
    public SqlType For(DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if ((type.Length ?? type.Precision) is { } length && _bounded.TryGetValue(type.Kind, out var rows))
        {
            foreach (var (upTo, template) in rows)
            {
                if (length <= upTo)
                {
                    return new SqlType(type, Render(template, type));
                }
            }
        }

        return _unbounded.TryGetValue(type.Kind, out var fallback)
            ? new SqlType(type, Render(fallback, type))
            : throw Unsupported("data type " + type, "the type is unknown to this dialect");
    }

    /// <summary>The type of a hash-key or hash-diff column: hex text, binary, or the native UUID type.</summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="options">The DDL options.</param>
    /// <returns>The typed SQL type; its portable type is the form of the stored values.</returns>
    public SqlType HashColumn(HashingStandard standard, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = standard.HashLengthInBytes;
        if (standard.OutputForm != HashOutputForm.Binary)
        {
            return new SqlType(DataType.String(2 * bytes), Render(HexHashType, 2 * bytes));
        }

        return bytes == 16 && options.NativeUuidForBinaryKeys && NativeUuidHashType is { } uuid
            ? new SqlType(DataType.Guid, uuid)
            : new SqlType(DataType.Binary(bytes), Render(BinaryHashType, bytes));
    }

    /// <summary>The zero key of a hash column as a parameter value: <c>0</c>s for hex, zero bytes for binary, <see cref="Guid.Empty"/> for a UUID.</summary>
    /// <param name="standard">The key's hashing standard.</param>
    /// <param name="options">The DDL options.</param>
    /// <returns>The value.</returns>
    public object ZeroKey(HashingStandard standard, DdlOptions options)
    {
        var column = HashColumn(standard, options);
        return column.Type.Kind switch
        {
            DataTypeKind.Guid => Guid.Empty,
            DataTypeKind.Binary => new byte[standard.HashLengthInBytes],
            _ => new string('0', 2 * standard.HashLengthInBytes),
        };
    }

    /// <summary>
    /// The value to bind to a parameter for a column of <paramref name="type"/>, from the loader's CLR value (see
    /// <see cref="Loading.StagingColumn"/>). The default passes the value through (<see cref="DBNull"/> for NULL).
    /// </summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="type">The column's portable type.</param>
    /// <returns>The value to bind.</returns>
    public virtual object ToDbValue(object? value, DataType type) => value ?? DBNull.Value;

    /// <summary>
    /// A decimal value read back from a column of <paramref name="type"/> (a <c>decimal(p,s)</c>) as the exact
    /// <see cref="decimal"/> of the declared scale: <c>420.00</c> and <c>89.90</c> for a <c>decimal(10,2)</c> that SQLite
    /// returns as the INTEGER <c>420</c> and the REAL <c>89.9</c> (NUMERIC affinity), and the same value unchanged from
    /// engines that keep the scale. Takes what the provider returns (<see cref="decimal"/>, integers, <see cref="double"/>,
    /// text); never rounds. A type map of an engine that returns decimals in another form overrides it.
    /// </summary>
    /// <param name="value">The value read (<see langword="null"/> or <see cref="DBNull"/> for NULL).</param>
    /// <param name="type">The column's declared decimal type.</param>
    /// <returns>The decimal with exactly <see cref="DataType.Scale"/> decimal places, or <see langword="null"/> for NULL.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a decimal type.</exception>
    /// <exception cref="InvalidCastException">The value is not a number, or has non-zero digits beyond the scale.</exception>
    /// <exception cref="OverflowException">
    /// The value has more integer digits than the type allows, or more digits than <see cref="decimal"/> holds exactly
    /// (28): read such values with <see cref="ReadDecimalText"/>.
    /// </exception>
    public virtual decimal? ReadDecimal(object? value, DataType type) => DecimalReadBack.Decimal(value, type);

    /// <summary>
    /// A decimal value read back from a column of <paramref name="type"/> as its exact digits with the declared scale
    /// (invariant culture, no exponent, e.g. <c>420.00</c>): like <see cref="ReadDecimal"/>, but for every precision up to
    /// 38 digits, beyond what <see cref="decimal"/> holds (SQLite keeps such values as the TEXT they were bound as).
    /// </summary>
    /// <param name="value">The value read (<see langword="null"/> or <see cref="DBNull"/> for NULL).</param>
    /// <param name="type">The column's declared decimal type.</param>
    /// <returns>The digits, or <see langword="null"/> for NULL.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a decimal type.</exception>
    /// <exception cref="InvalidCastException">The value is not a number, or has non-zero digits beyond the scale.</exception>
    /// <exception cref="OverflowException">The value has more integer digits than the type allows.</exception>
    public virtual string? ReadDecimalText(object? value, DataType type) => DecimalReadBack.Text(value, type);

    /// <summary>
    /// The length of the prefix by which a column is indexed, where the engine cannot index it whole (default none).
    /// </summary>
    /// <param name="column">The column's type.</param>
    /// <param name="indexColumns">How many columns the index has (they share the engine's key length).</param>
    /// <returns>The prefix length, or <see langword="null"/> to index the whole column.</returns>
    public virtual int? IndexPrefixLength(SqlType column, int indexColumns) => null;

    /// <summary>Sets the row of <paramref name="kind"/> up to a length <paramref name="upTo"/> (or the unbounded row), replacing the row there was.</summary>
    /// <param name="kind">The portable kind.</param>
    /// <param name="template">The SQL type, with <c>$len</c>, <c>$p</c> and <c>$s</c> for length, precision and scale.</param>
    /// <param name="upTo">The longest length the row applies to, or <see langword="null"/> for the row that takes the rest.</param>
    protected void Map(DataTypeKind kind, string template, int? upTo = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (upTo is { } bound)
        {
            if (!_bounded.TryGetValue(kind, out var rows))
            {
                _bounded[kind] = rows = [];
            }

            rows[bound] = template;
        }
        else
        {
            _unbounded[kind] = template;
        }
    }

    private static string Render(string template, DataType type) => template
        .Replace("$len", type.Length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
        .Replace("$p", type.Precision?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
        .Replace("$s", type.Scale?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);

    private static string Render(string template, int length) => template.Replace("$len", length.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

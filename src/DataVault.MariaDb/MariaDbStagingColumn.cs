using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;

namespace DataVault.MariaDb;

/// <summary>
/// How one staging column's values are handed to MySqlConnector: checked against the CLR type that
/// <see cref="StagingColumn.Type"/> fixes, GUIDs as their lower-case text for <c>CHAR(36)</c> (the dialect's GUID
/// type, whatever the connection's <c>GuidFormat</c>) or as 16 bytes in order for a binary column, timestamps as
/// wall-clock values; NULL as <see cref="DBNull"/>.
/// </summary>
internal sealed class MariaDbStagingColumn
{
    private readonly StagingColumn _column;
    private readonly Func<object, object> _convert;

    public MariaDbStagingColumn(StagingColumn column)
    {
        _column = column;
        var sqlType = column.SqlTypeBaseName;
        _convert = column.Type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => Check<string>,
            DataTypeKind.Int => Check<int>,
            DataTypeKind.BigInt => Check<long>,
            DataTypeKind.Decimal => Check<decimal>,
            DataTypeKind.Date => Check<DateOnly>,
            DataTypeKind.Time => Check<TimeOnly>,
            DataTypeKind.Timestamp => value => Expect<DateTime>(value) is { Kind: DateTimeKind.Utc } utc ? DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) : value,
            DataTypeKind.Boolean => Check<bool>,
            DataTypeKind.Guid when sqlType is "BINARY" or "VARBINARY" => value => Expect<Guid>(value).ToByteArray(bigEndian: true),
            DataTypeKind.Guid => value => Expect<Guid>(value).ToString("D", CultureInfo.InvariantCulture),
            DataTypeKind.Binary => Check<byte[]>,
            _ => throw new NotSupportedException($"The staging column {column.Name} has the unknown type {column.Type}."),
        };
        FieldType = column.Type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => typeof(string),
            DataTypeKind.Int => typeof(int),
            DataTypeKind.BigInt => typeof(long),
            DataTypeKind.Decimal => typeof(decimal),
            DataTypeKind.Date => typeof(DateOnly),
            DataTypeKind.Time => typeof(TimeOnly),
            DataTypeKind.Timestamp => typeof(DateTime),
            DataTypeKind.Boolean => typeof(bool),
            DataTypeKind.Guid when sqlType is "BINARY" or "VARBINARY" => typeof(byte[]),
            DataTypeKind.Guid => typeof(string),
            _ => typeof(byte[]),
        };
    }

    /// <summary>The CLR type of the converted values.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public Type FieldType { get; }

    /// <summary>The column's name.</summary>
    public string Name => _column.Name;

    /// <summary>The value to send: <see cref="DBNull"/> for NULL, else the checked (and, for GUIDs, converted) value.</summary>
    public object Convert(object? value) => value is null or DBNull ? DBNull.Value : _convert(value);

    /// <summary>A rough upper bound of the bytes a value takes in a statement, to keep statements within <c>max_allowed_packet</c>.</summary>
    public static int EstimatedBytes(object value) => value switch
    {
        string text => (3 * text.Length) + 8,
        byte[] bytes => (2 * bytes.Length) + 16,
        _ => 32,
    };

    private object Check<T>(object value) => Expect<T>(value)!;

    private T Expect<T>(object value) => value is T typed
        ? typed
        : throw new InvalidCastException($"The staging column {_column.Name} ({_column.Type}) takes {typeof(T).Name} values, not {value.GetType().Name}.");
}

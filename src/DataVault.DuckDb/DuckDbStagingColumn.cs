using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DuckDB.NET.Data;

namespace DataVault.DuckDb;

/// <summary>
/// How one staging column is appended: a typed <c>AppendValue</c> chosen from <see cref="StagingColumn.Type"/> (and,
/// for a binary hash key stored as <c>UUID</c>, from <see cref="StagingColumn.SqlType"/>).
/// </summary>
internal sealed class DuckDbStagingColumn
{
    private readonly StagingColumn _column;
    private readonly Action<IDuckDBAppenderRow, object> _append;

    public DuckDbStagingColumn(StagingColumn column)
    {
        _column = column;
        var sqlType = column.SqlTypeBaseName;
        _append = column.Type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => (row, value) => row.AppendValue(Expect<string>(value)),
            DataTypeKind.Int => (row, value) => row.AppendValue(Expect<int>(value)),
            DataTypeKind.BigInt => (row, value) => row.AppendValue(Expect<long>(value)),
            DataTypeKind.Decimal => (row, value) => row.AppendValue(Expect<decimal>(value)),
            DataTypeKind.Date => (row, value) => row.AppendValue(Expect<DateOnly>(value)),
            DataTypeKind.Time => (row, value) => row.AppendValue(Expect<TimeOnly>(value)),
            DataTypeKind.Timestamp => (row, value) => row.AppendValue(Expect<DateTime>(value)),
            DataTypeKind.Boolean => (row, value) => row.AppendValue(Expect<bool>(value)),
            DataTypeKind.Guid when sqlType == "UUID" => (row, value) => row.AppendValue(Expect<Guid>(value)),
            DataTypeKind.Guid => (row, value) => row.AppendValue(Expect<Guid>(value).ToString("D", CultureInfo.InvariantCulture)),
            DataTypeKind.Binary when sqlType == "UUID" => (row, value) => row.AppendValue(Uuid(Expect<byte[]>(value))),
            DataTypeKind.Binary => (row, value) => row.AppendValue(Expect<byte[]>(value)),
            _ => throw new NotSupportedException($"The staging column {column.Name} has the unknown type {column.Type}."),
        };
    }

    /// <summary>The column's name.</summary>
    public string Name => _column.Name;

    /// <summary>Appends one value (<see langword="null"/> or <see cref="DBNull"/> is SQL NULL).</summary>
    public void Append(IDuckDBAppenderRow row, object? value)
    {
        if (value is null or DBNull)
        {
            row.AppendNullValue();
        }
        else
        {
            _append(row, value);
        }
    }

    /// <summary>A 16-byte binary hash key in a <c>UUID</c> column: the bytes in order (RFC 4122, big-endian).</summary>
    private Guid Uuid(byte[] bytes) => bytes.Length == 16
        ? new Guid(bytes, bigEndian: true)
        : throw new InvalidCastException(string.Create(CultureInfo.InvariantCulture, $"The staging column {_column.Name} is a UUID; a value of {bytes.Length} bytes does not fit (16 are needed)."));

    private T Expect<T>(object value) => value is T typed
        ? typed
        : throw new InvalidCastException($"The staging column {_column.Name} ({_column.Type}) takes {typeof(T).Name} values, not {value.GetType().Name}.");
}

using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using Npgsql;
using NpgsqlTypes;

namespace DataVault.PostgreSql;

/// <summary>
/// How one staging column is written to binary <c>COPY</c>: the PostgreSQL type from <see cref="StagingColumn.Type"/>
/// (and, where one portable type has two SQL forms, from <see cref="StagingColumn.SqlType"/>: <c>char(n)</c> or
/// <c>varchar</c>; <c>bytea</c> or <c>uuid</c> for binary hash keys), and a typed write without boxing lookups.
/// </summary>
internal sealed class NpgsqlStagingColumn
{
    private readonly StagingColumn _column;
    private readonly Func<NpgsqlBinaryImporter, object, CancellationToken, Task> _write;

    public NpgsqlStagingColumn(StagingColumn column)
    {
        _column = column;
        var sqlType = column.SqlTypeBaseName;
        _write = column.Type.Kind switch
        {
            DataTypeKind.String or DataTypeKind.Text => WriterOf<string>(TextType(column.Type.Kind, sqlType)),
            DataTypeKind.Int => WriterOf<int>(NpgsqlDbType.Integer),
            DataTypeKind.BigInt => WriterOf<long>(NpgsqlDbType.Bigint),
            DataTypeKind.Decimal => WriterOf<decimal>(NpgsqlDbType.Numeric),
            DataTypeKind.Date => WriterOf<DateOnly>(NpgsqlDbType.Date),
            DataTypeKind.Time => WriterOf<TimeOnly>(NpgsqlDbType.Time),
            DataTypeKind.Timestamp => WriteTimestampAsync,
            DataTypeKind.Boolean => WriterOf<bool>(NpgsqlDbType.Boolean),
            DataTypeKind.Guid => WriterOf<Guid>(NpgsqlDbType.Uuid),
            DataTypeKind.Binary when sqlType == "UUID" => WriteBinaryAsUuidAsync,
            DataTypeKind.Binary => WriterOf<byte[]>(NpgsqlDbType.Bytea),
            _ => throw new NotSupportedException($"The staging column {column.Name} has the unknown type {column.Type}."),
        };
    }

    /// <summary>Writes one value (<see langword="null"/> or <see cref="DBNull"/> is SQL NULL).</summary>
    public Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) =>
        value is null or DBNull ? importer.WriteNullAsync(cancellationToken) : _write(importer, value, cancellationToken);

    private static NpgsqlDbType TextType(DataTypeKind kind, string sqlType) => sqlType switch
    {
        "CHAR" or "CHARACTER" or "BPCHAR" or "NCHAR" => NpgsqlDbType.Char,
        "VARCHAR" or "CHARACTER VARYING" => NpgsqlDbType.Varchar,
        _ => kind == DataTypeKind.String ? NpgsqlDbType.Varchar : NpgsqlDbType.Text,
    };

    private Func<NpgsqlBinaryImporter, object, CancellationToken, Task> WriterOf<T>(NpgsqlDbType type) =>
        (importer, value, cancellationToken) => importer.WriteAsync(Expect<T>(value), type, cancellationToken);

    /// <summary>A timestamp without time zone: the wall-clock value (a UTC kind is taken as the same wall clock).</summary>
    private Task WriteTimestampAsync(NpgsqlBinaryImporter importer, object value, CancellationToken cancellationToken)
    {
        var timestamp = Expect<DateTime>(value);
        if (timestamp.Kind == DateTimeKind.Utc)
        {
            timestamp = DateTime.SpecifyKind(timestamp, DateTimeKind.Unspecified);
        }

        return importer.WriteAsync(timestamp, NpgsqlDbType.Timestamp, cancellationToken);
    }

    /// <summary>A 16-byte binary hash key in a <c>uuid</c> column: the bytes in order (RFC 4122, big-endian).</summary>
    private Task WriteBinaryAsUuidAsync(NpgsqlBinaryImporter importer, object value, CancellationToken cancellationToken)
    {
        var bytes = Expect<byte[]>(value);
        if (bytes.Length != 16)
        {
            throw new InvalidCastException(string.Create(CultureInfo.InvariantCulture, $"The staging column {_column.Name} is a uuid; a value of {bytes.Length} bytes does not fit (16 are needed)."));
        }

        return importer.WriteAsync(new Guid(bytes, bigEndian: true), NpgsqlDbType.Uuid, cancellationToken);
    }

    private T Expect<T>(object value) => value is T typed
        ? typed
        : throw new InvalidCastException($"The staging column {_column.Name} ({_column.Type}) takes {typeof(T).Name} values, not {value.GetType().Name}.");
}

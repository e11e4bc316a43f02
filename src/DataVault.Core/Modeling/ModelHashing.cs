using System.Globalization;
using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling;

/// <summary>
/// Hash keys and hash diffs of model entities from typed values: each value is appended as its column's type says
/// (a decimal with the column's scale, a date as a date, ...), in the entity's hashing order.
/// </summary>
public static class ModelHashing
{
    /// <summary>Appends one value as the canonical text of <paramref name="type"/>; <see langword="null"/> or <see cref="DBNull"/> is NULL.</summary>
    /// <param name="writer">The row.</param>
    /// <param name="value">The value: a string, or a CLR value of the type (long/int, decimal, DateOnly, TimeOnly, DateTime, DateTimeOffset, bool, Guid, byte[]).</param>
    /// <param name="type">The column type.</param>
    /// <exception cref="ArgumentException">The value's CLR type does not fit <paramref name="type"/>.</exception>
    public static void AppendValue(ref HashRowWriter writer, object? value, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (value)
        {
            case null or DBNull:
                writer.AppendNull();
                return;
            case string text:
                writer.Append(text);
                return;
        }

        switch (type.Kind)
        {
            case DataTypeKind.String or DataTypeKind.Text:
                writer.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case DataTypeKind.Int or DataTypeKind.BigInt when value is long or int or short or byte or sbyte or ushort or uint:
                writer.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case DataTypeKind.Decimal when value is decimal or long or int or short or byte:
                writer.Append(Convert.ToDecimal(value, CultureInfo.InvariantCulture), type.Precision!.Value, type.Scale!.Value);
                break;
            case DataTypeKind.Date when value is DateOnly date:
                writer.Append(date);
                break;
            case DataTypeKind.Date when value is DateTime dateTime:
                writer.Append(DateOnly.FromDateTime(dateTime));
                break;
            case DataTypeKind.Time when value is TimeOnly time:
                writer.Append(time);
                break;
            case DataTypeKind.Time when value is TimeSpan span:
                writer.Append(TimeOnly.FromTimeSpan(span));
                break;
            case DataTypeKind.Timestamp when value is DateTime timestamp:
                writer.Append(timestamp);
                break;
            case DataTypeKind.Timestamp when value is DateTimeOffset offset:
                writer.Append(offset);
                break;
            case DataTypeKind.Boolean when value is bool flag:
                writer.Append(flag);
                break;
            case DataTypeKind.Guid when value is Guid guid:
                writer.Append(guid);
                break;
            case DataTypeKind.Binary when value is byte[] bytes:
                writer.Append(bytes);
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} value cannot be hashed as {type}.", nameof(value));
        }
    }

    /// <summary>
    /// The stored key of an entity: its hash (hex string or bytes, per its standard), or <see langword="null"/> when the
    /// key is NULL — for a reference hub (<see cref="Hub.IsReference"/>) the code itself, which is what it stores.
    /// </summary>
    /// <param name="entity">A hub or link.</param>
    /// <param name="values">The values of <see cref="VaultEntity.KeyParts"/>, in that order.</param>
    /// <returns>A <see cref="string"/> for hex output forms, a <see cref="byte"/> array for binary; a reference hub's code as given.</returns>
    public static object? HashKey(VaultEntity entity, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(values);
        if (entity is Hub { IsReference: true })
        {
            return values.Count == 1 ? values[0] : throw new ArgumentException($"{entity.TableName} is a reference hub: its key is one code, not {values.Count} values.", nameof(values));
        }

        return Hash(entity.HashingStandard, HashPurpose.Key, entity.KeyParts, values, order: null, out _);
    }

    /// <summary>
    /// <see cref="HashKey(VaultEntity, IReadOnlyList{object})"/>, and whether every part was NULL as the standard
    /// sees it (NULL, or empty after its trim where empty is NULL): such a key is the ghost record's.
    /// </summary>
    internal static object? HashKey(VaultEntity entity, IReadOnlyList<object?> values, out bool allPartsNull) =>
        Hash(entity.HashingStandard, HashPurpose.Key, entity.KeyParts, values, order: null, out allPartsNull);

    /// <summary>The stored hash diff of a satellite row.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="values">The values of <see cref="Satellite.Attributes"/>, in declared order.</param>
    /// <returns>A <see cref="string"/> for hex output forms, a <see cref="byte"/> array for binary.</returns>
    public static object? HashDiff(Satellite satellite, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return Hash(satellite.HashingStandard, HashPurpose.Diff, satellite.Attributes, values, satellite.HashDiffParts, out _);
    }

    /// <summary><see cref="HashDiff(Satellite, IReadOnlyList{object})"/>, and whether every attribute was NULL as the standard sees it.</summary>
    internal static object? HashDiff(Satellite satellite, IReadOnlyList<object?> values, out bool allPartsNull) =>
        Hash(satellite.HashingStandard, HashPurpose.Diff, satellite.Attributes, values, satellite.HashDiffParts, out allPartsNull);

    private static object? Hash(HashingStandard standard, HashPurpose purpose, IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<object?> values, IReadOnlyList<ColumnDefinition>? order, out bool allPartsNull)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != columns.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {columns.Count} values ({string.Join(", ", columns.Select(c => c.Name))}), got {values.Count}."), nameof(values));
        }

        var hasher = Hashers.For(standard);
        var row = hasher.CreateWriter(purpose, stackalloc byte[256]);
        try
        {
            foreach (var column in order ?? columns)
            {
                AppendValue(ref row, values[IndexOf(columns, column)], column.Type);
            }

            allPartsNull = row.AllPartsNull;
            return standard.OutputForm == HashOutputForm.Binary ? row.ToHashBytes() : row.ToHexString();
        }
        finally
        {
            row.Dispose();
        }
    }

    private static int IndexOf(IReadOnlyList<ColumnDefinition> columns, ColumnDefinition column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (ReferenceEquals(columns[i], column))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Column {column.Name} is not part of the entity.");
    }
}

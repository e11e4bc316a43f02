using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DataVault.MariaDb;

/// <summary>
/// A forward-only reader over staging rows for <c>MySqlBulkCopy</c>. The rows are checked and converted by their
/// <see cref="MariaDbStagingColumn"/>s when the reader is made, so that a bad value fails before <c>LOAD DATA</c> starts
/// (an exception thrown while MySqlConnector streams the rows would reach the caller as a <c>MySqlException</c>).
/// </summary>
internal sealed class StagingRowReader : DbDataReader
{
    private readonly MariaDbStagingColumn[] _columns;
    private readonly object[][] _rows;
    private object[] _current = [];
    private int _index = -1;

    public StagingRowReader(MariaDbStagingColumn[] columns, IReadOnlyList<object?[]> rows, string table)
    {
        _columns = columns;
        _rows = new object[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is null || row.Length != columns.Length)
            {
                throw new ArgumentException($"Every row of {table} needs {columns.Length} values; one has {row?.Length.ToString(CultureInfo.InvariantCulture) ?? "none"}.", nameof(rows));
            }

            var converted = new object[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                converted[i] = columns[i].Convert(row[i]);
            }

            _rows[r] = converted;
        }
    }

    public override int FieldCount => _columns.Length;

    public override int RecordsAffected => -1;

    public override bool HasRows => _rows.Length > 0;

    public override bool IsClosed => false;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (++_index >= _rows.Length)
        {
            _current = [];
            return false;
        }

        _current = _rows[_index];
        return true;
    }

    public override bool NextResult() => false;

    public override object GetValue(int ordinal) => _current[ordinal];

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, _current.Length);
        Array.Copy(_current, values, count);
        return count;
    }

    public override bool IsDBNull(int ordinal) => _current[ordinal] is DBNull;

    public override string GetName(int ordinal) => _columns[ordinal].Name;

    public override int GetOrdinal(string name) =>
        Array.FindIndex(_columns, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => _columns[ordinal].FieldType;

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override bool GetBoolean(int ordinal) => (bool)_current[ordinal];

    public override byte GetByte(int ordinal) => (byte)_current[ordinal];

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = (byte[])_current[ordinal];
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override char GetChar(int ordinal) => (char)_current[ordinal];

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = (string)_current[ordinal];
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override DateTime GetDateTime(int ordinal) => (DateTime)_current[ordinal];

    public override decimal GetDecimal(int ordinal) => (decimal)_current[ordinal];

    public override double GetDouble(int ordinal) => (double)_current[ordinal];

    public override float GetFloat(int ordinal) => (float)_current[ordinal];

    public override Guid GetGuid(int ordinal) => (Guid)_current[ordinal];

    public override short GetInt16(int ordinal) => (short)_current[ordinal];

    public override int GetInt32(int ordinal) => (int)_current[ordinal];

    public override long GetInt64(int ordinal) => (long)_current[ordinal];

    public override string GetString(int ordinal) => (string)_current[ordinal];

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);
}

using System.Globalization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// SQLite's types are affinities: decimals get NUMERIC affinity (exact up to 15 significant digits), dates, times and
/// timestamps are fixed-width ISO-8601 text (so stored values compare and sort correctly), booleans integers, GUIDs text.
/// </summary>
internal sealed class SqliteTypeMap : SqlTypeMap
{
    public SqliteTypeMap()
    {
        Map(DataTypeKind.Date, "TEXT");
        Map(DataTypeKind.Time, "TEXT");
        Map(DataTypeKind.Timestamp, "TEXT");
        Map(DataTypeKind.Guid, "TEXT");
        Map(DataTypeKind.Boolean, "INTEGER");
    }

    /// <summary>Dates as <c>yyyy-MM-dd</c>, times as <c>HH:mm:ss.ffffff</c>, timestamps as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>, GUIDs as lower-case text, booleans as 0/1.</summary>
    public override object ToDbValue(object? value, DataType type) => value switch
    {
        null => DBNull.Value,
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };
}

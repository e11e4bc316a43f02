using System.Globalization;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// SQLite's types are affinities: decimals of up to 15 digits get NUMERIC affinity (stored exactly as INTEGER or REAL,
/// but without their scale: <c>420.00</c> reads back as 420 — <see cref="SqlTypeMap.ReadDecimal"/> restores it), wider
/// decimals TEXT affinity holding their digits with the declared scale (NUMERIC affinity would keep only 15 significant
/// digits of them, silently); dates, times and timestamps are fixed-width ISO-8601 text (so stored values compare and sort
/// correctly), booleans integers, GUIDs text.
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
        Map(DataTypeKind.Decimal, "DECIMAL($p,$s)", upTo: MaxExactNumericDigits);
        Map(DataTypeKind.Decimal, "TEXT");
    }

    /// <summary>The most significant digits SQLite's NUMERIC affinity keeps exactly (a REAL's 15).</summary>
    public const int MaxExactNumericDigits = 15;

    /// <summary>Dates as <c>yyyy-MM-dd</c>, times as <c>HH:mm:ss.ffffff</c>, timestamps as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>, GUIDs as lower-case text, booleans as 0/1, decimals wider than 15 digits as their text with the declared scale.</summary>
    public override object ToDbValue(object? value, DataType type) => value switch
    {
        null => DBNull.Value,
        decimal number when type.Kind == DataTypeKind.Decimal && type.Precision > MaxExactNumericDigits =>
            number.ToString("F" + type.Scale!.Value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };
}

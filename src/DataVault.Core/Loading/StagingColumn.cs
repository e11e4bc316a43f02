using DataVault.Core.Modeling;

namespace DataVault.Core.Loading;

/// <summary>
/// A column of a staging table. The loader hands staging writers values of exactly one CLR type per
/// <see cref="DataTypeKind"/> (or <see langword="null"/>): <see cref="string"/> for String and Text, <see cref="int"/>
/// for Int, <see cref="long"/> for BigInt, <see cref="decimal"/>, <see cref="DateOnly"/> for Date, <see cref="TimeOnly"/>
/// for Time, <see cref="DateTime"/> (kind Unspecified, meaning UTC, microsecond precision) for Timestamp,
/// <see cref="bool"/>, <see cref="System.Guid"/>, and a <see cref="byte"/> array for Binary.
/// </summary>
/// <param name="Name">The column name (a safe identifier).</param>
/// <param name="Type">The portable type, which fixes the CLR type of its values.</param>
/// <param name="SqlType">The column's SQL type as the dialect writes it.</param>
public sealed record StagingColumn(string Name, DataType Type, string SqlType)
{
    /// <summary>
    /// The SQL type's name without length, precision or options, in upper case — <c>char(32)</c> → <c>CHAR</c>,
    /// <c>character varying(10)</c> → <c>CHARACTER VARYING</c> — for writers that bind by database type.
    /// </summary>
    public string SqlTypeBaseName
    {
        get
        {
            var open = SqlType.IndexOf('(', StringComparison.Ordinal);
            var name = open < 0 ? SqlType : SqlType[..open];
            return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        }
    }
}

namespace DataVault.DuckDb;

/// <summary>Reads the base name of a column's SQL type text.</summary>
internal static class SqlTypeText
{
    /// <summary>The type's name without length, precision or options, upper case: <c>char(32)</c> → <c>CHAR</c>, <c>character varying(10)</c> → <c>CHARACTER VARYING</c>.</summary>
    public static string BaseName(string sqlType)
    {
        ArgumentNullException.ThrowIfNull(sqlType);
        var open = sqlType.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? sqlType : sqlType[..open];
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }
}

using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// MySQL types: <c>VARCHAR(n)</c> (<c>MEDIUMTEXT</c> beyond 16,383 characters: a row's <c>VARCHAR</c>s share 65,535
/// bytes), <c>LONGTEXT</c>, <c>INT</c>, <c>BIGINT</c>, <c>DECIMAL(p,s)</c>, <c>DATE</c>, <c>TIME(6)</c>, <c>DATETIME(6)</c>
/// (never <c>TIMESTAMP</c>, which converts time zones and ends in 2038), <c>BOOLEAN</c>, <c>CHAR(36)</c> for GUIDs,
/// <c>VARBINARY(n)</c> (<c>MEDIUMBLOB</c> beyond 16,383 bytes) or <c>LONGBLOB</c>. Hex hash columns are
/// <c>CHAR(n) CHARACTER SET ascii COLLATE ascii_bin</c> (one byte per digit, exact comparison), binary ones <c>BINARY(n)</c>
/// (the native 16-byte form: there is no UUID type).
/// </summary>
internal sealed class MariaDbTypeMap : SqlTypeMap
{
    /// <summary>InnoDB's longest index key (DYNAMIC rows), in bytes; a <c>utf8mb4</c> character takes up to 4.</summary>
    private const int MaxIndexKeyBytes = 3072;

    /// <summary>The longest <c>VARCHAR</c> of <c>utf8mb4</c> characters within MySQL's 65,535-byte row limit (and the longest <c>VARBINARY</c> written).</summary>
    private const int MaxVarcharLength = 16_383;

    public MariaDbTypeMap()
    {
        Map(DataTypeKind.String, "VARCHAR($len)", upTo: MaxVarcharLength);
        Map(DataTypeKind.String, "MEDIUMTEXT");
        Map(DataTypeKind.Text, "LONGTEXT");
        Map(DataTypeKind.Int, "INT");
        Map(DataTypeKind.Timestamp, "DATETIME(6)");
        Map(DataTypeKind.Guid, "CHAR(36)");
        Map(DataTypeKind.Binary, "VARBINARY($len)", upTo: MaxVarcharLength);
        Map(DataTypeKind.Binary, "MEDIUMBLOB", upTo: int.MaxValue);
        Map(DataTypeKind.Binary, "LONGBLOB");
        HexHashType = "CHAR($len) CHARACTER SET ascii COLLATE ascii_bin";
        BinaryHashType = "BINARY($len)";
    }

    /// <summary>
    /// A text or binary column too long for InnoDB's key limit (or of a <c>TEXT</c>/<c>BLOB</c> type, which always needs
    /// one) is indexed by a prefix, the limit shared by the index's columns.
    /// </summary>
    public override int? IndexPrefixLength(SqlType column, int indexColumns)
    {
        ArgumentNullException.ThrowIfNull(column);
        var prefix = MaxIndexKeyBytes / 4 / Math.Max(1, indexColumns);
        var type = column.Type;
        var needs = type.Kind switch
        {
            DataTypeKind.Text => true,
            DataTypeKind.String or DataTypeKind.Binary => type.Length is not { } length || length > prefix,
            _ => false,
        };
        return needs ? prefix : null;
    }
}

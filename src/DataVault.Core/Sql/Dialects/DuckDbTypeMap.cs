using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// DuckDB's types: <c>VARCHAR</c> for text (a length is accepted but not enforced), <c>DECIMAL(p,s)</c> up to 38
/// digits, <c>TIME</c> and <c>TIMESTAMP</c> with microseconds (neither takes a precision), <c>UUID</c>, <c>BLOB</c>.
/// </summary>
internal sealed class DuckDbTypeMap : SqlTypeMap
{
    public DuckDbTypeMap()
    {
        Map(DataTypeKind.Text, "VARCHAR");
        Map(DataTypeKind.Time, "TIME");
        Map(DataTypeKind.Timestamp, "TIMESTAMP");
        NativeUuidHashType = "UUID";
    }
}

using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>PostgreSQL's types: <c>NUMERIC(p,s)</c>, <c>BYTEA</c>, and <c>UUID</c> for binary MD5 keys where asked.</summary>
internal sealed class PostgreSqlTypeMap : SqlTypeMap
{
    public PostgreSqlTypeMap()
    {
        Map(DataTypeKind.Decimal, "NUMERIC($p,$s)");
        Map(DataTypeKind.Binary, "BYTEA");
        BinaryHashType = "BYTEA";
        NativeUuidHashType = "UUID";
    }
}

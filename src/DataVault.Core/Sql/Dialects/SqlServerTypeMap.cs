using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// <c>NVARCHAR(n)</c> (<c>NVARCHAR(MAX)</c> above 4000 characters and for text), <c>INT</c>, <c>BIGINT</c>,
/// <c>DECIMAL(p,s)</c>, <c>DATE</c>, <c>TIME(6)</c>, <c>DATETIME2(6)</c>, <c>BIT</c>, <c>UNIQUEIDENTIFIER</c>,
/// <c>VARBINARY(n)</c> (<c>VARBINARY(MAX)</c> above 8000 bytes or without a length); binary hash columns
/// <c>BINARY(n)</c> — never <c>UNIQUEIDENTIFIER</c>, whose bytes SQL Server sorts and prints in a mixed order.
/// </summary>
internal sealed class SqlServerTypeMap : SqlTypeMap
{
    public SqlServerTypeMap()
    {
        Map(DataTypeKind.String, "NVARCHAR($len)", upTo: 4000);
        Map(DataTypeKind.String, "NVARCHAR(MAX)");
        Map(DataTypeKind.Text, "NVARCHAR(MAX)");
        Map(DataTypeKind.Int, "INT");
        Map(DataTypeKind.Timestamp, "DATETIME2(6)");
        Map(DataTypeKind.Boolean, "BIT");
        Map(DataTypeKind.Guid, "UNIQUEIDENTIFIER");
        Map(DataTypeKind.Binary, "VARBINARY($len)", upTo: 8000);
        Map(DataTypeKind.Binary, "VARBINARY(MAX)");
        BinaryHashType = "BINARY($len)";
    }
}

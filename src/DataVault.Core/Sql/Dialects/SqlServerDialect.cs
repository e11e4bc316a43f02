using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>SQL Server (SQL Server 2019+).</summary>
public class SqlServerDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "SQL Server";

    /// <inheritdoc />
    public override string CanonicalText(string expression, DataType type) => throw Unsupported("canonical text", "not written yet");

    /// <inheritdoc />
    public override string HashHex(HashAlgorithmKind algorithm, string input) => throw Unsupported("in-database hashing", "not written yet");

    /// <inheritdoc />
    public override string HexToBinary(string hex) => throw Unsupported("binary hash keys", "not written yet");
}

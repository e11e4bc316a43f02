using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>MariaDB/MySQL (MariaDB 10.11 / MySQL 8+).</summary>
public class MySqlDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "MariaDB/MySQL";

    /// <inheritdoc />
    public override string CanonicalText(string expression, DataType type) => throw Unsupported("canonical text", "not written yet");

    /// <inheritdoc />
    public override string HashHex(HashAlgorithmKind algorithm, string input) => throw Unsupported("in-database hashing", "not written yet");

    /// <inheritdoc />
    public override string HexToBinary(string hex) => throw Unsupported("binary hash keys", "not written yet");
}

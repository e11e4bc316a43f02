using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>DuckDB (DuckDB 1.1+).</summary>
public class DuckDbDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "DuckDB";

    /// <inheritdoc />
    public override string CanonicalText(string expression, DataType type) => throw Unsupported("canonical text", "not written yet");

    /// <inheritdoc />
    public override string HashHex(HashAlgorithmKind algorithm, string input) => throw Unsupported("in-database hashing", "not written yet");

    /// <inheritdoc />
    public override string HexToBinary(string hex) => throw Unsupported("binary hash keys", "not written yet");
}

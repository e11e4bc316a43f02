using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// A column type as a dialect writes it, kept typed: the portable <see cref="Type"/> it stands for (its length,
/// precision, scale) and the SQL <see cref="Text"/> rendered from it by the <see cref="SqlTypeMap"/>. Hash columns
/// carry the portable form of their values: <c>string(32)</c> for MD5 hex, <c>binary(16)</c> for MD5 bytes, <c>guid</c>
/// for a native UUID.
/// </summary>
/// <param name="Type">The portable type.</param>
/// <param name="Text">The SQL type text, e.g. <c>VARCHAR(50)</c>.</param>
public sealed record SqlType(DataType Type, string Text)
{
    /// <summary>The SQL text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

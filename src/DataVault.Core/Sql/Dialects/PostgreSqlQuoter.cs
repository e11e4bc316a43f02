namespace DataVault.Core.Sql.Dialects;

/// <summary>A constant with a backslash as an escape string (<c>E'\\'</c>), which means one backslash whatever <c>standard_conforming_strings</c> says.</summary>
internal sealed class PostgreSqlQuoter : SqlQuoter
{
    public override string StringLiteral(string value)
    {
        var literal = base.StringLiteral(value);
        return value.Contains('\\', StringComparison.Ordinal) ? "E" + literal.Replace("\\", "\\\\", StringComparison.Ordinal) : literal;
    }
}

using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>A SQL expression with the portable type of its value, e.g. a quoted staging column to hash.</summary>
/// <param name="Expression">The SQL expression.</param>
/// <param name="Type">The portable type of its value.</param>
public sealed record TypedExpression(string Expression, DataType Type);

using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// In-database hashing: a hashing standard written as SQL, so that the engine computes exactly the bytes the C#
/// engine computes. The standardisation is the standard's plan (docs/hashing.md), each step one of the dialect's
/// <see cref="SqlPrimitives"/>; then the NULL token, the join, the hash and the all-NULL rule.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// One part of a key or diff, standardised: canonical text, then the standard's plan (trim, empty ⇒ NULL, escape,
    /// casing, control characters). NULL when the part is NULL.
    /// </summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff (the casing differs).</param>
    /// <param name="expression">The value's SQL expression.</param>
    /// <param name="type">Its portable type.</param>
    /// <returns>A text expression.</returns>
    /// <exception cref="ArgumentException">The standard is invalid.</exception>
    public string StandardizedPart(HashingStandard standard, HashPurpose purpose, string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(type);
        return _hashing.StandardizedPart(standard, purpose, expression, type);
    }

    /// <summary>
    /// Joins standardised parts (from <see cref="StandardizedPart"/>) with the delimiter, NULL parts as the NULL token
    /// (a diff's trailing NULLs left out where the standard says so), hashes the result and applies the all-NULL rule,
    /// in the standard's output form.
    /// </summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="parts">Standardised part expressions, in hashing order.</param>
    /// <returns>An expression of the stored key or diff.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">The engine cannot compute the standard's algorithm.</exception>
    public string HashOfParts(HashingStandard standard, HashPurpose purpose, IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(parts);
        return _hashing.HashOfParts(standard, purpose, parts);
    }

    /// <summary>The whole hash of typed value expressions: <see cref="StandardizedPart"/> of each, then <see cref="HashOfParts"/>.</summary>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="parts">The value expressions and their types, in hashing order.</param>
    /// <returns>An expression of the stored key or diff.</returns>
    public string HashExpression(HashingStandard standard, HashPurpose purpose, IReadOnlyList<TypedExpression> parts)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(parts);
        return _hashing.HashOfParts(standard, purpose, [.. parts.Select(p => _hashing.StandardizedPart(standard, purpose, p.Expression, p.Type))]);
    }

    /// <summary>
    /// A query that hashes the rows of a table in the database: <c>SELECT id, hash FROM (SELECT id, part1, ...) ORDER BY id</c>.
    /// The standardised parts are computed once in the inner query, so the SQL stays small for wide rows.
    /// </summary>
    /// <param name="table">The table holding the values.</param>
    /// <param name="idColumn">A column identifying the row, returned first.</param>
    /// <param name="standard">The hashing standard.</param>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="columns">The value columns, in hashing order.</param>
    /// <returns>The query; its second column is named <c>dv_hash</c>.</returns>
    public SqlStatement SelectHashes(string table, string idColumn, HashingStandard standard, HashPurpose purpose, IReadOnlyList<ColumnDefinition> columns)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(columns);
        return _hashing.SelectHashes(table, idColumn, standard, purpose, columns);
    }
}

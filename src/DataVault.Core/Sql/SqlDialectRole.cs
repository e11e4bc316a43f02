namespace DataVault.Core.Sql;

/// <summary>
/// A part of a <see cref="SqlDialect"/> — its <see cref="SqlQuoter"/>, <see cref="SqlTypeMap"/> or
/// <see cref="SqlPrimitives"/>. A role serves the one dialect it is composed into, and may use that dialect's other
/// roles (the primitives write constants with the dialect's quoter, for example).
/// </summary>
public abstract class SqlDialectRole
{
    private SqlDialect? _dialect;

    /// <summary>The dialect this role is part of.</summary>
    /// <exception cref="InvalidOperationException">The role is not part of a dialect yet.</exception>
    protected SqlDialect Dialect => _dialect ?? throw new InvalidOperationException($"This {GetType().Name} is not part of a dialect yet: pass it to the SqlDialect constructor.");

    /// <summary>The exception for a feature the engine lacks.</summary>
    /// <param name="feature">What was asked for.</param>
    /// <param name="reason">Why not, and what to do instead.</param>
    /// <returns>The exception, to throw.</returns>
    protected UnsupportedSqlFeatureException Unsupported(string feature, string reason) => new(Dialect.Name, feature, reason);

    /// <summary>Makes this role part of <paramref name="dialect"/>; a role serves one dialect only.</summary>
    internal void AttachTo(SqlDialect dialect)
    {
        if (_dialect is not null && !ReferenceEquals(_dialect, dialect))
        {
            throw new InvalidOperationException($"This {GetType().Name} is already part of the dialect {_dialect.Name}: create one per dialect.");
        }

        _dialect = dialect;
    }
}

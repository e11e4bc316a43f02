using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Rehashing;

/// <summary>
/// A value as a provider reads it back from a vault table, turned into the loader's CLR value of its column's type —
/// so that it hashes exactly as it did when it was loaded: SQLite's text dates and numeric affinities, decimals at their
/// declared scale.
/// </summary>
internal static class StoredValue
{
    /// <summary>A value as stored, to write back or compare: NULL for <see cref="DBNull"/> (<see cref="Execution.VaultSession.QueryAsync"/> has read BLOB streams into bytes already).</summary>
    public static object? Raw(object? value) => value is DBNull ? null : value;

    /// <summary>The value as the loader's CLR value of <paramref name="type"/>.</summary>
    /// <exception cref="DataVaultRehashException">The stored value does not read back as its type.</exception>
    public static object? Typed(object? value, DataType type, SqlTypeMap types, string table, string column)
    {
        value = Raw(value);
        if (value is null)
        {
            return null;
        }

        if (type.Kind == DataTypeKind.Decimal)
        {
            return types.ReadDecimal(value, type);
        }

        if (ValueConverter.TryConvert(value, type, out var typed) is { } problem)
        {
            throw new DataVaultRehashException($"{table}.{column}: the stored value '{value}' {problem}; it cannot be hashed as {type}.");
        }

        return typed;
    }
}

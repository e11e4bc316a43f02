using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Providers;

/// <summary>
/// The base of a provider's <see cref="IStagingWriterFactory"/>: recognises the provider's connection type, checks that
/// the batch's transaction is that provider's, and leaves only the construction of the writer to the provider.
/// </summary>
/// <remarks>
/// <see cref="TryCreate"/> returns <see langword="null"/> for a connection of another type, so that the loader asks its
/// next factory (and finally falls back to <see cref="CommandStagingWriter"/>). Two factories of the same type are equal:
/// they create the same writers; a factory with settings overrides <see cref="Equals(object)"/> to compare them too.
/// </remarks>
/// <typeparam name="TConnection">The provider's connection type, e.g. <c>NpgsqlConnection</c>.</typeparam>
/// <typeparam name="TTransaction">The provider's transaction type, e.g. <c>NpgsqlTransaction</c>.</typeparam>
public abstract class StagingWriterFactory<TConnection, TTransaction> : IStagingWriterFactory
    where TConnection : DbConnection
    where TTransaction : DbTransaction
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>, or it is this provider's and <paramref name="transaction"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection is this provider's, but the transaction is not a <typeparamref name="TTransaction"/>.</exception>
    public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is not TConnection typed)
        {
            return null;
        }

        ArgumentNullException.ThrowIfNull(transaction);
        return transaction is TTransaction typedTransaction
            ? Create(typed, typedTransaction, dialect)
            : throw new ArgumentException(
                $"The transaction is of type {transaction.GetType().Name}, not {typeof(TTransaction).Name}: it is not a transaction of this {typeof(TConnection).Name}.",
                nameof(transaction));
    }

    /// <summary>Two factories of the same type create the same writers.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns><see langword="true"/> if <paramref name="obj"/> is a factory of exactly this type.</returns>
    public override bool Equals(object? obj) => obj is not null && obj.GetType() == GetType();

    /// <inheritdoc />
    public override int GetHashCode() => GetType().GetHashCode();

    /// <summary>Creates the writer (the connection is the provider's; the writer's constructor checks the rest).</summary>
    /// <param name="connection">The open connection of the batch.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="dialect">The dialect of the batch.</param>
    /// <returns>The writer.</returns>
    protected abstract IStagingWriter Create(TConnection connection, TTransaction transaction, SqlDialect dialect);
}

using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Providers;

/// <summary>
/// The checks every provider staging writer makes on the arguments of its constructor, in one place: a writer runs
/// every statement in the batch's transaction, so that transaction must be an open one of the writer's connection.
/// </summary>
public static class StagingWriterArguments
{
    /// <summary>Throws unless every argument is given and <paramref name="transaction"/> belongs to <paramref name="connection"/>.</summary>
    /// <param name="connection">The writer's open connection.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="dialect">The dialect of the batch.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction does not belong to <paramref name="connection"/> (or is no longer open).</exception>
    public static void ThrowIfInvalid(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(dialect);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction is not an open transaction of this connection.", nameof(transaction));
        }
    }
}

using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using Npgsql;

namespace DataVault.PostgreSql;

/// <summary>
/// Creates an <see cref="NpgsqlCopyStagingWriter"/> (binary <c>COPY</c>) for Npgsql connections; for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory.
/// </summary>
/// <example>
/// <code>
/// var options = new LoadOptions { StagingWriters = [new NpgsqlCopyStagingWriterFactory()] };
/// </code>
/// </example>
public sealed class NpgsqlCopyStagingWriterFactory : IStagingWriterFactory
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction is not an open transaction of <paramref name="connection"/>.</exception>
    public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is not NpgsqlConnection npgsql)
        {
            return null;
        }

        return new NpgsqlCopyStagingWriter(npgsql, transaction as NpgsqlTransaction ?? throw NotItsTransaction(transaction), dialect);
    }

    private static ArgumentException NotItsTransaction(DbTransaction? transaction) =>
        transaction is null
            ? new ArgumentNullException(nameof(transaction))
            : new ArgumentException($"The transaction is a {transaction.GetType().Name}, not an NpgsqlTransaction of the connection.", nameof(transaction));
}

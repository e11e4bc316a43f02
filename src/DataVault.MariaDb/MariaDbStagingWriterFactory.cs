using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.MariaDb;

/// <summary>
/// Creates a <see cref="MariaDbStagingWriter"/> for MySqlConnector connections (MariaDB and MySQL); for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory.
/// </summary>
/// <example>
/// <code>
/// var options = new LoadOptions { StagingWriters = [new MariaDbStagingWriterFactory()] };
/// </code>
/// </example>
/// <param name="options">The writers' options, or <see langword="null"/> for <see cref="MariaDbStagingOptions.Default"/>.</param>
public sealed class MariaDbStagingWriterFactory(MariaDbStagingOptions? options = null) : IStagingWriterFactory
{
    /// <summary>The options every writer of this factory gets.</summary>
    public MariaDbStagingOptions Options { get; } = options ?? MariaDbStagingOptions.Default;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction is not an open transaction of <paramref name="connection"/>.</exception>
    public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is not MySqlConnection mySql)
        {
            return null;
        }

        return new MariaDbStagingWriter(mySql, transaction as MySqlTransaction ?? throw NotItsTransaction(transaction), dialect, Options);
    }

    private static ArgumentException NotItsTransaction(DbTransaction? transaction) =>
        transaction is null
            ? new ArgumentNullException(nameof(transaction))
            : new ArgumentException($"The transaction is a {transaction.GetType().Name}, not a MySqlTransaction of the connection.", nameof(transaction));
}

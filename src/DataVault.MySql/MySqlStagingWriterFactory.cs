using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.MySql;

/// <summary>
/// Creates a <see cref="MySqlStagingWriter"/> for MySqlConnector connections (MariaDB and MySQL); for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory.
/// </summary>
/// <example>
/// <code>
/// var options = new LoadOptions { StagingWriters = [new MySqlStagingWriterFactory()] };
/// </code>
/// </example>
/// <param name="options">The writers' options, or <see langword="null"/> for <see cref="MySqlStagingOptions.Default"/>.</param>
public sealed class MySqlStagingWriterFactory(MySqlStagingOptions? options = null) : IStagingWriterFactory
{
    /// <summary>The options every writer of this factory gets.</summary>
    public MySqlStagingOptions Options { get; } = options ?? MySqlStagingOptions.Default;

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

        return new MySqlStagingWriter(mySql, transaction as MySqlTransaction ?? throw NotItsTransaction(transaction), dialect, Options);
    }

    private static ArgumentException NotItsTransaction(DbTransaction? transaction) =>
        transaction is null
            ? new ArgumentNullException(nameof(transaction))
            : new ArgumentException($"The transaction is a {transaction.GetType().Name}, not a MySqlTransaction of the connection.", nameof(transaction));
}

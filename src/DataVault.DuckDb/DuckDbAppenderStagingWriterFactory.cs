using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using DuckDB.NET.Data;

namespace DataVault.DuckDb;

/// <summary>
/// Creates a <see cref="DuckDbAppenderStagingWriter"/> (DuckDB's appender) for DuckDB.NET connections; for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory.
/// </summary>
/// <example>
/// <code>
/// var options = new LoadOptions { StagingWriters = [new DuckDbAppenderStagingWriterFactory()] };
/// </code>
/// </example>
public sealed class DuckDbAppenderStagingWriterFactory : IStagingWriterFactory
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction is not an open transaction of <paramref name="connection"/>.</exception>
    public IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is not DuckDBConnection duckDb)
        {
            return null;
        }

        return new DuckDbAppenderStagingWriter(duckDb, transaction as DuckDBTransaction ?? throw NotItsTransaction(transaction), dialect);
    }

    private static ArgumentException NotItsTransaction(DbTransaction? transaction) =>
        transaction is null
            ? new ArgumentNullException(nameof(transaction))
            : new ArgumentException($"The transaction is a {transaction.GetType().Name}, not a DuckDBTransaction of the connection.", nameof(transaction));
}

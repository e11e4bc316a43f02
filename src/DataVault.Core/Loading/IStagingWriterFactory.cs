using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading;

/// <summary>
/// Creates a provider's fast staging writer (binary COPY, bulk copy, appender) for connections it recognises.
/// Provider packages (DataVault.PostgreSql, DataVault.MariaDb, DataVault.DuckDb) ship one each; the loader asks its
/// factories in order and falls back to <see cref="CommandStagingWriter"/>, which works on any ADO.NET provider.
/// </summary>
public interface IStagingWriterFactory
{
    /// <summary>Creates a writer for <paramref name="connection"/>, or returns <see langword="null"/> if the connection is not this provider's.</summary>
    /// <param name="connection">The open connection of the batch.</param>
    /// <param name="transaction">The batch's transaction; every write must enlist in it.</param>
    /// <param name="dialect">The dialect of the batch.</param>
    /// <returns>A writer, or <see langword="null"/>.</returns>
    IStagingWriter? TryCreate(DbConnection connection, DbTransaction transaction, SqlDialect dialect);
}

using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using DuckDB.NET.Data;

namespace DataVault.DuckDb;

/// <summary>
/// Creates a <see cref="DuckDbAppenderStagingWriter"/> (DuckDB's appender) for DuckDB.NET connections; for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory. <see cref="DuckDbProvider.Default"/>
/// pairs it with the DuckDB dialect (and <c>UseDuckDb()</c> registers both).
/// </summary>
/// <example>
/// <code>
/// var loader = DuckDbProvider.Default.CreateLoader(connection, model);   // this factory and SqlDialects.DuckDb
/// </code>
/// </example>
public sealed class DuckDbAppenderStagingWriterFactory : StagingWriterFactory<DuckDBConnection, DuckDBTransaction>
{
    /// <inheritdoc />
    protected override IStagingWriter Create(DuckDBConnection connection, DuckDBTransaction transaction, SqlDialect dialect) =>
        new DuckDbAppenderStagingWriter(connection, transaction, dialect);
}

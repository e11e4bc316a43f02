using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;

namespace DataVault.DuckDb;

/// <summary>DuckDB (DuckDB.NET) as a <see cref="DataVaultProvider"/>: the DuckDB dialect and appender staging.</summary>
/// <example>
/// <code>
/// var loader = DuckDbProvider.Default.CreateLoader(duckDbConnection, model);
/// // with dependency injection: services.AddDataVault(model, sp => new DuckDBConnection("Data Source=vault.duckdb")).UseDuckDb();
/// </code>
/// </example>
public static class DuckDbProvider
{
    /// <summary>The provider: <see cref="SqlDialects.DuckDb"/> with the <see cref="DuckDbAppenderStagingWriterFactory"/>.</summary>
    public static DataVaultProvider Default { get; } = new(SqlDialects.DuckDb, new DuckDbAppenderStagingWriterFactory());
}

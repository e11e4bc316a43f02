using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;

namespace DataVault.PostgreSql;

/// <summary>PostgreSQL (Npgsql) as a <see cref="DataVaultProvider"/>: the PostgreSQL dialect and binary <c>COPY</c> staging.</summary>
/// <example>
/// <code>
/// var loader = PostgreSqlProvider.Default.CreateLoader(npgsqlConnection, model);
/// // with dependency injection: services.AddDataVault(model, sp => new NpgsqlConnection(connectionString)).UsePostgreSql();
/// </code>
/// </example>
public static class PostgreSqlProvider
{
    /// <summary>The provider: <see cref="SqlDialects.PostgreSql"/> with the <see cref="NpgsqlCopyStagingWriterFactory"/>.</summary>
    public static DataVaultProvider Default { get; } = new(SqlDialects.PostgreSql, new NpgsqlCopyStagingWriterFactory());
}

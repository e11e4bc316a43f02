using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using Npgsql;

namespace DataVault.PostgreSql;

/// <summary>
/// Creates an <see cref="NpgsqlCopyStagingWriter"/> (binary <c>COPY</c>) for Npgsql connections; for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory. <see cref="PostgreSqlProvider.Default"/>
/// pairs it with the PostgreSQL dialect (and <c>UsePostgreSql()</c> registers both).
/// </summary>
/// <example>
/// <code>
/// var loader = PostgreSqlProvider.Default.CreateLoader(connection, model);   // this factory and SqlDialects.PostgreSql
/// </code>
/// </example>
public sealed class NpgsqlCopyStagingWriterFactory : StagingWriterFactory<NpgsqlConnection, NpgsqlTransaction>
{
    /// <inheritdoc />
    protected override IStagingWriter Create(NpgsqlConnection connection, NpgsqlTransaction transaction, SqlDialect dialect) =>
        new NpgsqlCopyStagingWriter(connection, transaction, dialect);
}

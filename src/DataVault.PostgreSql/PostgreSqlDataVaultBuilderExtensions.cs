using DataVault.Core.DependencyInjection;
using DataVault.PostgreSql;

#pragma warning disable IDE0130 // The Microsoft.Extensions convention: builder extensions live in this namespace, found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Plugs PostgreSQL into <c>services.AddDataVault(...)</c>.</summary>
public static class PostgreSqlDataVaultBuilderExtensions
{
    /// <summary>
    /// Uses PostgreSQL (<see cref="PostgreSqlProvider.Default"/>): registers the PostgreSQL dialect and stages with Npgsql's
    /// binary <c>COPY</c>.
    /// </summary>
    /// <param name="builder">The builder that <c>AddDataVault</c> returned.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Another provider is already used, the dialect given to <c>AddDataVault</c> is not PostgreSQL's, or the services were already resolved.</exception>
    public static DataVaultBuilder UsePostgreSql(this DataVaultBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseProvider(PostgreSqlProvider.Default);
    }
}

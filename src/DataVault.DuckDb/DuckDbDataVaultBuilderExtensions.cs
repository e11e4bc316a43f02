using DataVault.Core.DependencyInjection;
using DataVault.DuckDb;

#pragma warning disable IDE0130 // The Microsoft.Extensions convention: builder extensions live in this namespace, found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Plugs DuckDB into <c>services.AddDataVault(...)</c>.</summary>
public static class DuckDbDataVaultBuilderExtensions
{
    /// <summary>Uses DuckDB (<see cref="DuckDbProvider.Default"/>): registers the DuckDB dialect and stages with DuckDB's appender.</summary>
    /// <param name="builder">The builder that <c>AddDataVault</c> returned.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Another provider is already used, the dialect given to <c>AddDataVault</c> is not DuckDB's, or the services were already resolved.</exception>
    public static DataVaultBuilder UseDuckDb(this DataVaultBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseProvider(DuckDbProvider.Default);
    }
}

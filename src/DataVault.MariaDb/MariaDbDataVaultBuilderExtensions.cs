using DataVault.Core.DependencyInjection;
using DataVault.MariaDb;

#pragma warning disable IDE0130 // The Microsoft.Extensions convention: builder extensions live in this namespace, found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Plugs MariaDB or MySQL into <c>services.AddDataVault(...)</c>.</summary>
public static class MariaDbDataVaultBuilderExtensions
{
    /// <summary>
    /// Uses MariaDB (<see cref="MariaDbProvider"/>): registers the MariaDB dialect and stages with the
    /// <see cref="MariaDbStagingWriter"/> (prepared multi-row <c>INSERT</c>s, or <c>MySqlBulkCopy</c> where allowed).
    /// </summary>
    /// <param name="builder">The builder that <c>AddDataVault</c> returned.</param>
    /// <param name="options">The staging options, or <see langword="null"/> for <see cref="MariaDbStagingOptions.Default"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Another provider (or MariaDB with other staging options) is already used, the dialect given to <c>AddDataVault</c>
    /// is not MariaDB's, or the services were already resolved.
    /// </exception>
    public static DataVaultBuilder UseMariaDb(this DataVaultBuilder builder, MariaDbStagingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseProvider(options is null ? MariaDbProvider.Default : MariaDbProvider.Create(options));
    }

    /// <summary>
    /// Uses MySQL: the same as <see cref="UseMariaDb"/> — one dialect and one staging writer serve MariaDB and MySQL
    /// (the engine is named MariaDB, the one the tests run on). Calling both with the same options is harmless.
    /// </summary>
    /// <param name="builder">The builder that <c>AddDataVault</c> returned.</param>
    /// <param name="options">The staging options, or <see langword="null"/> for <see cref="MariaDbStagingOptions.Default"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">As for <see cref="UseMariaDb"/>.</exception>
    public static DataVaultBuilder UseMySql(this DataVaultBuilder builder, MariaDbStagingOptions? options = null) =>
        builder.UseMariaDb(options);
}

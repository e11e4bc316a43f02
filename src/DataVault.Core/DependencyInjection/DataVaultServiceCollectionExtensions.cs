using System.Data.Common;
using DataVault.Core.DependencyInjection;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

#pragma warning disable IDE0130 // The Microsoft.Extensions convention: registration methods live in this namespace.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers DataVault.Core with Microsoft.Extensions.DependencyInjection.</summary>
public static class DataVaultServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model, the dialect and a <see cref="VaultLoaderFactory"/> (singletons, added only if absent).
    /// Loggers come from the container's <see cref="ILoggerFactory"/> when there is one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="dialect">The dialect of its database, e.g. <see cref="SqlDialects.PostgreSql"/>.</param>
    /// <param name="connectionFactory">Creates a new connection to the vault's database.</param>
    /// <param name="configure">Configures load options and staging writers, or <see langword="null"/>.</param>
    /// <returns>The builder, for more configuration.</returns>
    public static DataVaultBuilder AddDataVault(
        this IServiceCollection services,
        DataVaultModel model,
        SqlDialect dialect,
        Func<IServiceProvider, DbConnection> connectionFactory,
        Action<DataVaultBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(connectionFactory);
        var builder = new DataVaultBuilder(services);
        configure?.Invoke(builder);
        services.TryAddSingleton(model);
        services.TryAddSingleton(dialect);
        services.TryAddSingleton(provider => new VaultLoaderFactory(
            model,
            dialect,
            builder.Options with { StagingWriters = [.. builder.Options.StagingWriters, .. builder.StagingWriters] },
            () => connectionFactory(provider),
            provider.GetService(typeof(ILoggerFactory)) as ILoggerFactory));
        return builder;
    }
}

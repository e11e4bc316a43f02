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
    /// Registers the model, the dialect and a <see cref="VaultLoaderFactory"/> (singletons, added only if absent) for the
    /// database provider that a <c>Use…()</c> call on the returned builder names:
    /// <c>services.AddDataVault(model, connectionFactory).UsePostgreSql()</c>. Loggers come from the container's
    /// <see cref="ILoggerFactory"/> when there is one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="connectionFactory">Creates a new connection to the vault's database.</param>
    /// <returns>The builder: call one <c>Use…()</c> method on it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// Without a <c>Use…()</c> call, resolving the dialect or the loader factory throws an
    /// <see cref="InvalidOperationException"/> that names the <c>Use…()</c> methods.
    /// </remarks>
    public static DataVaultBuilder AddDataVault(this IServiceCollection services, DataVaultModel model, Func<IServiceProvider, DbConnection> connectionFactory) =>
        services.AddDataVault(model, connectionFactory, _ => { });

    /// <summary>
    /// Registers the model, the dialect and a <see cref="VaultLoaderFactory"/> (singletons, added only if absent) for the
    /// database provider that a <c>Use…()</c> call in <paramref name="configure"/> names:
    /// <c>services.AddDataVault(model, connectionFactory, dv => dv.UsePostgreSql().UseLoadOptions(options))</c>.
    /// Loggers come from the container's <see cref="ILoggerFactory"/> when there is one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="connectionFactory">Creates a new connection to the vault's database.</param>
    /// <param name="configure">Chooses the provider and configures load options and staging writers.</param>
    /// <returns>The builder, for more configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// Without a <c>Use…()</c> call, resolving the dialect or the loader factory throws an
    /// <see cref="InvalidOperationException"/> that names the <c>Use…()</c> methods.
    /// </remarks>
    public static DataVaultBuilder AddDataVault(
        this IServiceCollection services,
        DataVaultModel model,
        Func<IServiceProvider, DbConnection> connectionFactory,
        Action<DataVaultBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(connectionFactory);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DataVaultBuilder(services, dialect: null);
        configure(builder);
        services.TryAddSingleton(model);
        services.TryAddSingleton(_ => builder.Dialect);
        Register(services, model, connectionFactory, builder);
        return builder;
    }

    /// <summary>
    /// Registers the model, the dialect and a <see cref="VaultLoaderFactory"/> (singletons, added only if absent).
    /// Loggers come from the container's <see cref="ILoggerFactory"/> when there is one. A <c>Use…()</c> call on the
    /// builder may add the provider's staging writer; it must name a provider of the same dialect.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="dialect">The dialect of its database, e.g. <see cref="SqlDialects.PostgreSql"/>.</param>
    /// <param name="connectionFactory">Creates a new connection to the vault's database.</param>
    /// <param name="configure">Configures load options and staging writers, or <see langword="null"/>.</param>
    /// <returns>The builder, for more configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="configure"/> is <see langword="null"/>.</exception>
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
        var builder = new DataVaultBuilder(services, dialect);
        configure?.Invoke(builder);
        services.TryAddSingleton(model);
        services.TryAddSingleton(dialect);
        Register(services, model, connectionFactory, builder);
        return builder;
    }

    /// <summary>The loader factory, built from the builder when it is first resolved (so later builder calls count).</summary>
    private static void Register(IServiceCollection services, DataVaultModel model, Func<IServiceProvider, DbConnection> connectionFactory, DataVaultBuilder builder) =>
        services.TryAddSingleton(provider => new VaultLoaderFactory(
            model,
            builder.Dialect,
            builder.Build(),
            () => connectionFactory(provider),
            provider.GetService(typeof(ILoggerFactory)) as ILoggerFactory));
}

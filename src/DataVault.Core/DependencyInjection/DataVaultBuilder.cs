using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using Microsoft.Extensions.DependencyInjection;

namespace DataVault.Core.DependencyInjection;

/// <summary>
/// Configures the DataVault services registered by <c>services.AddDataVault(...)</c>:
/// the provider (the engine's dialect and fast staging writer), the load options and extra staging writers.
/// </summary>
/// <remarks>
/// Every setting is checked when it is added: a second <c>Use…()</c> that would change what an earlier one set is an
/// <see cref="InvalidOperationException"/>, never a silent override, and so is any change after the container has
/// created the <see cref="VaultLoaderFactory"/> (it would not be seen). Repeating a call with the same settings changes
/// nothing. The provider packages add their <c>Use…()</c> methods as extensions that call <see cref="UseProvider"/>.
/// </remarks>
public sealed class DataVaultBuilder
{
    private readonly List<IStagingWriterFactory> _stagingWriters = [];
    private readonly SqlDialect? _dialect;
    private DataVaultProvider? _provider;
    private LoadOptions? _options;
    private bool _built;

    internal DataVaultBuilder(IServiceCollection services, SqlDialect? dialect)
    {
        Services = services;
        _dialect = dialect;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The dialect: the provider's, else the one given to <c>AddDataVault</c>.</summary>
    /// <exception cref="InvalidOperationException">Neither was given.</exception>
    internal SqlDialect Dialect => _provider?.Dialect ?? _dialect ?? throw new InvalidOperationException(
        "AddDataVault(model, connectionFactory) was given no database provider. Call one Use…() method on its builder — " +
        "UseSqlite(), or UsePostgreSql(), UseMariaDb(), UseDuckDb() from the packages DataVault.PostgreSql, " +
        "DataVault.MariaDb and DataVault.DuckDb — or pass the dialect: AddDataVault(model, dialect, connectionFactory).");

    /// <summary>Uses a database provider: its dialect and its fast staging writer.</summary>
    /// <param name="provider">The provider, e.g. <see cref="SqliteProvider.Default"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Another provider (or the same one with other settings) is already used, the dialect given to <c>AddDataVault</c>
    /// is not the provider's, or the services were already resolved.
    /// </exception>
    public DataVaultBuilder UseProvider(DataVaultProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ThrowIfBuilt();
        if (_provider is not null)
        {
            if (_provider.IsSameAs(provider))
            {
                return this;
            }

            throw new InvalidOperationException(ReferenceEquals(_provider.Dialect, provider.Dialect)
                ? $"This DataVault registration already uses the {_provider.Name} provider with other settings (staging writer {Describe(_provider.StagingWriter)}, now {Describe(provider.StagingWriter)}). Configure the provider once."
                : $"This DataVault registration already uses the {_provider.Name} provider; it cannot also use {provider.Name}. Call one Use…() method per AddDataVault (register a second vault in its own container).");
        }

        if (_dialect is not null && !ReferenceEquals(_dialect, provider.Dialect))
        {
            throw new InvalidOperationException(
                $"AddDataVault was given the {_dialect.Name} dialect, but the {provider.Name} provider writes {provider.Dialect.Name} SQL. Pass no dialect (AddDataVault(model, connectionFactory)) and let the provider bring it.");
        }

        _provider = provider;
        return this;
    }

    /// <summary>Uses SQLite (<see cref="SqliteProvider.Default"/>): its dialect, staged with the generic writer, SQLite's fast path.</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Another provider is already used, or the services were already resolved.</exception>
    public DataVaultBuilder UseSqlite() => UseProvider(SqliteProvider.Default);

    /// <summary>Sets the load options (staging writers added with <see cref="AddStagingWriter"/> and the provider's are appended to them).</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (for example a chunk size below 1).</exception>
    /// <exception cref="InvalidOperationException">Other load options were already set, or the services were already resolved.</exception>
    public DataVaultBuilder UseLoadOptions(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfBuilt();
        options.Validate();
        if (_options is not null && _options != options)
        {
            throw new InvalidOperationException("This DataVault registration already has other load options. Set them once, with every setting: UseLoadOptions(LoadOptions.Default with { ... }).");
        }

        _options = options;
        return this;
    }

    /// <summary>
    /// Adds a staging writer, asked before the provider's (e.g. a decorator that measures the provider's writer). A
    /// <c>Use…()</c> method is the usual way to get a provider's fast path.
    /// </summary>
    /// <param name="factory">The factory.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The services were already resolved.</exception>
    public DataVaultBuilder AddStagingWriter(IStagingWriterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ThrowIfBuilt();
        _stagingWriters.Add(factory);
        return this;
    }

    /// <summary>
    /// The load options the loaders get: the options set, then the added writers, then the provider's writer. Freezes
    /// the builder: a later change would not reach the loaders.
    /// </summary>
    internal LoadOptions Build()
    {
        _built = true;
        var options = _options ?? LoadOptions.Default;
        if (_stagingWriters.Count > 0)
        {
            options = options with { StagingWriters = [.. options.StagingWriters, .. _stagingWriters] };
        }

        return _provider?.ApplyTo(options) ?? options;
    }

    private static string Describe(IStagingWriterFactory? factory) => factory?.GetType().Name ?? "none";

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The DataVault services were already resolved from the container; configure the builder before the service provider is built.");
        }
    }
}

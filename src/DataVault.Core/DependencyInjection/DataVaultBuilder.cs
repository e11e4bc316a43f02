using DataVault.Core.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace DataVault.Core.DependencyInjection;

/// <summary>Configures DataVault services registered by <see cref="DataVaultServiceCollectionExtensions.AddDataVault"/>.</summary>
public sealed class DataVaultBuilder
{
    private readonly List<IStagingWriterFactory> _stagingWriters = [];

    internal DataVaultBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    internal LoadOptions Options { get; private set; } = LoadOptions.Default;

    internal IReadOnlyList<IStagingWriterFactory> StagingWriters => _stagingWriters;

    /// <summary>Sets the load options (staging writers added with <see cref="AddStagingWriter"/> are appended to them).</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public DataVaultBuilder UseLoadOptions(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        return this;
    }

    /// <summary>Adds a provider fast path for staging (e.g. Npgsql binary COPY from DataVault.PostgreSql).</summary>
    /// <param name="factory">The factory.</param>
    /// <returns>This builder.</returns>
    public DataVaultBuilder AddStagingWriter(IStagingWriterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _stagingWriters.Add(factory);
        return this;
    }
}

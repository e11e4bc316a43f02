using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Microsoft.Extensions.Logging;

namespace DataVault.Core.DependencyInjection;

/// <summary>
/// Creates <see cref="VaultLoader"/>s for the registered model, dialect, options and connections — the service DI users
/// inject. Thread-safe; each loader it creates serves one connection.
/// </summary>
public sealed class VaultLoaderFactory
{
    private readonly Func<DbConnection> _connectionFactory;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates the factory.</summary>
    /// <param name="model">The vault's model.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">Load options.</param>
    /// <param name="connectionFactory">Creates a new (closed) connection to the vault's database.</param>
    /// <param name="loggerFactory">Creates the loaders' loggers, or <see langword="null"/>.</param>
    public VaultLoaderFactory(DataVaultModel model, SqlDialect dialect, LoadOptions options, Func<DbConnection> connectionFactory, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connectionFactory);
        Model = model;
        Dialect = dialect;
        Options = options;
        _connectionFactory = connectionFactory;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The model.</summary>
    public DataVaultModel Model { get; }

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The load options.</summary>
    public LoadOptions Options { get; }

    /// <summary>A new connection to the vault's database (closed; the caller owns it).</summary>
    /// <returns>The connection.</returns>
    public DbConnection CreateConnection() => _connectionFactory();

    /// <summary>A loader on <paramref name="connection"/> (which the caller owns).</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The loader.</returns>
    public VaultLoader Create(DbConnection connection) =>
        new(connection, Dialect, Model, Options, _loggerFactory?.CreateLogger<VaultLoader>());

    /// <summary>Creates the vault's missing tables on a new connection (see <see cref="VaultLoader.EnsureVaultAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task EnsureVaultAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        await using (connection.ConfigureAwait(false))
        {
            await Create(connection).EnsureVaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads one batch on a new connection, which is closed afterwards.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>What the batch did.</returns>
    public async Task<LoadResult> LoadAsync(LoadBatch batch, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        await using (connection.ConfigureAwait(false))
        {
            return await Create(connection).LoadAsync(batch, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}

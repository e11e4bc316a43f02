using System.Data.Common;
using DataVault.Core.Execution;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.DuckDb;
using DataVault.MariaDb;
using DataVault.PostgreSql;
using Retail.Database;

namespace Retail.Loading;

/// <summary>The retail vault on one open connection: the model, the dialect and the library's loader.</summary>
internal sealed class RetailVault : IAsyncDisposable
{
    private RetailVault(DatabaseTarget target, DbConnection connection, DataVaultProvider provider, LoadOptions options)
    {
        Target = target;
        Connection = connection;
        Options = provider.ApplyTo(options);
        Session = new VaultSession(connection, provider.Dialect);
        Loader = new VaultLoader(Session, Model, Options);
    }

    /// <summary>Where the vault is.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The session the loader and the PIT refresher share: the connection, the dialect and the command timeout.</summary>
    public VaultSession Session { get; }

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect => Target.Dialect;

    /// <summary>The retail model.</summary>
    public DataVaultModel Model => RetailModel.Model;

    /// <summary>The load options: end dates maintained, the provider's fast staging path where there is one.</summary>
    public LoadOptions Options { get; }

    /// <summary>The library's loader.</summary>
    public VaultLoader Loader { get; }

    /// <summary>Opens the database.</summary>
    /// <param name="target">The database.</param>
    /// <param name="time">The clock the loader stamps batches with when no load date is given.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The vault (its tables are not created here: see <see cref="VaultLoader.EnsureVaultAsync"/>).</returns>
    public static async Task<RetailVault> OpenAsync(DatabaseTarget target, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = await target.OpenAsync(cancellationToken);
        var options = OptionsFor(time);
        return new RetailVault(target, connection, ProviderOf(target), options);
    }

    /// <summary>The sample's load options: end dating as in the seed's schema, strict about partial sources.</summary>
    /// <param name="time">The clock.</param>
    /// <returns>The options.</returns>
    public static LoadOptions OptionsFor(TimeProvider time) => new()
    {
        // The seed's schema keeps load_end_date in the satellite tables; the loader maintains it in the batch.
        EndDating = true,
        TimeProvider = time,

        // Strict: a file with some but not all attributes of a satellite fails the batch instead of skipping it
        // (the seed's defaults, currency = 'USD', are declared in the model).
        PartialSatellites = PartialSatelliteHandling.Reject,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>The library's provider of the engine: its dialect with the package's fast staging writer.</summary>
    private static DataVaultProvider ProviderOf(DatabaseTarget target) => target.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteProvider.Default,
        DatabaseProvider.Postgres => PostgreSqlProvider.Default,
        DatabaseProvider.MariaDb => MariaDbProvider.Default,
        DatabaseProvider.DuckDb => DuckDbProvider.Default,
        _ => throw new InvalidOperationException("unknown provider " + target.Provider),
    };
}

using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;

namespace DataVault.MariaDb;

/// <summary>
/// MariaDB and MySQL (MySqlConnector) as a <see cref="DataVaultProvider"/>: the MariaDB dialect (<see cref="SqlDialects.MariaDb"/>,
/// which <see cref="SqlDialects.MySql"/> is an alias of) and the <see cref="MariaDbStagingWriter"/>.
/// </summary>
/// <example>
/// <code>
/// var loader = MariaDbProvider.Default.CreateLoader(mySqlConnection, model);
/// // with dependency injection: services.AddDataVault(model, sp => new MySqlConnection(connectionString)).UseMariaDb();
/// </code>
/// </example>
public static class MariaDbProvider
{
    /// <summary>The provider with the default staging options (<see cref="MariaDbStagingOptions.Default"/>).</summary>
    public static DataVaultProvider Default { get; } = new(SqlDialects.MariaDb, new MariaDbStagingWriterFactory());

    /// <summary>The provider with other staging options (for example <see cref="MariaDbStagingMethod.Insert"/> only).</summary>
    /// <param name="options">The staging writers' options.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static DataVaultProvider Create(MariaDbStagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options == MariaDbStagingOptions.Default ? Default : new(SqlDialects.MariaDb, new MariaDbStagingWriterFactory(options));
    }
}

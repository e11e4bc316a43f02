using System.Data.Common;
using System.Globalization;
using DataVault.Core.Sql;
using Npgsql;

namespace DataVault.IntegrationTests.Engines;

/// <summary>
/// PostgreSQL (15 on the CI machine) from <c>DV_TEST_POSTGRES</c>, which scripts/services/postgres.sh writes: one new
/// database per fixture — UTF8 (<c>md5()</c>/<c>convert_to</c> need it to hold every character), <c>C.UTF-8</c>
/// collation and ctype, from <c>template0</c> — dropped (forcibly) when the fixture is disposed.
/// </summary>
public sealed class PostgreSqlFixture : EngineFixture
{
    /// <summary>The environment variable with the connection string of a role that may create databases.</summary>
    public const string EnvironmentVariable = "DV_TEST_POSTGRES";

    private string? _adminConnectionString;
    private string? _connectionString;

    public override SqlDialect Dialect => SqlDialects.PostgreSql;

    /// <summary>The name of this fixture's database.</summary>
    public string DatabaseName { get; } = "dv_it_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The connection string of this fixture's database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The connection string from <see cref="EnvironmentVariable"/> (a maintenance database), to create more databases.</summary>
    public string AdminConnectionString => _adminConnectionString ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Opens a connection as the <see cref="EnvironmentVariable"/> role to its maintenance database.</summary>
    public async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task InitializeAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(RequiredEnvironment(EnvironmentVariable, "PostgreSQL"))
        {
            // Pooled connections of a dropped database would fail later; and a slow server must fail the test, not hang it.
            Timeout = 15,
            CommandTimeout = 120,
        };
        _adminConnectionString = builder.ConnectionString;

        await using (var admin = await OpenAdminOrExplainAsync(builder))
        {
            var version = admin.PostgreSqlVersion;
            if (version.Major < 13)
            {
                throw new InvalidOperationException($"PostgreSQL {version} at {builder.Host}:{builder.Port} is older than the dialect's minimum version 13.");
            }

            await CreateDatabaseAsync(admin, DatabaseName, "C.UTF-8");
        }

        _connectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>
    /// Creates a database with the given encoding, collation and ctype (from <c>template0</c>, so that they may differ
    /// from the server's defaults).
    /// </summary>
    public async Task CreateDatabaseAsync(NpgsqlConnection admin, string name, string locale, string encoding = "UTF8")
    {
        ArgumentNullException.ThrowIfNull(admin);
        // CREATE DATABASE takes no parameters: the name is quoted by the dialect, locale and encoding checked against a pattern.
        foreach (var setting in new[] { locale, encoding })
        {
            if (setting is null || !System.Text.RegularExpressions.Regex.IsMatch(setting, "^[A-Za-z0-9_.@-]+$"))
            {
                throw new ArgumentException("unexpected locale or encoding name " + setting, nameof(locale));
            }
        }

        await using var command = admin.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"CREATE DATABASE {Dialect.QuoteIdentifier(name)} ENCODING '{encoding}' LC_COLLATE '{locale}' LC_CTYPE '{locale}' TEMPLATE template0");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Opens a connection as the <see cref="EnvironmentVariable"/> role to another database.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Drops a database, ending the sessions still connected to it.</summary>
    /// <remarks>
    /// An autovacuum worker busy in the database can only be ended by a role with <c>pg_signal_backend</c> (which
    /// scripts/services/postgres.sh grants); on a server where the role lacks it, the drop is retried while autovacuum
    /// finishes.
    /// </remarks>
    public async Task DropDatabaseAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = await OpenAdminAsync();
                await using var command = admin.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS {Dialect.QuoteIdentifier(name)} WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    public override async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await DropDatabaseAsync(DatabaseName);
    }

    private static async Task<NpgsqlConnection> OpenAdminOrExplainAsync(NpgsqlConnectionStringBuilder builder)
    {
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"PostgreSQL at {builder.Host}:{builder.Port} (from {EnvironmentVariable}) does not answer as {builder.Username}: {e.Message.TrimEnd('.')}. " +
                "Start it with `bash scripts/services/postgres.sh` (installs and starts PostgreSQL on loopback and writes the connection string to artifacts/services.env).", e);
        }
    }
}

using System.Data.Common;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.IntegrationTests.Engines;

/// <summary>
/// A throw-away database <c>dv_it_&lt;random&gt;</c> on the MariaDB server that scripts/services/mariadb.sh starts
/// (connection string in DV_TEST_MARIADB), created in <c>utf8mb4</c> with the server's usual collation and dropped
/// afterwards. Sessions keep the server's <c>sql_mode</c>. The tests FAIL when the variable is missing or the server
/// does not answer.
/// </summary>
public class MariaDbFixture : EngineFixture
{
    public const string EnvironmentVariable = "DV_TEST_MARIADB";

    private readonly string _database = $"dv_it_{Guid.NewGuid():N}"[..22];
    private string? _connectionString;

    public override SqlDialect Dialect => SqlDialects.MariaDb;

    /// <summary>The database's default collation (the dialect's tables and hashing SQL name their own).</summary>
    public virtual string DatabaseCollation => "utf8mb4_general_ci";

    /// <summary>
    /// Modes added to the session's <c>sql_mode</c> on every connection, or none. With <c>NO_BACKSLASH_ESCAPES</c> the
    /// connection string says so too: MySqlConnector escapes the values it interpolates client-side by the connection
    /// string, not by the session's mode.
    /// </summary>
    public virtual string? AddedSqlModes => null;

    public string DatabaseName => _database;

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new MySqlConnection(_connectionString ?? throw new InvalidOperationException("The fixture is not initialised."));
        await connection.OpenAsync();
        if (AddedSqlModes is { } modes)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',', @modes)";
            command.Parameters.AddWithValue("@modes", modes);
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    public override async Task InitializeAsync()
    {
        var server = new MySqlConnectionStringBuilder(RequiredEnvironment(EnvironmentVariable, "MariaDB"))
        {
            // CHAR(36) columns are GUIDs, written as lower-case text.
            GuidFormat = MySqlGuidFormat.Char36,
            ConnectionTimeout = 10,
            NoBackslashEscapes = AddedSqlModes?.Contains("NO_BACKSLASH_ESCAPES", StringComparison.Ordinal) ?? false,
        };
        try
        {
            await using var connection = new MySqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE `{_database}` CHARACTER SET utf8mb4 COLLATE {DatabaseCollation}";
            await command.ExecuteNonQueryAsync();
        }
        catch (MySqlException e)
        {
            throw new InvalidOperationException(
                $"MariaDB at {server.Server}:{server.Port} (from {EnvironmentVariable}) does not answer or refuses to create {_database}: {e.Message}. Start it with `bash scripts/services/mariadb.sh`.", e);
        }

        server.Database = _database;
        _connectionString = server.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        MySqlConnection.ClearAllPools();
        var server = new MySqlConnectionStringBuilder(_connectionString) { Database = string.Empty, Pooling = false };
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS `{_database}`";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The same server with the session modes that change how SQL text is read — <c>NO_BACKSLASH_ESCAPES</c> (a backslash
/// in a literal is a plain character), <c>ANSI_QUOTES</c> and <c>PIPES_AS_CONCAT</c> — and a Unicode 14 database
/// collation: the dialect's SQL must mean the same.
/// </summary>
public sealed class MariaDbAnsiModesFixture : MariaDbFixture
{
    public override string DatabaseCollation => "utf8mb4_uca1400_ai_ci";

    public override string? AddedSqlModes => "NO_BACKSLASH_ESCAPES,ANSI_QUOTES,PIPES_AS_CONCAT";
}

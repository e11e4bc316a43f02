using System.Data.Common;
using System.Globalization;
using DataVault.Core.Sql;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>A fresh, empty database for one test, and the command-line options that point the sample at it.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>The options that select this database (<c>--db FILE</c>, or <c>--provider … --connection …</c>).</summary>
    public abstract IReadOnlyList<string> Options { get; }

    /// <summary>The dialect.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Opens a connection for checks.</summary>
    public abstract Task<DbConnection> OpenAsync();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}

/// <summary>SQLite in a temporary file.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    /// <summary>A new file in the temporary folder.</summary>
    public SqliteTestDatabase()
        : this(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dv-retail-{Guid.NewGuid():N}.db"))
    {
    }

    /// <summary>A given file (not deleted unless <see cref="DisposeAsync"/> is called).</summary>
    public SqliteTestDatabase(string path) => Path = path;

    public string Path { get; }

    public override IReadOnlyList<string> Options => ["--db", Path];

    public override SqlDialect Dialect => SqlDialects.Sqlite;

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(Path);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A new PostgreSQL database per test (UTF8, C.UTF-8, from template0) on the server of <c>DV_TEST_POSTGRES</c>, which
/// scripts/services/postgres.sh writes to artifacts/services.env; dropped after the test. No server: the test fails.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "DV_TEST_POSTGRES";

    private string? _admin;
    private string? _connectionString;

    public string Name { get; } = "dv_retail_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("not initialised");

    public override IReadOnlyList<string> Options => ["--provider", "postgres", "--connection", ConnectionString];

    public override SqlDialect Dialect => SqlDialects.PostgreSql;

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task InitializeAsync()
    {
        var variable = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(variable))
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not set, so the PostgreSQL retail tests cannot run. Run `bash scripts/services/postgres.sh` and `source artifacts/services.env` (or `bash scripts/test.sh`).");
        }

        var builder = new NpgsqlConnectionStringBuilder(variable) { Timeout = 15, CommandTimeout = 120 };
        _admin = builder.ConnectionString;
        await using (var admin = new NpgsqlConnection(_admin))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            // CREATE DATABASE takes no parameters; the name is generated here and quoted by the dialect.
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"CREATE DATABASE {Dialect.QuoteIdentifier(Name)} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
            await command.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name, Pooling = false }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        if (_admin is null || _connectionString is null)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Dialect.QuoteIdentifier(Name)} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A fresh MariaDB database per test from DV_TEST_MARIADB (scripts/services/mariadb.sh), utf8mb4 (the dialect names the
/// collations it needs itself); dropped after the test. No server: the test fails.
/// </summary>
public sealed class MariaDbTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "DV_TEST_MARIADB";

    private string? _server;
    private string? _connectionString;

    // The test role may create databases named dv_it_* only (scripts/services/mariadb.sh).
    public string Name { get; } = "dv_it_retail_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("not initialised");

    public override IReadOnlyList<string> Options => ["--provider", "mariadb", "--connection", ConnectionString];

    public override SqlDialect Dialect => SqlDialects.MariaDb;

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task InitializeAsync()
    {
        var variable = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(variable))
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not set, so the MariaDB retail tests cannot run. Run `bash scripts/services/mariadb.sh` and `source artifacts/services.env` (or `bash scripts/test.sh`).");
        }

        var server = new MySqlConnectionStringBuilder(variable) { ConnectionTimeout = 15, DefaultCommandTimeout = 120, GuidFormat = MySqlGuidFormat.Char36 };
        _server = server.ConnectionString;
        await using (var admin = new MySqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            // CREATE DATABASE takes no parameters; the name is generated here and quoted by the dialect.
            command.CommandText = $"CREATE DATABASE {Dialect.QuoteIdentifier(Name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
            await command.ExecuteNonQueryAsync();
        }

        server.Database = Name;
        server.Pooling = false;
        _connectionString = server.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        if (_server is null || _connectionString is null)
        {
            return;
        }

        await using var admin = new MySqlConnection(_server);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Dialect.QuoteIdentifier(Name)}";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>DuckDB in process, in a temporary database file per test, deleted afterwards.</summary>
public sealed class DuckDbTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-retail-{Guid.NewGuid():N}.duckdb");

    public override IReadOnlyList<string> Options => ["--provider", "duckdb", "--connection", $"Data Source={_path}"];

    public override SqlDialect Dialect => SqlDialects.DuckDb;

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new DuckDBConnection($"Data Source={_path}");
        await connection.OpenAsync();
        return connection;
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        File.Delete(_path);
        File.Delete(_path + ".wal");
        return Task.CompletedTask;
    }
}

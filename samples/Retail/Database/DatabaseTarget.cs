using DataVault.Core.Sqlite;
using System.Data.Common;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace Retail.Database;

/// <summary>The database engines the sample runs on.</summary>
internal enum DatabaseProvider
{
    /// <summary>SQLite (Microsoft.Data.Sqlite): the default, a file, no set-up.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql).</summary>
    Postgres,

    /// <summary>MariaDB or MySQL (MySqlConnector).</summary>
    MariaDb,

    /// <summary>DuckDB (DuckDB.NET).</summary>
    DuckDb,
}

/// <summary>Which database to use: a provider, a connection string, and the library dialect that writes its SQL.</summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="Display">What to show the user (no password).</param>
internal sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string Display)
{
    /// <summary>The default SQLite file, in the current folder.</summary>
    public const string DefaultSqliteFile = "retail.db";

    /// <summary>The dialect of <see cref="Provider"/>.</summary>
    public SqlDialect Dialect => Provider switch
    {
        DatabaseProvider.Sqlite => SqlDialects.Sqlite,
        DatabaseProvider.Postgres => SqlDialects.PostgreSql,
        DatabaseProvider.MariaDb => SqlDialects.MariaDb,
        DatabaseProvider.DuckDb => SqlDialects.DuckDb,
        _ => throw new InvalidOperationException("unknown provider " + Provider),
    };

    /// <summary>The dialect of an open connection's provider.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The dialect.</returns>
    public static SqlDialect DialectOf(DbConnection connection) => connection switch
    {
        SqliteConnection => SqlDialects.Sqlite,
        NpgsqlConnection => SqlDialects.PostgreSql,
        MySqlConnection => SqlDialects.MariaDb,
        DuckDBConnection => SqlDialects.DuckDb,
        _ => throw new InvalidOperationException("no dialect for " + connection?.GetType().Name),
    };

    /// <summary>A SQLite file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The target.</returns>
    public static DatabaseTarget SqliteFile(string file) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString, "SQLite " + file);

    /// <summary>Reads <c>--db</c>, <c>--provider</c> and <c>--connection</c>.</summary>
    /// <param name="db">The SQLite file, or <see langword="null"/>.</param>
    /// <param name="provider">The provider name, or <see langword="null"/>.</param>
    /// <param name="connection">The connection string, or <see langword="null"/>.</param>
    /// <param name="target">The target.</param>
    /// <returns>A usage problem, or <see langword="null"/>.</returns>
    public static string? TryParse(string? db, string? provider, string? connection, out DatabaseTarget target)
    {
        target = SqliteFile(db ?? DefaultSqliteFile);
        if (db is not null && (provider is not null || connection is not null))
        {
            return "give either --db FILE or --provider NAME --connection \"...\", not both";
        }

        if (provider is null)
        {
            return connection is null ? null : "--connection needs --provider sqlite|postgres|mariadb|duckdb";
        }

        DatabaseProvider? parsed = provider.ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
            "MARIADB" or "MYSQL" => DatabaseProvider.MariaDb,
            "DUCKDB" => DatabaseProvider.DuckDb,
            _ => null,
        };
        if (parsed is null)
        {
            return $"unknown provider '{provider}': use sqlite, postgres, mariadb or duckdb";
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            return $"--provider {provider} needs --connection \"...\"";
        }

        target = new DatabaseTarget(parsed.Value, connection, parsed.Value + " " + Describe(parsed.Value, connection));
        return null;
    }

    /// <summary>Opens a connection (SQLite: with the library's hash functions registered).</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open connection.</returns>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(ConnectionString),
            DatabaseProvider.MariaDb => new MySqlConnection(ConnectionString),
            DatabaseProvider.DuckDb => new DuckDBConnection(ConnectionString),
            _ => throw new InvalidOperationException("unknown provider " + Provider),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                SqliteHashFunctions.Register(sqlite);

                // Write-ahead log with NORMAL sync (durable at every checkpoint; the usual setting for an embedded
                // warehouse), and temporary staging tables in memory.
                await using var pragmas = sqlite.CreateCommand();
                pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string Describe(DatabaseProvider provider, string connection)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connection };
            foreach (var secret in new[] { "password", "pwd" })
            {
                builder.Remove(secret);
            }

            return provider == DatabaseProvider.Sqlite || provider == DatabaseProvider.DuckDb
                ? (builder.TryGetValue("data source", out var file) ? file?.ToString() : null) ?? builder.ConnectionString
                : builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(connection string)";
        }
    }
}

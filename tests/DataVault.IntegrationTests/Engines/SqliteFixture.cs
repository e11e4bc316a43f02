using DataVault.Core.Sqlite;
using System.Data.Common;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;
using Microsoft.Data.Sqlite;

namespace DataVault.IntegrationTests.Engines;

/// <summary>SQLite in a temporary file, with the C#-backed hash functions registered on every connection.</summary>
public sealed class SqliteFixture : EngineFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-it-{Guid.NewGuid():N}.db");

    public override SqlDialect Dialect => SqlDialects.Sqlite;

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        SqliteHashFunctions.Register(connection);
        return connection;
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }
}

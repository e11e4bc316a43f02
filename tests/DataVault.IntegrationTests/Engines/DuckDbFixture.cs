using System.Data.Common;
using DataVault.Core.Sql;
using DuckDB.NET.Data;

namespace DataVault.IntegrationTests.Engines;

/// <summary>DuckDB in process (DuckDB.NET), in a temporary database file per fixture, deleted on dispose.</summary>
public sealed class DuckDbFixture : EngineFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-it-{Guid.NewGuid():N}.duckdb");

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
        // The file is released when the last connection to it closes; DuckDB may leave a write-ahead log beside it.
        File.Delete(_path);
        File.Delete(_path + ".wal");
        return Task.CompletedTask;
    }
}

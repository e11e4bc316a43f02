using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using DataVault.DuckDb;
using DataVault.MariaDb;
using DataVault.PostgreSql;
using DuckDB.NET.Data;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Xunit;

namespace DataVault.IntegrationTests.Staging;

/// <summary>Each factory recognises its own provider's connections only (no server needed: the connections stay closed).</summary>
public sealed class StagingWriterFactoryTests
{
    public static TheoryData<string, string> ForeignConnections() => new()
    {
        { "npgsql", "sqlite" }, { "npgsql", "mysql" }, { "npgsql", "duckdb" },
        { "mysql", "sqlite" }, { "mysql", "npgsql" }, { "mysql", "duckdb" },
        { "duckdb", "sqlite" }, { "duckdb", "npgsql" }, { "duckdb", "mysql" },
    };

    [Theory]
    [MemberData(nameof(ForeignConnections))]
    public void A_factory_returns_null_for_another_providers_connection(string factory, string provider)
    {
        IStagingWriterFactory subject = factory switch
        {
            "npgsql" => new NpgsqlCopyStagingWriterFactory(),
            "mysql" => new MariaDbStagingWriterFactory(),
            _ => new DuckDbAppenderStagingWriterFactory(),
        };
        using DbConnection connection = provider switch
        {
            "sqlite" => new SqliteConnection("Data Source=:memory:"),
            "npgsql" => new NpgsqlConnection(),
            "mysql" => new MySqlConnection(),
            _ => new DuckDBConnection(),
        };

        subject.TryCreate(connection, null!, SqlDialects.Sqlite).Should().BeNull();
    }

    [Fact]
    public void A_factory_needs_a_connection()
    {
        var create = () => new NpgsqlCopyStagingWriterFactory().TryCreate(null!, null!, SqlDialects.PostgreSql);
        create.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_rows_per_insert_must_be_positive()
    {
        var options = () => new MariaDbStagingOptions { MaxRowsPerInsert = 0 };
        options.Should().Throw<ArgumentOutOfRangeException>();
    }
}

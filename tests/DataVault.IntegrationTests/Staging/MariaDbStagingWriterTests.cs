using System.Data.Common;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using DataVault.MariaDb;
using FluentAssertions;
using MySqlConnector;
using Xunit;

namespace DataVault.IntegrationTests.Staging;

/// <summary>
/// Prepared multi-row INSERTs on MariaDB: the fixture's connection string does not allow LOAD DATA LOCAL, so
/// <see cref="MariaDbStagingMethod.Auto"/> inserts. Rows per statement are kept small here so that the tests cover full
/// (prepared, reused) groups, short last groups and wide tables.
/// </summary>
public sealed class MariaDbInsertStagingWriterTests(MariaDbFixture fixture) : StagingWriterScenarios<MariaDbFixture>(fixture)
{
    protected override IStagingWriterFactory Factory { get; } = new MariaDbStagingWriterFactory(new MariaDbStagingOptions { MaxRowsPerInsert = 300 });

    protected override void Inspect(IStagingWriter writer) =>
        writer.Should().BeOfType<MariaDbStagingWriter>().Which.Method.Should().Be(MariaDbStagingMethod.Insert);

    [Fact]
    public async Task Rows_larger_together_than_max_allowed_packet_are_split_across_statements()
    {
        await using var connection = await OpenAsync();
        (await ScalarAsync(connection, "SELECT @@max_allowed_packet")).Should().BeLessThan(20L * 1024 * 1024, "the rows below must not fit in one statement");
        var table = new StagingTableSchema("stg_large", true,
        [
            new StagingColumn("row_no", DataType.Int, Dialect.TypeName(DataType.Int)),
            new StagingColumn("notes", DataType.Text, Dialect.TypeName(DataType.Text)),
        ]);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var rows = Enumerable.Range(0, 20).Select(i => new object?[] { i, new string((char)('a' + i), 1_000_000) }).ToList();

        await WriteAndCommitAsync(connection, (table, rows));

        await ShouldHoldAsync(connection, table, rows, "row_no");
    }

    [Fact]
    public async Task A_value_too_long_for_its_column_fails_under_the_servers_strict_mode()
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, "stg_too_long", false);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var rows = StagingTables.SatelliteRows(0, 2);
        rows[1][3] = new string('x', 51); // city is VARCHAR(50)

        await using var transaction = await connection.BeginTransactionAsync();
        await using var writer = CreateWriter(connection, transaction);
        var write = () => writer.WriteAsync(table, rows, CancellationToken.None);
        await write.Should().ThrowAsync<MySqlException>().WithMessage("*too long*");
    }
}

/// <summary>MySqlBulkCopy (LOAD DATA LOCAL INFILE) on MariaDB: the connection string allows it and the server has local_infile on.</summary>
public sealed class MariaDbBulkCopyStagingWriterTests(MariaDbFixture fixture) : StagingWriterScenarios<MariaDbFixture>(fixture)
{
    protected override IStagingWriterFactory Factory { get; } = new MariaDbStagingWriterFactory();

    protected override Task<DbConnection> OpenAsync() => MariaDbConnections.OpenWithLocalInfileAsync(Fixture);

    protected override void Inspect(IStagingWriter writer) =>
        writer.Should().BeOfType<MariaDbStagingWriter>().Which.Method.Should().Be(MariaDbStagingMethod.BulkCopy);

    [Fact]
    public async Task A_value_the_server_only_warns_about_fails_the_write()
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, "stg_warned", false);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var rows = StagingTables.SatelliteRows(0, 2);
        rows[1][3] = new string('x', 51); // city is VARCHAR(50): LOAD DATA LOCAL truncates it with a warning

        await using var transaction = await connection.BeginTransactionAsync();
        await using var writer = CreateWriter(connection, transaction);
        var write = () => writer.WriteAsync(table, rows, CancellationToken.None);
        await write.Should().ThrowAsync<InvalidOperationException>().WithMessage("*warning*");
    }
}

/// <summary>
/// A session with NO_BACKSLASH_ESCAPES, ANSI_QUOTES and PIPES_AS_CONCAT, on a connection that allows LOAD DATA LOCAL:
/// MySqlConnector's LOAD DATA statement does not work under NO_BACKSLASH_ESCAPES, so Auto chooses INSERT.
/// </summary>
public sealed class MariaDbAnsiModesStagingWriterTests(MariaDbAnsiModesFixture fixture) : StagingWriterScenarios<MariaDbAnsiModesFixture>(fixture)
{
    protected override IStagingWriterFactory Factory { get; } = new MariaDbStagingWriterFactory();

    protected override Task<DbConnection> OpenAsync() => MariaDbConnections.OpenWithLocalInfileAsync(Fixture);

    protected override void Inspect(IStagingWriter writer) =>
        writer.Should().BeOfType<MariaDbStagingWriter>().Which.Method.Should().Be(MariaDbStagingMethod.Insert);

    [Fact]
    public async Task Bulk_copy_forced_under_NO_BACKSLASH_ESCAPES_fails_which_is_why_Auto_inserts()
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, "stg_forced_bulk", false);
        await StagingTables.CreateAsync(connection, Dialect, table);

        await using var transaction = await connection.BeginTransactionAsync();
        await using var writer = new MariaDbStagingWriterFactory(new MariaDbStagingOptions { Method = MariaDbStagingMethod.BulkCopy }).TryCreate(connection, transaction, Dialect)!;
        var write = () => writer.WriteAsync(table, StagingTables.SatelliteRows(0, 3), CancellationToken.None);
        await write.Should().ThrowAsync<MySqlException>().WithMessage("*separator*");
    }
}

/// <summary>Connections to a MariaDB fixture's database that allow LOAD DATA LOCAL INFILE.</summary>
internal static class MariaDbConnections
{
    public static async Task<DbConnection> OpenWithLocalInfileAsync(MariaDbFixture fixture)
    {
        var modes = fixture.AddedSqlModes;
        var builder = new MySqlConnectionStringBuilder(Environment.GetEnvironmentVariable(MariaDbFixture.EnvironmentVariable) ?? throw new InvalidOperationException($"{MariaDbFixture.EnvironmentVariable} is not set."))
        {
            Database = fixture.DatabaseName,
            GuidFormat = MySqlGuidFormat.Char36,
            AllowLoadLocalInfile = true,
            NoBackslashEscapes = modes?.Contains("NO_BACKSLASH_ESCAPES", StringComparison.Ordinal) ?? false,
        };
        var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        if (modes is not null)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',', @modes)";
            command.Parameters.AddWithValue("@modes", modes);
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }
}

using DataVault.Core.Loading;
using DataVault.Core.Sql;
using DataVault.DuckDb;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Staging;

/// <summary>DuckDB.NET's appender on DuckDB, regular and temporary tables.</summary>
public sealed class DuckDbStagingWriterTests(DuckDbFixture fixture) : StagingWriterScenarios<DuckDbFixture>(fixture)
{
    protected override IStagingWriterFactory Factory { get; } = new DuckDbAppenderStagingWriterFactory();

    [Fact]
    public async Task A_temporary_table_is_written_even_when_a_regular_table_has_its_name()
    {
        await using var connection = await OpenAsync();
        var regular = StagingTables.Satellite(Dialect, "stg_shadowed", false);
        var temporary = regular with { Temporary = true };
        await StagingTables.CreateAsync(connection, Dialect, regular);
        await Db.ExecuteAsync(connection, "INSERT INTO stg_shadowed (qty) VALUES (1)");
        // Not with CreateAsync: the dialect's CreateStaging drops "stg_shadowed" first, which is the regular table
        // while no temporary one exists.
        var definition = new TableDefinition(temporary.Name, [.. temporary.Columns.Select(c => new TableColumn(c.Name, new SqlType(c.Type, c.SqlType), false))], [], [], []);
        await Db.ExecuteAsync(connection, Dialect.CreateStaging(definition, new StagingTable(temporary.Name, true))[1].Text);

        await WriteAndCommitAsync(connection, (temporary, StagingTables.SatelliteRows(0, 10)));

        (await ScalarAsync(connection, "SELECT COUNT(*) FROM temp.main.stg_shadowed")).Should().Be(10L);
        await Db.ExecuteAsync(connection, "DROP TABLE temp.main.stg_shadowed");
        (await ScalarAsync(connection, "SELECT COUNT(*) FROM stg_shadowed")).Should().Be(1L, "the regular table of the same name is untouched");
    }

    [Fact]
    public async Task A_table_whose_columns_are_in_another_order_is_refused()
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, "stg_reordered", false);
        await StagingTables.CreateAsync(connection, Dialect, table with { Columns = [.. table.Columns.Reverse()] });

        await using var transaction = await connection.BeginTransactionAsync();
        await using var writer = CreateWriter(connection, transaction);
        var write = () => writer.WriteAsync(table, StagingTables.SatelliteRows(0, 1), CancellationToken.None);
        await write.Should().ThrowAsync<InvalidOperationException>().WithMessage("*fills columns by position*");
    }
}

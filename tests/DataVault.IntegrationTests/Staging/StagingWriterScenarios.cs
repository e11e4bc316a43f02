using System.Data.Common;
using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.IntegrationTests.Staging;

/// <summary>
/// The same checks for every provider's fast staging writer on its real engine: every portable type round-trips
/// exactly (NULLs, extremes, non-ASCII text, characters that text formats escape), calls for two tables alternate,
/// 25,000 rows arrive in chunks, a rollback discards the rows, and the factory ignores other providers' connections.
/// Each case runs on a regular and on a temporary staging table.
/// </summary>
public abstract class StagingWriterScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected SqlDialect Dialect => Fixture.Dialect;

    /// <summary>The factory under test.</summary>
    protected abstract IStagingWriterFactory Factory { get; }

    /// <summary>Opens a connection for the writer (by default the fixture's).</summary>
    protected virtual Task<DbConnection> OpenAsync() => Fixture.OpenAsync();

    /// <summary>Checks the writer after its first write (e.g. which method it chose).</summary>
    protected virtual void Inspect(IStagingWriter writer)
    {
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_type_round_trips_exactly(bool temporary)
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.EveryType(Dialect, Name("stg_types", temporary), temporary);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var rows = StagingTables.EveryTypeRows();

        await WriteAndCommitAsync(connection, (table, rows));

        await ShouldHoldAsync(connection, table, rows, null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Calls_for_two_tables_alternate_on_one_connection(bool temporary)
    {
        await using var connection = await OpenAsync();
        var types = StagingTables.EveryType(Dialect, Name("stg_alt_types", temporary), temporary);
        var satellite = StagingTables.Satellite(Dialect, Name("stg_alt_sat", temporary), temporary);
        await StagingTables.CreateAsync(connection, Dialect, types);
        await StagingTables.CreateAsync(connection, Dialect, satellite);
        var typeRows = StagingTables.EveryTypeRows();
        var satelliteRows = StagingTables.SatelliteRows(0, 3_000);

        await WriteAndCommitAsync(connection,
            (satellite, satelliteRows[..1_000]),
            (types, typeRows.Take(2).ToList()),
            (satellite, satelliteRows[1_000..2_500]),
            (types, typeRows.Skip(2).ToList()),
            (satellite, satelliteRows[2_500..]));

        await ShouldHoldAsync(connection, types, typeRows, null);
        await ShouldHoldAsync(connection, satellite, satelliteRows, "qty");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_written_in_chunks_all_arrive(bool temporary)
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, Name("stg_chunks", temporary), temporary);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var rows = StagingTables.SatelliteRows(0, 25_000);

        await WriteAndCommitAsync(connection, rows.Chunk(10_000).Select(chunk => (table, (IReadOnlyList<object?[]>)chunk)).ToArray());

        (await ScalarAsync(connection, $"SELECT COUNT(*) FROM {Dialect.QuoteIdentifier(table.Name)}")).Should().Be(25_000L);
        await ShouldHoldAsync(connection, table, rows, "qty");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rollback_discards_the_written_rows(bool temporary)
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, Name("stg_rollback", temporary), temporary);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var count = $"SELECT COUNT(*) FROM {Dialect.QuoteIdentifier(table.Name)}";

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var writer = CreateWriter(connection, transaction))
            {
                await writer.WriteAsync(table, StagingTables.SatelliteRows(0, 1_500), CancellationToken.None);
                await writer.WriteAsync(table, StagingTables.SatelliteRows(1_500, 500), CancellationToken.None);
            }

            (await ScalarAsync(connection, count, transaction)).Should().Be(2_000L, "the transaction sees its own rows");
            await transaction.RollbackAsync();
        }

        (await ScalarAsync(connection, count)).Should().Be(0L, "the rows were written in the rolled-back transaction");
    }

    [Fact]
    public async Task An_empty_write_writes_nothing()
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, "stg_empty", false);
        await StagingTables.CreateAsync(connection, Dialect, table);

        await WriteAndCommitAsync(connection, (table, []));

        (await ScalarAsync(connection, $"SELECT COUNT(*) FROM {Dialect.QuoteIdentifier(table.Name)}")).Should().Be(0L);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_or_a_short_row_fails_the_write()
    {
        await using var connection = await OpenAsync();
        var table = StagingTables.Satellite(Dialect, "stg_wrong", false);
        await StagingTables.CreateAsync(connection, Dialect, table);
        var wrongType = StagingTables.SatelliteRows(0, 3);
        wrongType[1][4] = 7L; // qty is an Int column: int values only

        foreach (var (rows, expected) in new[] { (wrongType, typeof(InvalidCastException)), ([[.. wrongType[0].Take(8)]], typeof(ArgumentException)) })
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var writer = CreateWriter(connection, transaction);
            var write = () => writer.WriteAsync(table, rows, CancellationToken.None);
            (await write.Should().ThrowAsync<Exception>()).Which.Should().BeOfType(expected);
            await transaction.RollbackAsync();
        }
    }

    [Fact]
    public async Task The_factory_creates_a_writer_for_its_own_connections_only()
    {
        await using (var connection = await OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var writer = Factory.TryCreate(connection, transaction, Dialect);
            writer.Should().NotBeNull();
        }

        await using var sqlite = new SqliteConnection("Data Source=:memory:");
        await sqlite.OpenAsync();
        await using var sqliteTransaction = await sqlite.BeginTransactionAsync();
        Factory.TryCreate(sqlite, sqliteTransaction, SqlDialects.Sqlite).Should().BeNull();
    }

    protected static string Name(string prefix, bool temporary) => prefix + (temporary ? "_tmp" : "_reg");

    protected IStagingWriter CreateWriter(DbConnection connection, DbTransaction transaction) =>
        Factory.TryCreate(connection, transaction, Dialect) ?? throw new InvalidOperationException($"{Factory.GetType().Name} does not recognise a {connection.GetType().Name}.");

    /// <summary>Writes the calls in order with one writer in one transaction, and commits.</summary>
    protected async Task WriteAndCommitAsync(DbConnection connection, params (StagingTableSchema Table, IReadOnlyList<object?[]> Rows)[] calls)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = CreateWriter(connection, transaction))
        {
            foreach (var (table, rows) in calls)
            {
                await writer.WriteAsync(table, rows, CancellationToken.None);
            }

            if (calls.Any(c => c.Rows.Count > 0))
            {
                Inspect(writer);
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>Reads the table back (ordered by <paramref name="orderBy"/>, else the first column) and compares every value exactly.</summary>
    protected async Task ShouldHoldAsync(DbConnection connection, StagingTableSchema table, IReadOnlyList<object?[]> expected, string? orderBy)
    {
        var actual = await ReadAsync(connection, table, orderBy ?? table.Columns[0].Name);
        actual.Should().HaveCount(expected.Count, $"{table.Name} holds every row written");
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var because = string.Create(CultureInfo.InvariantCulture, $"{table.Name}.{column.Name} ({column.SqlType}) of row {r}");
                var value = actual[r][c];
                var want = expected[r][c];
                if (want is byte[] bytes)
                {
                    value.Should().BeOfType<byte[]>(because).Which.Should().Equal(bytes, because);
                }
                else
                {
                    value.Should().Be(want, because);
                }
            }
        }
    }

    private async Task<List<object?[]>> ReadAsync(DbConnection connection, StagingTableSchema table, string orderBy)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => Dialect.QuoteIdentifier(c.Name)))} FROM {Dialect.QuoteIdentifier(table.Name)} ORDER BY {Dialect.QuoteIdentifier(orderBy)}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. table.Columns.Select((column, i) => Normalize(column, reader.IsDBNull(i) ? null : reader.GetValue(i)))]);
        }

        return rows;
    }

    /// <summary>A value as read, in the CLR type the staging contract uses for its column's kind.</summary>
    private static object? Normalize(StagingColumn column, object? value) => value is null ? null : column.Type.Kind switch
    {
        DataTypeKind.String or DataTypeKind.Text => (string)value,
        DataTypeKind.Int => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        DataTypeKind.BigInt => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        DataTypeKind.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        DataTypeKind.Date => value is DateTime date ? DateOnly.FromDateTime(date) : (DateOnly)value,
        DataTypeKind.Time => value is TimeSpan time ? TimeOnly.FromTimeSpan(time) : (TimeOnly)value,
        DataTypeKind.Timestamp => (DateTime)value,
        DataTypeKind.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        DataTypeKind.Guid => value is string text ? Guid.Parse(text) : (Guid)value,
        DataTypeKind.Binary => value switch
        {
            Guid uuid => uuid.ToByteArray(bigEndian: true),
            Stream stream => ReadAll(stream),
            _ => (byte[])value,
        },
        _ => value,
    };

    /// <summary>DuckDB.NET reads a BLOB as a stream.</summary>
    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    protected static async Task<long> ScalarAsync(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

using System.Data.Common;
using DataVault.Core.Hashing;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests.Staging;

/// <summary>The staging tables and rows the writer tests use, created with the dialect as the loader creates them.</summary>
public static class StagingTables
{
    /// <summary>A table with a column of every <see cref="DataTypeKind"/>, hex and binary hash keys among them.</summary>
    public static StagingTableSchema EveryType(SqlDialect dialect, string name, bool temporary)
    {
        var hexKey = dialect.Types.HashColumn(HashingStandards.Default, DdlOptions.Default).Text;
        var binaryKey = dialect.Types.HashColumn(HashingStandards.AutomateDv, DdlOptions.Default).Text;
        var uuidKey = dialect.Types.HashColumn(HashingStandards.AutomateDv, DdlOptions.Default with { NativeUuidForBinaryKeys = true }).Text;
        return new StagingTableSchema(name, temporary,
        [
            Column(dialect, "row_no", DataType.Int),
            new StagingColumn("hk", DataType.String(32), hexKey),
            new StagingColumn("hk_bin", DataType.Binary(16), binaryKey),
            new StagingColumn("hk_uuid", DataType.Binary(16), uuidKey),
            Column(dialect, "name", DataType.String(100)),
            Column(dialect, "notes", DataType.Text),
            Column(dialect, "qty", DataType.Int),
            Column(dialect, "big", DataType.BigInt),
            Column(dialect, "money", DataType.Decimal(18, 4)),
            Column(dialect, "wide", DataType.Decimal(38, 10)),
            Column(dialect, "fraction", DataType.Decimal(28, 28)),
            Column(dialect, "day", DataType.Date),
            Column(dialect, "clock", DataType.Time),
            Column(dialect, "stamp", DataType.Timestamp),
            Column(dialect, "flag", DataType.Boolean),
            Column(dialect, "id", DataType.Guid),
            Column(dialect, "blob", DataType.Binary()),
        ]);
    }

    /// <summary>Rows of <see cref="EveryType"/>: extremes, NULLs, empty values, non-ASCII text, characters that text formats escape.</summary>
    public static IReadOnlyList<object?[]> EveryTypeRows()
    {
        var allBytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var key = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        return
        [
            [1, new string('a', 32), key, key, "Zoë 😀", "tab\there\nnew line, back\\slash, 'single' \"double\" \\N \r\n end", int.MaxValue, long.MinValue,
                99999999999999.9999m, 999999999999999999.9999999999m, 0.9999999999999999999999999999m,
                new DateOnly(2024, 2, 29), new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_990)), new DateTime(2026, 3, 14, 15, 9, 26).AddTicks(5_358_970),
                true, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), allBytes],
            [2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
            [3, "0123456789abcdef0123456789abcdef", new byte[16], new byte[16], string.Empty, string.Empty, int.MinValue, long.MaxValue,
                -99999999999999.9999m, -123.4560000000m, 0.0000000000000000000000000001m,
                new DateOnly(1900, 1, 1), TimeOnly.MinValue, new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(10),
                false, Guid.Empty, Array.Empty<byte>()],
            [4, "ffffffffffffffffffffffffffffffff", Enumerable.Repeat((byte)0xFF, 16).ToArray(), Enumerable.Repeat((byte)0xFF, 16).ToArray(),
                "日本語 straße İ ǆ \u00a0 trailing  ", string.Concat(Enumerable.Repeat("Zoë 😀 ß\t", 500)), 0, 0L,
                0.0001m, 0m, 0.5m,
                new DateOnly(9999, 12, 31), new TimeOnly(0, 0, 0, 0, 1), new DateTime(2000, 1, 1, 0, 0, 0).AddTicks(10),
                true, Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), new byte[] { 0, 9, 10, 13, 92, 39, 34, 0 }],
        ];
    }

    /// <summary>A 9-column table like a satellite's staging: two hash columns, two strings, an integer, three decimals, a timestamp.</summary>
    public static StagingTableSchema Satellite(SqlDialect dialect, string name, bool temporary)
    {
        var hexKey = dialect.Types.HashColumn(HashingStandards.Default, DdlOptions.Default).Text;
        return new StagingTableSchema(name, temporary,
        [
            new StagingColumn("hk", DataType.String(32), hexKey),
            new StagingColumn("hash_diff", DataType.String(32), hexKey),
            Column(dialect, "name", DataType.String(100)),
            Column(dialect, "city", DataType.String(50)),
            Column(dialect, "qty", DataType.Int),
            Column(dialect, "amount", DataType.Decimal(18, 2)),
            Column(dialect, "rate", DataType.Decimal(9, 4)),
            Column(dialect, "delta", DataType.Decimal(20, 6)),
            Column(dialect, "load_date", DataType.Timestamp),
        ]);
    }

    /// <summary><paramref name="count"/> rows of <see cref="Satellite"/>, numbered from <paramref name="first"/> (in <c>qty</c>).</summary>
    public static List<object?[]> SatelliteRows(int first, int count)
    {
        var rows = new List<object?[]>(count);
        var start = new DateTime(2026, 1, 1);
        for (var i = first; i < first + count; i++)
        {
            rows.Add(
            [
                Convert.ToHexStringLower(BitConverter.GetBytes((long)i).Concat(BitConverter.GetBytes((long)~i)).ToArray()),
                Convert.ToHexStringLower(BitConverter.GetBytes((long)i * 31).Concat(BitConverter.GetBytes((long)i * 17)).ToArray()),
                "customer " + i + (i % 7 == 0 ? " Zoë" : string.Empty),
                i % 5 == 0 ? null : "city " + (i % 1000),
                i,
                i * 1.25m - 5000m,
                (i % 10_000) / 10_000m,
                -(i * 0.000001m),
                start.AddTicks(i * 10L * 1_234_567),
            ]);
        }

        return rows;
    }

    /// <summary>Creates <paramref name="table"/> with the dialect (dropping a leftover one), as the loader does.</summary>
    public static async Task CreateAsync(DbConnection connection, SqlDialect dialect, StagingTableSchema table)
    {
        var definition = new TableDefinition(table.Name, [.. table.Columns.Select(c => new TableColumn(c.Name, new SqlType(c.Type, c.SqlType), false))], [], [], []);
        foreach (var statement in dialect.CreateStaging(definition, new StagingTable(table.Name, table.Temporary)))
        {
            await Db.ExecuteAsync(connection, statement.Text);
        }
    }

    private static StagingColumn Column(SqlDialect dialect, string name, DataType type) => new(name, type, dialect.TypeName(type));
}

using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using DuckDB.NET.Data;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests;

/// <summary>
/// What the DuckDB dialect does differently from the base, checked on DuckDB itself: the ß-safe <c>upper</c> over every
/// Unicode scalar, <c>trim(x, ' ')</c>, the canonical text of edge values, native UUID keys, no secondary indexes, and
/// the documented behaviour of concurrent inserts of the same new key (docs/dialects.md, DuckDB).
/// </summary>
public sealed class DuckDbDialectTests(DuckDbFixture fixture) : IClassFixture<DuckDbFixture>
{
    private readonly SqlDialect _dialect = fixture.Dialect;

    [Fact]
    public async Task Upper_is_the_simple_unicode_mapping_for_every_scalar_although_duckdb_upper_maps_sharp_s_to_capital_sharp_s()
    {
        await using var connection = await fixture.OpenAsync();

        // The engine behaviour the dialect works around: if DuckDB ever keeps ß, the workaround can go.
        (await connection.ExecuteScalarAsync<string>("SELECT upper('straße')")).Should().Be("STRAẞE");

        var value = "'a' || chr(CAST(i AS INTEGER)) || 'ß' || chr(CAST(i AS INTEGER))";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(i AS INTEGER), {_dialect.Primitives.Upper(value)} FROM range(1, 1114112) r(i) WHERE i < 55296 OR i > 57343";
        await using var reader = await command.ExecuteReaderAsync();
        var mismatches = new List<string>();
        var count = 0;
        while (await reader.ReadAsync())
        {
            count++;
            var scalar = char.ConvertFromUtf32(reader.GetInt32(0));
            var expected = UnicodeCasing.ToUpper("a" + scalar + "ß" + scalar);
            var actual = reader.GetString(1);
            if (actual != expected)
            {
                mismatches.Add($"U+{reader.GetInt32(0):X4}: expected {expected}, DuckDB wrote {actual}");
            }
        }

        count.Should().Be(0x10FFFF - 0x800, "every scalar value but NUL is checked");
        mismatches.Should().BeEmpty();
        (await connection.ExecuteScalarAsync<string?>($"SELECT {_dialect.Primitives.Upper("CAST(NULL AS VARCHAR)")}")).Should().BeNull();
        (await connection.ExecuteScalarAsync<string>($"SELECT {_dialect.Primitives.Upper("''")}")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("  x  ")]
    [InlineData("\u00A0x\u00A0")]
    [InlineData("\u3000x\u2000")]
    [InlineData("\t x \n")]
    [InlineData("    ")]
    public async Task Trimming_removes_only_U0020(string value)
    {
        await using var connection = await fixture.OpenAsync();
        var trimmed = await connection.ExecuteScalarAsync<string>($"SELECT {_dialect.Primitives.TrimSpaces(_dialect.ParameterPlaceholder("v"))}", new { v = value });
        trimmed.Should().Be(value.Trim(' '));
    }

    [Fact]
    public async Task Canonical_text_of_edge_values_equals_the_csharp_engine()
    {
        await using var connection = await fixture.OpenAsync();
        (DataType Type, object Value)[] values =
        [
            (DataType.Decimal(1, 1), 0.5m),
            (DataType.Decimal(1, 1), -0.5m),
            (DataType.Decimal(3, 3), 0.001m),
            (DataType.Decimal(28, 28), 0.0000000000000000000000000001m),
            (DataType.Decimal(10, 2), -0.00m),
            (DataType.Decimal(38, 0), 79228162514264337593543950335m),
            (DataType.Decimal(10, 4), -1.5m),
            (DataType.Time, new TimeOnly(0, 0)),
            (DataType.Time, new TimeOnly(23, 59, 59, 999, 999)),
            (DataType.Date, new DateOnly(1, 1, 1)),
            (DataType.Date, new DateOnly(9999, 12, 31)),
            (DataType.Timestamp, new DateTime(1, 1, 1)),
            (DataType.Timestamp, new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(9_999_990)),
            (DataType.Timestamp, new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990)),
            (DataType.Boolean, false),
            (DataType.Guid, Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")),
            (DataType.Binary(), new byte[] { 0x00, 0xAB, 0xFF }),
            (DataType.BigInt, long.MinValue),
        ];

        var table = "dv_canonical";
        var columns = values.Select((v, i) => new TableColumn("c" + i.ToString(CultureInfo.InvariantCulture), _dialect.Types.For(v.Type), true)).ToArray();
        await Execute(connection, _dialect.DropTable(table).Text);
        await Execute(connection, _dialect.CreateTable(new TableDefinition(table, columns, [], [], []), DdlOptions.Default)[0].Text);
        await Execute(connection, _dialect.InsertValues(table, [.. columns.Select(c => c.Name)]), [.. values.Select(v => v.Value)]);

        var select = string.Join(", ", values.Select((v, i) => _dialect.Primitives.CanonicalText(_dialect.QuoteIdentifier(columns[i].Name), v.Type)));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM {_dialect.QuoteIdentifier(table)}";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        for (var i = 0; i < values.Length; i++)
        {
            reader.GetString(i).Should().Be(CSharpCanonical(values[i].Type, values[i].Value), $"{values[i].Type} {values[i].Value}");
        }
    }

    [Fact]
    public async Task Native_uuid_keys_take_the_engine_hash_the_ghost_record_and_staged_bytes()
    {
        await using var connection = await fixture.OpenAsync();
        var options = DdlOptions.Default with { NativeUuidForBinaryKeys = true };
        var model = TestModels.Retail(_dialect, HashingStandards.AutomateDv);
        var hub = model.Hub("customer");
        foreach (var statement in _dialect.DropVault(model).Concat(_dialect.CreateVault(model, options)))
        {
            await Execute(connection, statement.Text);
        }

        (await connection.ExecuteScalarAsync<string>("SELECT data_type FROM duckdb_columns() WHERE table_name = 'hub_customer' AND column_name = 'hub_customer_hk'"))
            .Should().Be("UUID");

        var ghost = _dialect.InsertGhostRecord(hub, options);
        await ExecuteStatement(connection, ghost);
        await ExecuteStatement(connection, ghost);

        // A key the engine hashes (a BLOB) goes into the UUID column as the same 16 bytes, big-endian.
        var hash = _dialect.HashExpression(hub.HashingStandard, HashPurpose.Key, [new TypedExpression(_dialect.ParameterPlaceholder("bk"), DataType.String(20))]);
        var insert = $"INSERT INTO {_dialect.QuoteIdentifier("hub_customer")} ({_dialect.QuoteIdentifier("hub_customer_hk")}, {_dialect.QuoteIdentifier("customer_id")}, {_dialect.QuoteIdentifier("load_date")}, {_dialect.QuoteIdentifier("record_source")}) " +
                     $"SELECT {hash}, {_dialect.ParameterPlaceholder("bk")}, {_dialect.ParameterPlaceholder("ld")}, 'test'";
        await connection.ExecuteAsync(insert, new { bk = " c1 ", ld = new DateTime(2026, 1, 1) });

        // A staged key bound as the C# engine's bytes lands in the same UUID.
        var staging = StagingTable.For(hub.TableName);
        var definition = _dialect.StagingTableFor(_dialect.HubTable(hub, options), staging, model.Naming.LoadEndDate);
        foreach (var statement in _dialect.CreateStaging(definition, staging))
        {
            await Execute(connection, statement.Text);
        }

        var key = (byte[])ModelHashing.HashKey(hub, ["C1"])!;
        await Execute(connection, _dialect.InsertValues(staging.Name, [.. definition.Columns.Select(c => c.Name)]), [key, "C1", new DateTime(2026, 1, 2), "crm"]);
        (await Execute(connection, _dialect.LoadHub(hub, staging).Text)).Should().Be(0, "the engine already stored the same key");

        var keys = (await connection.QueryAsync<Guid>("SELECT hub_customer_hk FROM hub_customer ORDER BY load_date")).ToList();
        keys.Should().Equal(Guid.Empty, new Guid(key, bigEndian: true));
    }

    [Fact]
    public async Task The_vault_has_primary_and_foreign_keys_but_no_secondary_indexes()
    {
        await using var connection = await fixture.OpenAsync();
        var model = TestModels.Retail(_dialect);
        foreach (var statement in _dialect.DropVault(model).Concat(_dialect.CreateVault(model)))
        {
            await Execute(connection, statement.Text);
        }

        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM duckdb_indexes() WHERE table_name IN ('hub_customer', 'hub_product', 'link_sale', 'sat_customer_details', 'sat_sale_metrics')"))
            .Should().Be(0);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' AND table_name IN ('hub_customer', 'hub_product', 'link_sale', 'sat_customer_details', 'sat_sale_metrics')"))
            .Should().Be(5);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY' AND table_name IN ('link_sale', 'sat_customer_details', 'sat_sale_metrics')"))
            .Should().Be(5, "the link references its three hubs, each satellite its parent");
    }

    [Fact]
    public async Task Two_transactions_loading_the_same_new_key_the_second_commit_fails_and_a_rerun_skips_it()
    {
        _dialect.Capabilities.ConflictSafeInsert.Should().BeFalse("docs/dialects.md documents DuckDB's optimistic concurrency");
        var model = TestModels.Retail(_dialect);
        var hub = model.Hub("product");
        await using var first = await fixture.OpenAsync();
        await using var second = await fixture.OpenAsync();
        foreach (var statement in _dialect.DropVault(model).Concat(_dialect.CreateVault(model)))
        {
            await Execute(first, statement.Text);
        }

        var staging = StagingTable.For(hub.TableName, temporary: true);
        var definition = _dialect.StagingTableFor(_dialect.HubTable(hub, DdlOptions.Default), staging, model.Naming.LoadEndDate);
        foreach (var connection in new[] { first, second })
        {
            foreach (var statement in _dialect.CreateStaging(definition, staging))
            {
                await Execute(connection, statement.Text);
            }

            await Execute(connection, _dialect.InsertValues(staging.Name, [.. definition.Columns.Select(c => c.Name)]), [ModelHashing.HashKey(hub, ["P1"]), "P1", new DateTime(2026, 1, 1), "shop"]);
        }

        await using (var t1 = await first.BeginTransactionAsync())
        await using (var t2 = await second.BeginTransactionAsync())
        {
            (await Execute(first, _dialect.LoadHub(hub, staging).Text, transaction: t1)).Should().Be(1);
            (await Execute(second, _dialect.LoadHub(hub, staging).Text, transaction: t2)).Should().Be(1, "the key is not committed yet");
            await t1.CommitAsync();
            var commit = async () => await t2.CommitAsync();
            (await commit.Should().ThrowAsync<DuckDBException>()).Which.Message.Should().Contain("constraint");
        }

        (await Execute(second, _dialect.LoadHub(hub, staging).Text)).Should().Be(0, "the rerun finds the committed key");
        (await first.ExecuteScalarAsync<long>("SELECT count(*) FROM hub_product")).Should().Be(1);
    }

    private static string CSharpCanonical(DataType type, object value)
    {
        Span<char> buffer = stackalloc char[128];
        var written = value switch
        {
            decimal d => CanonicalText.Format(d, type.Precision!.Value, type.Scale!.Value, buffer),
            TimeOnly t => CanonicalText.Format(t, buffer),
            DateOnly d => CanonicalText.Format(d, buffer),
            DateTime d => CanonicalText.Format(d, buffer),
            bool b => CanonicalText.Format(b, buffer),
            Guid g => CanonicalText.Format(g, buffer),
            byte[] b => CanonicalText.Format(b, buffer),
            long l => CanonicalText.Format(l, buffer),
            _ => throw new ArgumentException("no canonical text for " + value.GetType().Name, nameof(value)),
        };
        return new string(buffer[..written]);
    }

    private static async Task<int> Execute(DbConnection connection, string sql, IReadOnlyList<object?>? values = null, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values![i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteStatement(DbConnection connection, SqlStatement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = statement.Text;
        foreach (var p in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            parameter.Value = p.Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}

using System.Globalization;
using System.Text;
using Dapper;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Dialects;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace DataVault.IntegrationTests;

/// <summary>
/// What only PostgreSQL has: binary hash keys as <c>uuid</c> or <c>bytea</c>, <c>ON CONFLICT DO NOTHING</c> under
/// concurrent loaders, <c>upper()</c> under an explicit collation, hashing independent of the database's encoding and
/// ctype, and <c>infinity</c> dates.
/// </summary>
public sealed class PostgreSqlSpecificTests(PostgreSqlFixture fixture) : IClassFixture<PostgreSqlFixture>
{
    private static readonly DateTime LoadDate = new(2026, 11, 1, 8, 0, 0);

    private readonly SqlDialect _dialect = fixture.Dialect;

    private string Q(string identifier) => _dialect.QuoteIdentifier(identifier);

    private DataVaultModel CustomerVault(HashingStandard standard) => new DataVaultModelBuilder()
        .UseHashingStandard(standard)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Build(_dialect);

    [Theory]
    [InlineData(true, "uuid")]
    [InlineData(false, "bytea")]
    public async Task Binary_hash_keys_are_stored_as_the_CSharp_digest_and_equal_the_in_database_hash(bool nativeUuid, string expectedType)
    {
        var options = DdlOptions.Default with { NativeUuidForBinaryKeys = nativeUuid };
        var model = CustomerVault(HashingStandards.AutomateDv);
        var hub = model.Hub("customer");
        await using var connection = await fixture.OpenAsync();
        var harness = new VaultHarness(connection, _dialect, model);
        await harness.ExecuteAsync(_dialect.DropVault(model));
        await harness.ExecuteAsync(_dialect.CreateVault(model, options));
        (await connection.ExecuteScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_name = @table AND column_name = @column",
            new { table = hub.TableName, column = hub.HashKeyColumn })).Should().Be(expectedType);

        // AutomateDV: MD5 of the upper-cased, trimmed key, stored as 16 bytes; staged as a Guid built from those bytes.
        string[] keys = ["C1", "c2 ", "Zoë", "straße", "ǆemal"];
        var digests = keys.Select(k => (byte[])ModelHashing.HashKey(hub, [k])!).ToArray();
        var staging = StagingTable.For(hub.TableName);
        await harness.StageAsync(_dialect.HubTable(hub, options), staging,
            keys.Select((k, i) => (object?[])[nativeUuid ? new Guid(digests[i], bigEndian: true) : digests[i], k, LoadDate, "crm"]));
        await harness.ExecuteAsync(_dialect.LoadHub(hub, staging));
        await harness.ExecuteAsync(_dialect.LoadHub(hub, staging)); // a rerun adds nothing
        await harness.ExecuteAsync(_dialect.InsertGhostRecord(hub, options));
        await harness.ExecuteAsync(_dialect.InsertGhostRecord(hub, options));

        // The stored bytes, read on the server (uuid_send: the 16 bytes in RFC 4122 order), and the key the database
        // computes itself from the stored business key.
        var key = "h." + Q(hub.HashKeyColumn);
        var computed = _dialect.HashExpression(hub.HashingStandard, HashPurpose.Key, [new TypedExpression("h." + Q("customer_id"), DataType.String(20))]);
        var rows = (await connection.QueryAsync<(string? Id, byte[] Stored, byte[]? Computed)>(
            $"SELECT h.{Q("customer_id")}, {(nativeUuid ? $"uuid_send({key})" : key)}, {computed} FROM {Q(hub.TableName)} h")).ToList();

        rows.Should().HaveCount(keys.Length + 1, "each key once, and the ghost record once");
        rows.Single(r => r.Id is null).Stored.Should().Equal(new byte[16], "the ghost record has the zero key");
        foreach (var (k, digest) in keys.Zip(digests))
        {
            var row = rows.Single(r => r.Id == k);
            row.Stored.Should().Equal(digest, $"the stored key of '{k}' is the C# digest");
            row.Computed.Should().Equal(digest, $"PostgreSQL computes the same key for '{k}'");
        }

        if (nativeUuid)
        {
            var guids = (await connection.QueryAsync<(string Id, Guid Key)>(
                $"SELECT {Q("customer_id")}, {Q(hub.HashKeyColumn)} FROM {Q(hub.TableName)} WHERE {Q("customer_id")} IS NOT NULL")).ToList();
            guids.Select(g => Convert.ToHexStringLower(g.Key.ToByteArray(bigEndian: true))).Should()
                .BeEquivalentTo(digests.Select(Convert.ToHexStringLower), "Npgsql reads the uuid back as the same 16 bytes");
        }
    }

    [Fact]
    public async Task Two_loaders_of_overlapping_hub_keys_in_interleaved_transactions_store_each_key_once_without_errors()
    {
        var model = CustomerVault(HashingStandards.Default);
        var hub = model.Hub("customer");
        await using var a = (NpgsqlConnection)await fixture.OpenAsync();
        await using var b = (NpgsqlConnection)await fixture.OpenAsync();
        var loaderA = new VaultHarness(a, _dialect, model);
        var loaderB = new VaultHarness(b, _dialect, model);
        await loaderA.ExecuteAsync(_dialect.DropVault(model));
        await loaderA.CreateVaultAsync();

        // Each loader stages into its own session's temporary table, in its own transaction.
        var staging = StagingTable.For(hub.TableName, temporary: true);
        var keysA = Enumerable.Range(1, 50).Select(i => $"K{i:000}").ToArray();
        var keysB = Enumerable.Range(26, 50).Select(i => $"K{i:000}").ToArray();
        object?[][] Rows(string[] keys, string source) => [.. keys.Select(k => (object?[])[ModelHashing.HashKey(hub, [k]), k, LoadDate, source])];
        var load = _dialect.LoadHub(hub, staging);

        await using var transactionA = await a.BeginTransactionAsync();
        await using var transactionB = await b.BeginTransactionAsync();
        await loaderA.StageAsync(_dialect.HubTable(hub, DdlOptions.Default), staging, Rows(keysA, "loader_a"));
        await loaderB.StageAsync(_dialect.HubTable(hub, DdlOptions.Default), staging, Rows(keysB, "loader_b"));

        var insertedByA = await a.ExecuteAsync(load.Text, transaction: transactionA);
        // B's insert meets A's uncommitted K026..K050 and must wait for A's outcome.
        var loadB = b.ExecuteAsync(load.Text, transaction: transactionB);
        (await WaitEventTypeAsync(b.ProcessID, "Lock")).Should().Be("Lock", "B's insert waits for A's uncommitted keys (the interleaving is real)");
        loadB.IsCompleted.Should().BeFalse();

        await transactionA.CommitAsync();
        var insertedByB = await loadB; // ON CONFLICT DO NOTHING: no unique violation
        await transactionB.CommitAsync();

        insertedByA.Should().Be(50);
        insertedByB.Should().Be(25, "K051..K075 are new to B; K026..K050 were committed by A meanwhile");
        await using var check = await fixture.OpenAsync();
        var rows = (await check.QueryAsync<(string Id, string Source)>(
            $"SELECT {Q("customer_id")}, {Q("record_source")} FROM {Q(hub.TableName)} ORDER BY 1")).ToList();
        rows.Select(r => r.Id).Should().Equal(Enumerable.Range(1, 75).Select(i => $"K{i:000}"), "every key once, none twice");
        rows.Where(r => r.Source == "loader_b").Select(r => r.Id).Should().Equal(Enumerable.Range(51, 25).Select(i => $"K{i:000}"));
    }

    [Fact]
    public async Task Upper_under_the_dialects_collation_equals_the_CSharp_engine_for_every_Unicode_scalar_value()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = connection.CreateCommand();
        // chr() takes every scalar value except 0 and the surrogates.
        command.CommandText = $"SELECT cp, {_dialect.Primitives.Upper("chr(cp)")} FROM generate_series(1, 1114111) cp WHERE cp NOT BETWEEN 55296 AND 57343";
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        var differences = new List<string>();
        while (await reader.ReadAsync())
        {
            count++;
            var cp = reader.GetInt32(0);
            var expected = UnicodeCasing.ToUpper(char.ConvertFromUtf32(cp));
            var actual = reader.GetString(1);
            if (actual != expected && differences.Count < 50)
            {
                differences.Add($"U+{cp:X4}: PostgreSQL {Codes(actual)}, C# {Codes(expected)}");
            }
        }

        count.Should().Be(0x10FFFF - 2048);
        differences.Should().BeEmpty("upper() under {0} applies Unicode's simple mapping, as the C# engine does", ((PostgreSqlDialect)_dialect).UpperCollation);
    }

    [Fact]
    public async Task Key_hashes_do_not_depend_on_the_databases_ctype()
    {
        // In a database whose ctype is C, upper() without a collation changes ASCII letters only.
        string[] values = ["abc", "élan", "ǆemal", "ıi", "Ωμέγα", "Москва"];
        await WithDatabaseAsync("C", "UTF8", async connection =>
        {
            var withCollation = await HashesAsync(connection, _dialect, HashPurpose.Key, values);
            var databaseDefault = await HashesAsync(connection, new PostgreSqlDialect { UpperCollation = null }, HashPurpose.Key, values);
            for (var i = 0; i < values.Length; i++)
            {
                withCollation[i].Should().Be(DataVaultHasher.Default.HashKeyHex(values[i]), $"'{values[i]}' is upper-cased under C.utf8 whatever the ctype");
            }

            databaseDefault[0].Should().Be(DataVaultHasher.Default.HashKeyHex("abc"), "ASCII is upper-cased under ctype C too");
            for (var i = 1; i < values.Length; i++)
            {
                databaseDefault[i].Should().NotBe(DataVaultHasher.Default.HashKeyHex(values[i]), $"without the collation, ctype C leaves the non-ASCII letters of '{values[i]}' as they are");
            }
        });
    }

    [Fact]
    public async Task Hashes_are_over_UTF8_bytes_whatever_the_database_encoding()
    {
        string[] values = ["Zoë", "café crème", "Ærø", "plain"];
        await WithDatabaseAsync("C", "LATIN1", async connection =>
        {
            // Diffs keep their casing: no upper(), so no collation is involved.
            var hashes = await HashesAsync(connection, _dialect, HashPurpose.Diff, values);
            hashes.Should().Equal(values.Select(v => DataVaultHasher.Default.HashDiffHex(v)));

            // The reason for convert_to: md5(text) hashes the bytes of the database encoding (LATIN1 here).
            var plain = await connection.ExecuteScalarAsync<string>("SELECT md5(@v)", new { v = "Zoë" });
            plain.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.Latin1.GetBytes("Zoë"))))
                .And.NotBe(DataVaultHasher.Default.HashDiffHex("Zoë"));

            // Keys need upper() under C.utf8, a collation of UTF8 databases only: a clear error, not a wrong hash.
            var keys = async () => await HashesAsync(connection, _dialect, HashPurpose.Key, values);
            (await keys.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UndefinedObject);
        });
    }

    [Fact]
    public async Task Infinite_dates_and_timestamps_have_the_canonical_text_of_the_largest_and_smallest_NET_values()
    {
        await using var connection = await fixture.OpenAsync();
        await connection.ExecuteAsync("DROP TABLE IF EXISTS dv_infinity");
        await connection.ExecuteAsync("CREATE TABLE dv_infinity (id INTEGER, d DATE, ts TIMESTAMP(6))");
        // Literals in the database, and what Npgsql writes for the .NET extremes (infinity, unless its conversions are off).
        await connection.ExecuteAsync("INSERT INTO dv_infinity VALUES (1, 'infinity', 'infinity'), (2, '-infinity', '-infinity')");
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO dv_infinity VALUES (3, @dmax, @tsmax), (4, @dmin, @tsmin)";
            insert.Parameters.Add(new NpgsqlParameter("dmax", DateOnly.MaxValue));
            insert.Parameters.Add(new NpgsqlParameter("tsmax", DateTime.MaxValue));
            insert.Parameters.Add(new NpgsqlParameter("dmin", DateOnly.MinValue));
            insert.Parameters.Add(new NpgsqlParameter("tsmin", DateTime.MinValue));
            await insert.ExecuteNonQueryAsync();
        }

        var rows = (await connection.QueryAsync<(int Id, string Date, string Timestamp)>(
            $"SELECT id, {_dialect.Primitives.CanonicalText("d", DataType.Date)}, {_dialect.Primitives.CanonicalText("ts", DataType.Timestamp)} FROM dv_infinity ORDER BY id")).ToList();

        var max = (Canonical(DateOnly.MaxValue), Canonical(DateTime.MaxValue));
        var min = (Canonical(DateOnly.MinValue), Canonical(DateTime.MinValue));
        rows.Select(r => (r.Date, r.Timestamp)).Should().Equal(max, min, max, min);
    }

    private static async Task<string?[]> HashesAsync(NpgsqlConnection connection, SqlDialect dialect, HashPurpose purpose, string[] values)
    {
        await connection.ExecuteAsync("DROP TABLE IF EXISTS dv_values");
        await connection.ExecuteAsync("CREATE TABLE dv_values (id INTEGER, v TEXT)");
        for (var i = 0; i < values.Length; i++)
        {
            await connection.ExecuteAsync("INSERT INTO dv_values VALUES (@id, @v)", new { id = i, v = values[i] });
        }

        var query = dialect.SelectHashes("dv_values", "id", HashingStandards.Default, purpose, [new ColumnDefinition("v", DataType.Text)]);
        return [.. (await connection.QueryAsync<(int Id, string? Hash)>(query.Text)).Select(r => r.Hash)];
    }

    private async Task WithDatabaseAsync(string locale, string encoding, Func<NpgsqlConnection, Task> test)
    {
        var name = $"{fixture.DatabaseName}_{encoding.ToLowerInvariant()}_{locale.ToLowerInvariant().Replace('.', '_')}";
        await using (var admin = await fixture.OpenAdminAsync())
        {
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {Q(name)} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
            await fixture.CreateDatabaseAsync(admin, name, locale, encoding);
        }

        try
        {
            await using var connection = await fixture.OpenDatabaseAsync(name);
            await test(connection);
            NpgsqlConnection.ClearPool(connection);
        }
        finally
        {
            await fixture.DropDatabaseAsync(name);
        }
    }

    /// <summary>The wait event type of a backend, once it is <paramref name="expected"/> (or whatever it is after 15 s).</summary>
    private async Task<string?> WaitEventTypeAsync(int pid, string expected)
    {
        await using var monitor = await fixture.OpenAsync();
        string? current = null;
        for (var attempt = 0; attempt < 150 && current != expected; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(100);
            }

            current = await monitor.ExecuteScalarAsync<string?>("SELECT wait_event_type FROM pg_stat_activity WHERE pid = @pid", new { pid });
        }

        return current;
    }

    private static string Canonical(DateOnly value) => Format(d => CanonicalText.Format(value, d));

    private static string Canonical(DateTime value) => Format(d => CanonicalText.Format(value, d));

    private delegate int Formatter(Span<char> destination);

    private static string Format(Formatter format)
    {
        Span<char> buffer = stackalloc char[CanonicalText.MaxScalarLength];
        return new string(buffer[..format(buffer)]);
    }

    private static string Codes(string text) => string.Join(" ", text.EnumerateRunes().Select(r => "U+" + r.Value.ToString("X4", CultureInfo.InvariantCulture)));
}

using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Engines;
using DataVault.IntegrationTests.Scenarios;
using FluentAssertions;
using MySqlConnector;
using Xunit;

namespace DataVault.IntegrationTests;

/// <summary>
/// What the MariaDB/MySQL dialect does differently from the base, checked on the real server: constants that mean the
/// same in every <c>sql_mode</c>, <c>UPPER</c> over all of Unicode, no-pad comparisons, conflict handling that skips
/// duplicates but not other errors, DDL that commits, long names and long text keys, temporary staging tables.
/// </summary>
public abstract class MariaDbDialectScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : MariaDbFixture
{
    private static readonly DateTime LoadDate = new(2026, 11, 1, 8, 0, 0);

    protected TFixture Fixture { get; } = fixture;

    private SqlDialect Dialect => Fixture.Dialect;

    private string Q(string name) => Dialect.QuoteIdentifier(name);

    [Theory]
    [InlineData("\\")]
    [InlineData("a\\b\\\\c\\")]
    [InlineData("'")]
    [InlineData("\\'")]
    [InlineData("''")]
    [InlineData("\"`%_")]
    [InlineData("||")]
    [InlineData("^^")]
    [InlineData("é§ß")]
    [InlineData("😀\\|𐐀")]
    [InlineData("")]
    public async Task A_constant_of_a_standard_reads_back_exactly(string constant)
    {
        await using var connection = await Fixture.OpenAsync();
        var literal = Dialect.Quoter.StringLiteral(constant);
        var hex = await connection.ExecuteScalarAsync<string>($"SELECT HEX(CONVERT({literal} USING utf8mb4))");
        hex.Should().Be(Convert.ToHexString(Encoding.UTF8.GetBytes(constant)), $"{literal} must mean {constant} in sql_mode {await SqlModeAsync(connection)}");
    }

    [Fact]
    public async Task Control_character_literals_are_the_single_characters()
    {
        await using var connection = await Fixture.OpenAsync();
        foreach (var c in HashingStandard.ControlCharacters)
        {
            var hex = await connection.ExecuteScalarAsync<string>($"SELECT HEX({Dialect.Quoter.ControlCharacterLiteral(c)})");
            hex.Should().Be(((int)c).ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Upper_applies_the_simple_Unicode_mapping_of_the_CSharp_engine_to_every_code_point()
    {
        // Every scalar value (surrogates excluded), as utf8mb4 text; the server returns those whose upper case differs.
        await using var connection = await Fixture.OpenAsync();
        var character = "CONVERT(CHAR(seq USING utf32) USING utf8mb4)";
        var rows = await connection.QueryAsync<(long CodePoint, string Upper)>(
            $"SELECT seq, HEX(CONVERT({Dialect.Primitives.Upper(character)} USING utf32)) AS u FROM seq_0_to_1114111 " +
            "WHERE seq NOT BETWEEN 55296 AND 57343 HAVING u <> LPAD(HEX(seq), 8, '0')");
        var engine = rows.ToDictionary(r => (int)r.CodePoint, r => int.Parse(r.Upper, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        var expected = new Dictionary<int, int>();
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = char.ConvertFromUtf32(cp);
            var upper = UnicodeCasing.ToUpper(text);
            if (upper != text)
            {
                expected[cp] = char.ConvertToUtf32(upper, 0);
            }
        }

        expected.Should().HaveCountGreaterThan(1400, "Unicode has that many simple uppercase mappings");
        engine.Should().Equal(expected, "MariaDB's UPPER under the dialect's collation must equal UnicodeCasing for every code point");
    }

    [Fact]
    public async Task A_custom_standard_hashes_spaces_ignorables_and_odd_constants_like_the_CSharp_engine()
    {
        // No trimming: '  ' is not empty (a PAD SPACE collation would say it equals ''); U+200B is not empty either (a
        // UCA collation ignores it). The delimiter and NULL token hold a backslash, a quote and non-ASCII text.
        var standard = HashingStandards.Default with
        {
            Id = "mariadb-odd-constants-v1",
            Trim = TrimRule.None,
            Escape = EscapeRule.None,
            Delimiter = "\\|é'",
            NullToken = "'\\0",
        };
        standard.Validate();
        string?[][] rows =
        [
            ["  ", "x"], ["\u200B", null], ["a\u200Bb", " "], ["\t", "\\"], ["ß", "ǅ"], [null, "'"], ["", "Zoë "],
        ];
        var columns = new[] { new ColumnDefinition("c0", DataType.Text), new ColumnDefinition("c1", DataType.Text) };

        await using var connection = await Fixture.OpenAsync();
        var table = "dv_custom";
        await Db.ExecuteAsync(connection, Dialect.DropTable(table).Text);
        await Db.ExecuteAsync(connection, Dialect.CreateTable(new TableDefinition(table, [new("id", Dialect.Types.For(DataType.Int), true), .. columns.Select(c => new TableColumn(c.Name, Dialect.Types.For(c.Type), false))], ["id"], [], []), DdlOptions.Default)[0].Text);
        for (var i = 0; i < rows.Length; i++)
        {
            await Db.ExecuteAsync(connection, Dialect.InsertValues(table, ["id", "c0", "c1"]), [i, rows[i][0], rows[i][1]]);
        }

        var checkedCount = 0;
        foreach (var algorithm in new[] { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 })
        {
            foreach (var purpose in new[] { HashPurpose.Key, HashPurpose.Diff })
            {
                var s = standard with { Algorithm = algorithm };
                var hasher = new DataVaultHasher(s);
                var actual = (await connection.QueryAsync<(int Id, string? Hash)>(Dialect.SelectHashes(table, "id", s, purpose, columns).Text)).ToList();
                actual.Select(r => r.Id).Should().Equal(Enumerable.Range(0, rows.Length));
                for (var i = 0; i < rows.Length; i++)
                {
                    var expected = purpose == HashPurpose.Key ? hasher.HashKeyHex(rows[i]) : hasher.HashDiffHex(rows[i]);
                    actual[i].Hash.Should().Be(expected, $"{algorithm} {purpose} of row {i}");
                    checkedCount++;
                }
            }
        }

        checkedCount.Should().Be(3 * 2 * rows.Length);
    }

    [Fact]
    public async Task A_hub_load_skips_a_key_that_a_concurrent_loader_committed_meanwhile()
    {
        var model = TestModels.Retail(Dialect);
        var hub = model.Hub("customer");
        await using var setup = await Fixture.OpenAsync();
        var harness = new VaultHarness(setup, Dialect, model);
        await harness.ExecuteAsync(Dialect.DropVault(model));
        await harness.CreateVaultAsync();

        var load = Dialect.LoadHub(hub, StagingTable.For(hub.TableName));
        load.Text.Should().Contain("ON DUPLICATE KEY UPDATE").And.NotContain("IGNORE");
        var withoutConflictClause = load.Text[..load.Text.IndexOf(Environment.NewLine + "ON DUPLICATE KEY UPDATE", StringComparison.Ordinal)];

        (await RaceAsync(model, "C1", load.Text)).Should().BeNull("the key the other loader committed is skipped");
        (await harness.CountAsync(hub.TableName)).Should().Be(2, "C1 once (from the other loader) and C2");

        // The same race without the conflict clause fails: the test does produce the race it claims to survive.
        await harness.ExecuteAsync(Dialect.DropVault(model));
        await harness.CreateVaultAsync();
        (await RaceAsync(model, "C1", withoutConflictClause)).Should().NotBeNull().And.Match<MySqlException>(e => e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry);
    }

    /// <summary>
    /// Loader B stages C1 and C2 and runs <paramref name="loadSql"/> at READ COMMITTED while loader A holds an
    /// uncommitted C1; A commits once B waits for its lock. Returns B's error, if any.
    /// </summary>
    private async Task<MySqlException?> RaceAsync(DataVaultModel model, string key, string loadSql)
    {
        var hub = model.Hub("customer");
        await using var a = (MySqlConnection)await Fixture.OpenAsync();
        await using var b = (MySqlConnection)await Fixture.OpenAsync();
        var loaderB = new VaultHarness(b, Dialect, model);
        var staging = StagingTable.For(hub.TableName);
        await loaderB.StageAsync(Dialect.HubTable(hub, DdlOptions.Default), staging, [
            [ModelHashing.HashKey(hub, [key]), key, LoadDate, "b"],
            [ModelHashing.HashKey(hub, ["C2"]), "C2", LoadDate, "b"],
        ]);

        await using var transaction = await a.BeginTransactionAsync();
        await a.ExecuteAsync(Dialect.InsertValues(hub.TableName, [hub.HashKeyColumn, "customer_id", "load_date", "record_source"]),
            new { p0 = ModelHashing.HashKey(hub, [key]), p1 = key, p2 = LoadDate, p3 = "a" }, transaction);

        await b.ExecuteAsync("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        var loadB = Task.Run(async () =>
        {
            try
            {
                await b.ExecuteAsync(loadSql);
                return null;
            }
            catch (MySqlException e)
            {
                return e;
            }
        });

        // Commit A only once B has been waiting for A's lock a while (its statement takes milliseconds otherwise).
        for (var waited = 0; ; waited += 50)
        {
            var running = await a.ExecuteScalarAsync<long?>(
                "SELECT TIME_MS FROM information_schema.PROCESSLIST WHERE ID = @id AND INFO IS NOT NULL", new { id = b.ServerThread }, transaction);
            if (running >= 500 || loadB.IsCompleted)
            {
                break;
            }

            waited.Should().BeLessThan(20_000, "loader B waits for loader A's uncommitted key");
            await Task.Delay(50);
        }

        loadB.IsCompleted.Should().BeFalse("loader B must wait for A's uncommitted key (else there is no race to test)");
        await transaction.CommitAsync();
        return await loadB;
    }

    [Fact]
    public async Task A_link_load_reports_a_foreign_key_violation_instead_of_ignoring_it()
    {
        var model = TestModels.Retail(Dialect);
        var link = model.Link("sale");
        await using var connection = await Fixture.OpenAsync();
        var harness = new VaultHarness(connection, Dialect, model);
        await harness.ExecuteAsync(Dialect.DropVault(model));
        await harness.CreateVaultAsync();

        var staging = StagingTable.For(link.TableName);
        object?[] keys = ["C1", "P1", "C2", 1];
        await harness.StageAsync(Dialect.LinkTable(link, DdlOptions.Default), staging, [
            [ModelHashing.HashKey(link, keys), ModelHashing.HashKey(model.Hub("customer"), ["C1"]), ModelHashing.HashKey(model.Hub("product"), ["P1"]), ModelHashing.HashKey(model.Hub("customer"), ["C2"]), 1, LoadDate, "pos"],
        ]);

        var act = () => harness.ExecuteAsync(Dialect.LoadLink(link, staging));
        (await act.Should().ThrowAsync<MySqlException>()).Which.ErrorCode.Should().Be(MySqlErrorCode.NoReferencedRow2, "the hubs do not hold the keys");
        (await harness.CountAsync(link.TableName)).Should().Be(0);
    }

    [Fact]
    public async Task Ddl_commits_implicitly_as_the_capabilities_say()
    {
        Dialect.Capabilities.TransactionalDdl.Should().BeFalse();
        await using var connection = await Fixture.OpenAsync();
        await connection.ExecuteAsync(Dialect.DropTable("dv_ddl_probe").Text);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(Dialect.CreateTable(new TableDefinition("dv_ddl_probe", [new("id", new SqlType(DataType.Int, "INT"), true)], ["id"], [], []), DdlOptions.Default)[0].Text, transaction: transaction);
            await transaction.RollbackAsync();
        }

        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'dv_ddl_probe'"))
            .Should().Be(1, "CREATE TABLE committed before the rollback");
    }

    [Fact]
    public async Task Names_of_64_characters_and_long_text_keys_create_and_load()
    {
        // A 56-character hub name makes a 63-character hash-key column; a 56-character satellite a 60-character table,
        // whose foreign key InnoDB would name beyond 64 characters (and whose conventional staging table has 64). Text
        // and long string keys need index prefixes.
        var hubName = "customer_" + new string('h', 47);
        var satName = "details_" + new string('s', 48);
        var model = new DataVaultModelBuilder()
            .Hub(hubName, h => h.BusinessKey("notes_key", DataType.Text).BusinessKey("long_key", DataType.String(5000)))
            .Hub("article", h => h.BusinessKey("article_id", DataType.String(20)))
            .Link("purchase", l => l.Hub(hubName).Hub("article"))
            .Satellite(satName, s => s.OnHub(hubName).Attribute("name", DataType.String(20000)))
            .Build(Dialect);
        var hub = model.Hub(hubName);
        hub.HashKeyColumn.Should().HaveLength(63);
        StagingTable.For(model.Satellite(satName).TableName).Name.Should().HaveLength(64);

        await using var connection = await Fixture.OpenAsync();
        var harness = new VaultHarness(connection, Dialect, model);
        await harness.ExecuteAsync(Dialect.DropVault(model));
        await harness.CreateVaultAsync();
        await harness.CreateVaultAsync();

        var longText = new string('x', 70_000);
        var longString = new string('y', 5000);
        await harness.LoadHubAsync(hub, LoadDate, "crm", [longText, longString], [longText + "z", longString]);
        await harness.LoadSatelliteAsync(model.Satellite(satName), "crm", ([longText, longString], LoadDate, [new string('n', 20000)]));
        (await harness.CountAsync(hub.TableName)).Should().Be(2);
        (await harness.CountAsync(model.Satellite(satName).TableName)).Should().Be(1);

        var indexed = await connection.QueryAsync<(string Column, long? Prefix)>(
            "SELECT COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @t AND INDEX_NAME <> 'PRIMARY' ORDER BY SEQ_IN_INDEX",
            new { t = hub.TableName });
        indexed.Should().Equal(("notes_key", 384L), ("long_key", 384L));
    }

    [Fact]
    public async Task Satellites_load_and_end_date_from_a_temporary_staging_table()
    {
        var model = TestModels.Retail(Dialect);
        var sat = model.Satellite("customer_details");
        var hub = model.Hub("customer");
        await using var connection = await Fixture.OpenAsync();
        var harness = new VaultHarness(connection, Dialect, model);
        await harness.ExecuteAsync(Dialect.DropVault(model));
        await harness.CreateVaultAsync();
        await harness.LoadHubAsync(hub, LoadDate, "crm", ["C1"]);

        var staging = new StagingTable("stg_tmp_details", Temporary: true);
        Dialect.CreateStaging(Dialect.SatelliteTable(sat, DdlOptions.Default), staging)[0].Text.Should().StartWith("DROP TEMPORARY TABLE IF EXISTS");
        object?[] a = ["Ann", null, 1m];
        object?[] b = ["Anne", null, 1m];
        await harness.StageAsync(Dialect.SatelliteTable(sat, DdlOptions.Default), staging, [
            [ModelHashing.HashKey(hub, ["C1"]), LoadDate, ModelHashing.HashDiff(sat, a), "crm", .. a],
            [ModelHashing.HashKey(hub, ["C1"]), LoadDate.AddHours(1), ModelHashing.HashDiff(sat, b), "crm", .. b],
            [ModelHashing.HashKey(hub, ["C1"]), LoadDate.AddHours(2), ModelHashing.HashDiff(sat, b), "crm", .. b],
        ]);
        await harness.ExecuteAsync(Dialect.LoadSatellite(sat, staging));
        await harness.ExecuteAsync(Dialect.EndDateSatellite(sat, staging));
        await harness.ExecuteAsync(Dialect.EndDateSatellite(sat, staging));

        var ends = (await connection.QueryAsync<DateTime?>($"SELECT {Q("load_end_date")} FROM {Q(sat.TableName)} ORDER BY {Q("load_date")}")).ToList();
        ends.Should().Equal(LoadDate.AddHours(1), null);
        (await connection.QueryAsync(Dialect.SelectSatelliteConflicts(sat, staging).Text)).Should().BeEmpty();

        // A staged row that contradicts a stored one (same key and load date, other diff) is reported.
        object?[] c = ["Anna", null, 2m];
        await connection.ExecuteAsync(Dialect.InsertValues(staging.Name, ["hub_customer_hk", "load_date", "hash_diff", "record_source", "name", "birth_date", "credit_limit"]),
            new { p0 = ModelHashing.HashKey(hub, ["C1"]), p1 = LoadDate, p2 = ModelHashing.HashDiff(sat, c), p3 = "crm", p4 = "Anna", p5 = (DateTime?)null, p6 = 2m });
        (await connection.QueryAsync(Dialect.SelectSatelliteConflicts(sat, staging).Text)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_vault_with_binary_keys_loads_and_gets_its_ghost_record_once()
    {
        var model = TestModels.Retail(Dialect, HashingStandards.AutomateDv);
        var hub = model.Hub("customer");
        Dialect.Types.HashColumn(hub.HashingStandard, DdlOptions.Default).Text.Should().Be("BINARY(16)");
        await using var connection = await Fixture.OpenAsync();
        var harness = new VaultHarness(connection, Dialect, model);
        await harness.ExecuteAsync(Dialect.DropVault(model));
        await harness.CreateVaultAsync();

        await harness.ExecuteAsync(Dialect.InsertGhostRecord(hub));
        await harness.ExecuteAsync(Dialect.InsertGhostRecord(hub));
        await harness.LoadHubAsync(hub, LoadDate, "crm", ["C1"], ["c1"], ["C2"]);
        await harness.LoadHubAsync(hub, LoadDate.AddDays(1), "crm", ["C2"], ["C3"]);

        var keys = (await connection.QueryAsync<byte[]>($"SELECT {Q(hub.HashKeyColumn)} FROM {Q(hub.TableName)}")).ToList();
        keys.Should().HaveCount(4, "the ghost record, C1, C2 and C3");
        keys.Should().ContainSingle(k => k.All(b => b == 0), "the zero key of the ghost record");
        keys.Should().OnlyContain(k => k.Length == 16);
        keys.Should().ContainEquivalentOf((byte[])ModelHashing.HashKey(hub, ["C3"])!);
    }

    private static async Task<string> SqlModeAsync(DbConnection connection) => await connection.ExecuteScalarAsync<string>("SELECT @@SESSION.sql_mode") ?? string.Empty;

}

public sealed class MariaDbDialectTests(MariaDbFixture fixture) : MariaDbDialectScenarios<MariaDbFixture>(fixture);

public sealed class MariaDbAnsiModesDialectTests(MariaDbAnsiModesFixture fixture) : MariaDbDialectScenarios<MariaDbAnsiModesFixture>(fixture);

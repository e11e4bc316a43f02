using System.Data.Common;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Tests.Vectors;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Scenarios;

/// <summary>
/// Replays the checked-in hash vectors (every standard, every algorithm the engine has) through the engine's own SQL
/// (<see cref="SqlDialect.SelectHashes"/>) and asserts the engine's bytes equal the file's — which the C# engine is
/// tested against too. Where an engine cannot match, the derived class names the case and the reason
/// (<see cref="KnownDeviation"/>), docs/dialects.md documents it, and the test asserts the deviation is real.
/// </summary>
public abstract class HashParityScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected TFixture Fixture { get; } = fixture;

    public static TheoryData<string> Standards() => [.. HashingStandards.All.Keys];

    /// <summary>Why this engine cannot reproduce a case (documented in docs/dialects.md), or null when it must.</summary>
    protected virtual string? KnownDeviation(string standardId, HashVectorCase vector, HashAlgorithmKind algorithm) => null;

    [Theory]
    [MemberData(nameof(Standards))]
    public async Task The_engine_computes_the_vector_hashes_of_every_case(string standardId)
    {
        var file = HashVectorFile.LoadDirectory().Single(f => f.Standard == standardId);
        var dialect = Fixture.Dialect;
        var algorithms = new[] { HashAlgorithmKind.Md5, HashAlgorithmKind.Sha1, HashAlgorithmKind.Sha256 }.Where(dialect.Capabilities.InDatabaseHashAlgorithms.Contains).ToArray();
        algorithms.Should().Contain(HashAlgorithmKind.Md5, "every engine computes MD5");
        await using var connection = await Fixture.OpenAsync();

        var failures = new List<string>();
        var deviations = 0;
        var checkedCount = 0;
        for (var index = 0; index < file.Cases.Count; index++)
        {
            var vector = file.Cases[index];
            var standard = HashingStandards.Get(standardId);
            var parts = vector.PartsInHashingOrder(standard);
            var columns = parts.Select((p, i) => new ColumnDefinition("c" + i, VectorValues.TypeOf(p))).ToArray();
            var table = "dv_vector";
            await Db.ExecuteAsync(connection, dialect.DropTable(table).Text);
            await Db.ExecuteAsync(connection, dialect.CreateTable(new TableDefinition(table, [new("id", dialect.Types.For(DataType.Int), true), .. columns.Select(c => new TableColumn(c.Name, dialect.Types.For(c.Type), false))], [], [], []), DdlOptions.Default with { IfNotExists = false })[0].Text);
            await Db.ExecuteAsync(connection, dialect.InsertValues(table, ["id", .. columns.Select(c => c.Name)]), [1, .. parts.Select(VectorValues.ValueOf)]);

            foreach (var algorithm in algorithms)
            {
                var expected = vector.ExpectedHex(algorithm);
                var query = dialect.SelectHashes(table, "id", standard with { Algorithm = algorithm }, vector.HashPurpose, columns);
                string? actual;
                try
                {
                    actual = await ScalarHexAsync(connection, query.Text);
                }
                catch (DbException e)
                {
                    actual = "error: " + e.Message;
                }

                checkedCount++;
                var deviation = KnownDeviation(standardId, vector, algorithm);
                if (deviation is not null)
                {
                    deviations++;
                    if (actual == expected)
                    {
                        failures.Add($"{vector.Name} [{algorithm}]: documented as a deviation ({deviation}) but the engine now matches; update docs/dialects.md and {GetType().Name}.");
                    }
                }
                else if (actual != expected)
                {
                    failures.Add($"{vector.Name} [{algorithm}]: expected {expected ?? "NULL"}, the engine computed {actual ?? "NULL"} (input {Escape(vector.ExpectedInput())})");
                }
            }
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty($"{dialect.Name} must compute exactly the C# engine's hashes ({checkedCount} checked, {deviations} documented deviations)");
        checkedCount.Should().BeGreaterThan(100);
    }

    /// <summary>
    /// Standards off the presets, whose plans have steps in combinations the vector files do not cover: a quote that
    /// upper-cases (the wrap comes before the casing in the plan, in SQL and in C# alike), no trimming with empty ⇒ NULL,
    /// control characters removed after backslash escapes, replacement tokens longer than any buffer bound.
    /// </summary>
    public static TheoryData<string> CustomStandards() => [.. CustomStandardsById.Keys];

    private static readonly Dictionary<string, HashingStandard> CustomStandardsById = new(StringComparer.Ordinal)
    {
        ["letter-quote-v1"] = HashingStandards.DataVault4Dbt with { Id = "letter-quote-v1", QuoteCharacter = 'q', OutputForm = HashOutputForm.LowerHex, Algorithm = HashAlgorithmKind.Md5 },
        ["untrimmed-empty-null-v1"] = HashingStandards.Default with { Id = "untrimmed-empty-null-v1", Trim = TrimRule.None, EmptyStringIsNull = true },
        ["escape-and-strip-v1"] = HashingStandards.Default with { Id = "escape-and-strip-v1", RemoveControlCharacters = true, DiffCasing = TextCasing.Upper },
        ["long-tokens-v1"] = HashingStandards.DataVault4Dbt with { Id = "long-tokens-v1", OutputForm = HashOutputForm.LowerHex, Algorithm = HashAlgorithmKind.Md5, DelimiterReplacement = new string('d', 300), NullTokenReplacement = "nn" },
    };

    private static readonly string?[] CustomValues = ["ab", "äb q", " x ", "", "  ", "a||b||c", "^^", "q\"Q\"", "tab\there\r\n", "\\", "ÿß", null, "||||||||"];

    [Theory]
    [MemberData(nameof(CustomStandards))]
    public async Task Standards_off_the_presets_hash_in_the_engine_as_in_the_CSharp_engine(string standardId)
    {
        var standard = CustomStandardsById[standardId];
        var hasher = new DataVaultHasher(standard);
        var dialect = Fixture.Dialect;
        await using var connection = await Fixture.OpenAsync();
        var table = "dv_custom_standard";
        ColumnDefinition[] columns = [new("c0", DataType.String(400)), new("c1", DataType.String(400))];
        await Db.ExecuteAsync(connection, dialect.DropTable(table).Text);
        await Db.ExecuteAsync(connection, dialect.CreateTable(new TableDefinition(table, [new("id", dialect.Types.For(DataType.Int), true), .. columns.Select(c => new TableColumn(c.Name, dialect.Types.For(c.Type), false))], [], [], []), DdlOptions.Default with { IfNotExists = false })[0].Text);
        var rows = CustomValues.SelectMany(a => CustomValues.Select(b => (a, b))).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            await Db.ExecuteAsync(connection, dialect.InsertValues(table, ["id", "c0", "c1"]), [i, rows[i].a, rows[i].b]);
        }

        var failures = new List<string>();
        foreach (var purpose in new[] { HashPurpose.Key, HashPurpose.Diff })
        {
            var computed = await HashesAsync(connection, dialect.SelectHashes(table, "id", standard, purpose, columns).Text);
            for (var i = 0; i < rows.Length; i++)
            {
                var expected = purpose == HashPurpose.Key ? hasher.HashKeyHex(rows[i].a, rows[i].b) : hasher.HashDiffHex(rows[i].a, rows[i].b);
                if (computed[i] != expected)
                {
                    failures.Add($"{purpose} ({Escape(rows[i].a)}, {Escape(rows[i].b)}): C# {expected ?? "NULL"}, {dialect.Name} {computed[i] ?? "NULL"}");
                }
            }
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty($"{dialect.Name} runs the plan of {standardId} as the C# engine does");
    }

    private static async Task<Dictionary<int, string?>> HashesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new Dictionary<int, string?>();
        while (await reader.ReadAsync())
        {
            hashes[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = await reader.IsDBNullAsync(1) ? null : Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant();
        }

        return hashes;
    }

    /// <summary>The hash the query returns, as lower-case hex (binary columns converted), or null.</summary>
    private static async Task<string?> ScalarHexAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the query returns the row");
        if (await reader.IsDBNullAsync(1))
        {
            return null;
        }

        return reader.GetValue(1) switch
        {
            byte[] bytes => Convert.ToHexStringLower(bytes),
            Stream stream => Convert.ToHexStringLower(ReadAll(stream)), // DuckDB.NET returns a BLOB as a stream
            Guid guid => Convert.ToHexStringLower(guid.ToByteArray(bigEndian: true)),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant(),
        };
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Escape(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var builder = new StringBuilder();
        foreach (var c in text.Length > 120 ? text[..120] + "…" : text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }
}

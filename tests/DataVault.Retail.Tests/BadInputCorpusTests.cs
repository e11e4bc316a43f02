using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Retail.Data;
using Xunit;

namespace DataVault.Retail.Tests;

/// <summary>
/// The bad-input corpus (issue #14): one odd source file per case — encodings, quoting, sizes, widths, values, control
/// characters, blank keys, paths that are directories or devices — loaded by the sample's CLI into a SQLite vault that
/// already holds batch 1. Each case's outcome is asserted: the exit code; for a rejection the error on stderr naming
/// file, line and column, and the vault's rows exactly as before; for an accepted file what was loaded.
/// </summary>
public sealed class BadInputCorpusTests(RetailTestData data) : IClassFixture<RetailTestData>, IAsyncLifetime
{
    private const char Raw = '\uE000'; // where a case's raw bytes go into the file's UTF-8 text

    private readonly string _folder = Directory.CreateTempSubdirectory("dv-retail-corpus-").FullName;
    private string _base = null!;
    private string _before = null!;

    /// <summary>The corpus: the file each case writes into a copy of batch 1 and the outcome expected.</summary>
    public static TheoryData<string> Cases() => [.. Corpus.Keys];

    private static Dictionary<string, CorpusCase> Corpus { get; } = CorpusCase.All().ToDictionary(c => c.Name);

    public async Task InitializeAsync()
    {
        _base = Path.Combine(_folder, "base.db");
        var loaded = await Cli.RunAsync("load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], "--db", _base);
        loaded.Code.Should().Be(0, loaded.Output);
        SqliteConnection.ClearAllPools();
        _before = await VaultDump.OfSqliteFileAsync(_base);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void The_corpus_has_at_least_40_files() => Corpus.Should().HaveCountGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_odd_file_has_its_expected_outcome(string name)
    {
        var @case = Corpus[name];
        var folder = data.CopyOf(0, Path.Combine(_folder, name));

        @case.Write(folder);
        var db = Path.Combine(_folder, name + ".db");
        File.Copy(_base, db);

        var run = await Cli.RunAsync("load", "--from", folder, "--load-date", RetailTestData.LoadDates[1], "--db", db);
        SqliteConnection.ClearAllPools();
        run.Code.Should().Be(@case.Code, $"{name}: {run.Output}");
        if (@case.Code == 0)
        {
            run.Stderr.Should().BeEmpty(name);
            if (@case.Check is { } check)
            {
                await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
                await connection.OpenAsync();
                await check(connection);
            }

            return;
        }

        var error = run.Stderr.Split('\n')[0];
        error.Should().StartWith("error: " + @case.File, name);
        if (@case.Line is { } line)
        {
            error.Should().Contain($"line {line}", name);
        }

        if (@case.Column is { } column)
        {
            error.Should().Contain(column, name);
        }

        error.Should().MatchRegex(@case.Says, name);
        error.Should().NotContainAny(["\u001b", "\0"], "control characters are shown escaped");
        (await VaultDump.OfSqliteFileAsync(db)).Should().Be(_before, $"{name}: a rejected batch leaves the vault's rows as they were");
    }

    /// <summary>One file of the corpus.</summary>
    /// <param name="Name">The case.</param>
    /// <param name="File">The source file it changes.</param>
    /// <param name="Write">Writes the odd file into a copy of batch 1.</param>
    /// <param name="Code">The exit code expected.</param>
    /// <param name="Line">The line the error names, if any.</param>
    /// <param name="Column">The column the error names, if any.</param>
    /// <param name="Says">A pattern the error line matches.</param>
    /// <param name="Check">For an accepted file: what must have been loaded.</param>
    private sealed record CorpusCase(string Name, string File, Action<string> Write, int Code, int? Line = null, string? Column = null, string Says = ".*", Func<SqliteConnection, Task>? Check = null)
    {
        public static IEnumerable<CorpusCase> All()
        {
            const string C = RetailCsv.CustomersFile, P = RetailCsv.ProductsFile, S = RetailCsv.StoresFile, R = RetailCsv.PromotionsFile, T = RetailCsv.TransactionsFile;

            // Encodings
            yield return Reject("invalid-byte-ff", C, f => SetRaw(f, C, 3, "first_name", "Jo", [0xFF], "hn"), 4, "first_name", "invalid UTF-8 at byte offset \\d+ \\(0xFF\\)");
            yield return Reject("lone-continuation-byte", C, f => SetRaw(f, C, 2, "city", "Par", [0x80], "is"), 3, "city", "invalid UTF-8.*0x80");
            yield return Reject("overlong-slash", C, f => SetRaw(f, C, 5, "last_name", "a", [0xC0, 0xAF], "b"), 6, "last_name", "invalid UTF-8");
            yield return Reject("encoded-surrogate", S, f => SetRaw(f, S, 1, "manager", "x", [0xED, 0xA0, 0x80], "y"), 2, "manager", "invalid UTF-8");
            yield return Reject("truncated-sequence", P, f => SetRaw(f, P, 4, "brand", "Acme", [0xE2, 0x82], string.Empty), 5, "brand", "invalid UTF-8");
            yield return Reject("latin1-file", R, f => Latin1(f, R), null, null, "line 2, column promotion_name: .* invalid UTF-8 at byte offset \\d+ \\(0xC9\\)");
            yield return Reject("utf16-file", S, f => Utf16(f, S), 1, null, "invalid UTF-8 at byte offset 0 \\(0xFF\\)");
            yield return Reject("invalid-byte-in-header", T, f => HeaderRaw(f, T, [0xFE]), 1, null, "line 1: invalid UTF-8");
            yield return Accept("utf8-bom", C, f => Bom(f, C));
            yield return Accept("four-byte-emoji", C, f => Set(f, C, 1, "first_name", "Zoë 😀"), async c => (await Scalar(c, "SELECT COUNT(*) FROM sat_customer_details WHERE first_name = 'Zoë 😀'")).Should().Be(1L));

            // Quoting
            yield return Reject("unclosed-quote", C, f => AppendRaw(f, C, "C9999,\"Unclosed,x\n"), null, null, "line \\d+");
            yield return Reject("unclosed-quote-at-end", T, f => AppendRaw(f, T, "\"T-open"), null, null, "line \\d+");
            yield return Accept("quoted-newline-and-comma", C, f => Set(f, C, 2, "address", "1 Main St,\nFlat 2"), async c => (await Scalar(c, "SELECT COUNT(*) FROM sat_customer_contact WHERE address = '1 Main St,' || char(10) || 'Flat 2'")).Should().Be(1L));
            yield return Accept("escaped-quotes", P, f => Set(f, P, 1, "product_name", "The \"Best\" Chair"), async c => (await Scalar(c, "SELECT COUNT(*) FROM sat_product_details WHERE product_name = 'The \"Best\" Chair'")).Should().Be(1L));
            yield return Accept("crlf-line-ends", S, f => Crlf(f, S));

            // Sizes and widths
            yield return Accept("text-of-70000-characters", R, f => Set(f, R, 1, "description", new string('d', 70_000)), async c => (await Scalar(c, "SELECT MAX(length(description)) FROM sat_promotion_details")).Should().Be(70_000L));
            yield return Reject("record-beyond-the-limit", R, f => Set(f, R, 2, "description", new string('d', 17 * 1024 * 1024)), 3, null, "longer than 16,777,216 characters");
            yield return Reject("string-longer-than-its-column", C, f => Set(f, C, 1, "address", new string('a', 70_000)), 2, "address", "70000 characters long; the column holds at most 255");
            yield return Accept("header-of-100000-columns", S, f => WideHeader(f, S, 100_000));
            yield return Reject("empty-file", P, f => System.IO.File.WriteAllText(Path.Combine(f, P), string.Empty), 1, null, "the file is empty");
            yield return Accept("header-only", R, f => System.IO.File.WriteAllText(Path.Combine(f, R), string.Join(',', RetailCsv.PromotionColumns) + "\n"));
            yield return Reject("row-with-a-missing-field", S, f => Mutate(f, S, 2, cells => cells.RemoveAt(cells.Count - 1)), 3, null, "the row has \\d+ fields, the header has \\d+");
            yield return Reject("row-with-an-extra-field", S, f => Mutate(f, S, 1, cells => cells.Add("extra")), 2, null, "the row has \\d+ fields");
            yield return Reject("blank-line-in-the-middle", C, f => InsertLine(f, C, 3, string.Empty), 3, null, "the row has 1 fields");
            yield return Reject("missing-column", T, f => DropColumn(f, T, "quantity"), 1, "quantity", "is missing");
            yield return Reject("duplicate-column", P, f => DuplicateColumn(f, P, "category"), null, "category", "appears twice");

            // Values
            yield return Reject("not-an-integer", T, f => Set(f, T, 3, "quantity", "abc"), 4, "quantity", "is not an integer");
            yield return Reject("integer-overflow", T, f => Set(f, T, 2, "quantity", "99999999999"), 3, "quantity", "'99999999999'");
            yield return Reject("exponent-integer", T, f => Set(f, T, 2, "quantity", "1e3"), 3, "quantity", "'1e3'");
            yield return Reject("too-many-decimals", P, f => Set(f, P, 1, "unit_price", "1.234"), 2, "unit_price", "'1.234'");
            yield return Reject("decimal-too-large", P, f => Set(f, P, 1, "unit_price", "123456789012.00"), 2, "unit_price", "'123456789012.00'");
            yield return Reject("decimal-comma", P, f => Set(f, P, 2, "unit_cost", "1,50"), 3, "unit_cost", "'1,50'");
            yield return Reject("day-first-date", C, f => Set(f, C, 1, "birth_date", "31/12/1990"), 2, "birth_date", "'31/12/1990'");
            yield return Reject("impossible-date", C, f => Set(f, C, 1, "registration_date", "2026-02-30"), 2, "registration_date", "'2026-02-30'");
            yield return Reject("hour-25", T, f => Set(f, T, 1, "transaction_time", "25:00:00"), 2, "transaction_time", "'25:00:00'");
            yield return Reject("currency-too-long", P, f => Set(f, P, 3, "currency", "EURO"), 4, "currency", "'EURO'");

            // Control characters: shown escaped in the error; kept as they are in the data
            yield return Reject("escape-sequence-in-a-bad-value", T, f => Set(f, T, 1, "quantity", "\u001b[31m1"), 2, "quantity", @"\\u001b\[31m1");
            yield return Reject("nul-in-a-bad-value", T, f => Set(f, T, 1, "quantity", "1\0"), 2, "quantity", @"\\u0000");
            yield return Accept("escape-sequence-in-a-name", C, f => Set(f, C, 1, "first_name", "A\u001b[2JB"), async c => (await Scalar(c, "SELECT COUNT(*) FROM sat_customer_details WHERE first_name = 'A' || char(27) || '[2JB'")).Should().Be(1L));

            // Paths
            yield return Reject("file-that-is-a-directory", C, f => { System.IO.File.Delete(Path.Combine(f, C)); Directory.CreateDirectory(Path.Combine(f, C)); }, null, null, "is a directory, not a file");
            yield return Reject("link-to-dev-zero", T, f => { System.IO.File.Delete(Path.Combine(f, T)); System.IO.File.CreateSymbolicLink(Path.Combine(f, T), "/dev/zero"); }, null, null, "is not a regular file");
            yield return Reject("dangling-link", P, f => { System.IO.File.Delete(Path.Combine(f, P)); System.IO.File.CreateSymbolicLink(Path.Combine(f, P), Path.Combine(f, "gone.csv")); }, null, null, "does not exist");
        }

        private static CorpusCase Reject(string name, string file, Action<string> write, int? line, string? column, string says) => new(name, file, write, 1, line, column, says);

        private static CorpusCase Accept(string name, string file, Action<string> write, Func<SqliteConnection, Task>? check = null) => new(name, file, write, 0, Check: check);

        private static async Task<object?> Scalar(SqliteConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }

        /// <summary>The file as header + rows of cells (read with Sylvan, as the loader reads it).</summary>
        private static (List<string> Header, List<List<string>> Rows) Read(string folder, string file)
        {
            using var reader = Sylvan.Data.Csv.CsvDataReader.Create(Path.Combine(folder, file));
            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<List<string>>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString)]);
            }

            return (header, rows);
        }

        private static string CsvLine(IEnumerable<string> cells) => string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));

        private static void WriteCsv(string folder, string file, List<string> header, List<List<string>> rows, string newline = "\n") =>
            System.IO.File.WriteAllText(Path.Combine(folder, file), string.Concat(new[] { header }.Concat(rows).Select(r => CsvLine(r) + newline)));

        private static void Mutate(string folder, string file, int dataRow, Action<List<string>> change)
        {
            var (header, rows) = Read(folder, file);
            change(rows[dataRow - 1]);
            WriteCsv(folder, file, header, rows);
        }

        private static void Set(string folder, string file, int dataRow, string column, string value)
        {
            var (header, rows) = Read(folder, file);
            rows[dataRow - 1][header.IndexOf(column)] = value;
            WriteCsv(folder, file, header, rows);
        }

        private static void SetRaw(string folder, string file, int dataRow, string column, string before, byte[] raw, string after)
        {
            Set(folder, file, dataRow, column, before + Raw + after);
            var path = Path.Combine(folder, file);
            var bytes = System.IO.File.ReadAllBytes(path);
            var marker = Encoding.UTF8.GetBytes(Raw.ToString());
            var at = bytes.AsSpan().IndexOf(marker);
            System.IO.File.WriteAllBytes(path, [.. bytes[..at], .. raw, .. bytes[(at + marker.Length)..]]);
        }

        private static void HeaderRaw(string folder, string file, byte[] raw)
        {
            var path = Path.Combine(folder, file);
            var bytes = System.IO.File.ReadAllBytes(path);
            System.IO.File.WriteAllBytes(path, [.. bytes[..3], .. raw, .. bytes[3..]]);
        }

        private static void AppendRaw(string folder, string file, string text) => System.IO.File.AppendAllText(Path.Combine(folder, file), text);

        private static void InsertLine(string folder, string file, int line, string text)
        {
            var path = Path.Combine(folder, file);
            var lines = System.IO.File.ReadAllLines(path).ToList();
            lines.Insert(line - 1, text);
            System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        }

        private static void Latin1(string folder, string file)
        {
            var (header, rows) = Read(folder, file);
            rows[0][header.IndexOf("promotion_name")] = "Été";
            WriteCsv(folder, file, header, rows);
            var path = Path.Combine(folder, file);
            System.IO.File.WriteAllBytes(path, Encoding.Latin1.GetBytes(System.IO.File.ReadAllText(path)));
        }

        private static void Utf16(string folder, string file)
        {
            var path = Path.Combine(folder, file);
            System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(path), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        }

        private static void Bom(string folder, string file)
        {
            var path = Path.Combine(folder, file);
            System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        private static void Crlf(string folder, string file)
        {
            var (header, rows) = Read(folder, file);
            WriteCsv(folder, file, header, rows, "\r\n");
        }

        private static void WideHeader(string folder, string file, int extra)
        {
            var (header, rows) = Read(folder, file);
            header.AddRange(Enumerable.Range(0, extra).Select(i => "extra_" + i));
            foreach (var row in rows)
            {
                row.AddRange(Enumerable.Repeat(string.Empty, extra));
            }

            WriteCsv(folder, file, header, rows);
        }

        private static void DropColumn(string folder, string file, string column)
        {
            var (header, rows) = Read(folder, file);
            var i = header.IndexOf(column);
            header.RemoveAt(i);
            rows.ForEach(r => r.RemoveAt(i));
            WriteCsv(folder, file, header, rows);
        }

        private static void DuplicateColumn(string folder, string file, string column)
        {
            var (header, rows) = Read(folder, file);
            var i = header.IndexOf(column);
            header.Add(column);
            rows.ForEach(r => r.Add(r[i]));
            WriteCsv(folder, file, header, rows);
        }
    }
}

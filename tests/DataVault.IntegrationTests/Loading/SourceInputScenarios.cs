using System.Text;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Sources;
using DataVault.Core.Modeling;
using DataVault.IntegrationTests.Engines;
using FluentAssertions;
using Xunit;

namespace DataVault.IntegrationTests.Loading;

/// <summary>
/// Odd input read by a CSV source (issue #14, items 4, 5, 7): long fields and wide headers within the documented limit
/// load, anything beyond it is an error naming file, line, column and the limit; bytes that are not UTF-8 make their row
/// a bad row naming line, column and byte offset; a path that is a directory or a device is an error naming it. Memory
/// stays bounded whatever the input; a rejected batch leaves the vault unchanged.
/// </summary>
public abstract class SourceInputScenarios<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : EngineFixture
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 8, 0, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("dv-input-").FullName;
    private System.Data.Common.DbConnection _connection = null!;
    private DataVaultModel _model = null!;

    public async Task InitializeAsync()
    {
        _connection = await fixture.OpenAsync();
        _model = new DataVaultModelBuilder()
            .Hub("input_note", h => h.BusinessKey("note_id", DataType.String(20)))
            .Satellite("input_note_body", s => s.OnHub("input_note")
                .Attribute("title", DataType.String(50))
                .Attribute("body", DataType.Text))
            .Build(fixture.Dialect);
        var loader = Loader();
        await loader.DropVaultAsync();
        await loader.EnsureVaultAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_text_field_of_a_million_characters_loads_whole()
    {
        var body = string.Concat(Enumerable.Repeat("0123456789", 100_000));
        var path = Write("long.csv", $"note_id,title,body\nN1,short,{body}\nN2,\"quoted\",\"{body[..70_000]}\"\n");
        var result = await Loader().LoadAsync(Batch(new CsvSource(path)));
        result.RowsRead.Should().Be(2);
        (await BodyAsync("N1")).Should().Be(body);
        (await BodyAsync("N2")).Should().HaveLength(70_000);
    }

    [Fact]
    public async Task A_record_beyond_the_limit_is_an_error_naming_file_line_column_and_limit_and_nothing_is_loaded()
    {
        var path = Write("limit.csv", $"note_id,title,body\nN1,a,b\nN2,c,{new string('x', 70_000)}\n");
        var load = () => Loader().LoadAsync(Batch(new CsvSource(path) { MaxRecordLength = 65_536 }));
        var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Message.Should().StartWith("limit.csv, line 3").And.Contain("longer than 65,536 characters").And.Contain("MaxRecordLength");
        error.SourceName.Should().Be("limit.csv");
        error.Line.Should().Be(3);
        (await CountAsync()).Should().Be(0, "the batch is rolled back");

        var tooSmall = () => new CsvSource(path) { MaxRecordLength = 1000 };
        tooSmall.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task A_header_of_100000_columns_loads_and_beyond_the_limit_is_a_line_1_error()
    {
        var extra = string.Join(',', Enumerable.Range(0, 100_000).Select(i => "c" + i));
        var path = Write("wide.csv", $"note_id,title,body,{extra}\nN1,a,b,{new string(',', 99_999)}\n");
        var result = await Loader().LoadAsync(Batch(new CsvSource(path)));
        result.RowsRead.Should().Be(1);
        (await BodyAsync("N1")).Should().Be("b");

        var load = () => Loader().LoadAsync(Batch(new CsvSource(path) { MaxRecordLength = 65_536 }, "wide-again"));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().StartWith("wide.csv, line 1: the record is longer than 65,536 characters");
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_a_bad_row_naming_line_column_and_byte_offset()
    {
        // 3,000 good lines first, so the bad byte is decoded well ahead of the row the parser is on.
        var good = string.Concat(Enumerable.Range(0, 3000).Select(i => $"G{i},title {i},body\n"));
        var prefix = Encoding.UTF8.GetBytes("note_id,title,body\n" + good + "B1,Jos");
        byte[] bytes = [.. prefix, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",body\nB2,fine,body\n")];
        var path = Path.Combine(_folder, "latin.csv");
        await File.WriteAllBytesAsync(path, bytes);

        var load = () => Loader().LoadAsync(Batch(new CsvSource(path)));
        var error = (await load.Should().ThrowAsync<DataVaultLoadException>()).Which;
        error.Line.Should().Be(3002);
        error.Column.Should().Be("title");
        error.Message.Should().StartWith($"latin.csv, line 3002, column title: 'Jos\uFFFD(' invalid UTF-8 at byte offset {prefix.Length} (0xC3); the file must be UTF-8");
        prefix.Length.Should().Be(63805, "docs/loading.md quotes this message");
        (await CountAsync()).Should().Be(0);

        // Quarantined: the other rows load, the bad one is kept aside with the error.
        var quarantined = await Loader(LoadOptions.Default with { BadRows = BadRowHandling.Quarantine }).LoadAsync(Batch(new CsvSource(path), "quarantine"));
        quarantined.RowsRejected.Should().Be(1);
        (await CountAsync()).Should().Be(3001);
        (await BodyAsync("B1")).Should().BeNull();

        // Replaced on request: the row loads with U+FFFD, as a lenient reader would.
        await Loader().LoadAsync(Batch(new CsvSource(path) { ReplaceInvalidUtf8 = true }, "replace"));
        (await _connection.ExecuteScalarAsync<string>($"SELECT {Q("title")} FROM {Q("sat_input_note_body")} s JOIN {Q("hub_input_note")} h ON h.{Q("hub_input_note_hk")} = s.{Q("hub_input_note_hk")} WHERE h.{Q("note_id")} = 'B1'"))
            .Should().Be("Jos\uFFFD(");
    }

    [Fact]
    public async Task A_header_that_is_not_UTF8_is_a_line_1_error()
    {
        var path = Path.Combine(_folder, "header.csv");
        await File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetBytes("note_id,tit"), 0xFF, .. Encoding.UTF8.GetBytes("le,body\nN1,a,b\n")]);
        var load = () => Loader().LoadAsync(Batch(new CsvSource(path)));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be("header.csv, line 1: invalid UTF-8 at byte offset 11 (0xFF); the file must be UTF-8 (CsvSource.ReplaceInvalidUtf8 replaces such bytes with U+FFFD instead).");
    }

    [Fact]
    public async Task A_path_that_is_a_directory_or_a_device_is_an_error_naming_it()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_folder, "notes.csv")).FullName;
        var load = () => Loader().LoadAsync(Batch(new CsvSource(directory)));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be($"notes.csv: '{directory}' is a directory, not a file.");

        if (OperatingSystem.IsWindows())
        {
            return; // no /dev/zero; the directory case above is the portable one
        }

        // An endless device, directly and through a link named like a source file: refused before a byte is parsed.
        var link = Path.Combine(_folder, "zero.csv");
        File.CreateSymbolicLink(link, "/dev/zero");
        foreach (var device in new[] { "/dev/zero", link })
        {
            var endless = () => Loader().LoadAsync(Batch(new CsvSource(device)));
            (await endless.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be($"{Path.GetFileName(device)}: '{device}' is not a regular file (a device or a pipe); a CSV source reads files.");
        }

        var missing = () => Loader().LoadAsync(Batch(new CsvSource(Path.Combine(_folder, "missing.csv"))));
        (await missing.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("does not exist");
        var dangling = Path.Combine(_folder, "dangling.csv");
        File.CreateSymbolicLink(dangling, Path.Combine(_folder, "gone.csv"));
        var broken = () => Loader().LoadAsync(Batch(new CsvSource(dangling)));
        (await broken.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be($"dangling.csv: the file '{dangling}' does not exist.");
        var empty = () => Loader().LoadAsync(Batch(new CsvSource(Write("empty.csv", string.Empty))));
        (await empty.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Be("empty.csv, line 1: the file is empty; a CSV source needs at least a header row.");
        (await CountAsync()).Should().Be(0);
    }

    private VaultLoader Loader(LoadOptions? options = null) => new(_connection, fixture.Dialect, _model, options ?? LoadOptions.Default);

    private static LoadBatch Batch(CsvSource source, string name = "input") => new LoadBatch(name, "test") { LoadDate = Day1 }.Add(source);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Q(string identifier) => fixture.Dialect.QuoteIdentifier(identifier);

    private async Task<long> CountAsync() => await _connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q("sat_input_note_body")}");

    private async Task<string?> BodyAsync(string id) => await _connection.ExecuteScalarAsync<string?>(
        $"SELECT {Q("body")} FROM {Q("sat_input_note_body")} s JOIN {Q("hub_input_note")} h ON h.{Q("hub_input_note_hk")} = s.{Q("hub_input_note_hk")} WHERE h.{Q("note_id")} = @id", new { id });
}

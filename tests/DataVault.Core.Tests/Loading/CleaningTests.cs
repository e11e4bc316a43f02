using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>Cleaning raw text before typing (SourceMapping.Clean), on a real SQLite file: what is cleaned is what is checked, hashed and stored.</summary>
public sealed class CleaningTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dv-clean-{Guid.NewGuid():N}.db");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"dv-clean-{Guid.NewGuid():N}.csv");

    private static DataVaultModel Model() => new DataVaultModelBuilder()
        .Hub("country", h => h.BusinessKey("country_code", DataType.String(2)))
        .Satellite("country_details", s => s.OnHub("country").Attribute("name", DataType.String(50)).Attribute("phone_prefix", DataType.String(5)))
        .Build();

    private async Task<(SqliteConnection Connection, VaultLoader Loader)> VaultAsync(LoadOptions? options = null)
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        var loader = new VaultLoader(connection, SqlDialects.Sqlite, Model(), options ?? LoadOptions.Default);
        await loader.EnsureVaultAsync();
        return (connection, loader);
    }

    private LoadBatch Csv(string content, Action<SourceMapping> map)
    {
        File.WriteAllText(_csv, content);
        return new LoadBatch("clean", "test").AddCsv(_csv, map);
    }

    [Fact]
    public async Task A_key_delivered_as_fr_with_a_blank_fits_a_two_character_key_once_trimmed_and_upper_cased()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        const string Content = "country_code,name,phone_prefix\nfr ,  France   la  douce ,+33\n";

        var unclean = () => loader.LoadAsync(Csv(Content, _ => { }));
        (await unclean.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("country_code").And.Contain("is 3 characters long");

        await loader.LoadAsync(Csv(Content, m => m
            .Clean("country_code", TextCleaning.Trim | TextCleaning.Upper)
            .Clean("name", TextCleaning.Trim | TextCleaning.CollapseWhitespace)));
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT country_code FROM hub_country WHERE country_code IS NOT NULL")).Should().Be("FR");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT name FROM sat_country_details")).Should().Be("France la douce");
    }

    [Fact]
    public async Task A_delegate_runs_after_the_steps_and_blank_text_can_become_null()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;

        await loader.LoadAsync(Csv("country_code,name,phone_prefix\nDE,   ,00 49\n", m => m
            .Clean("name", TextCleaning.Trim | TextCleaning.EmptyToNull)
            .Clean("phone_prefix", TextCleaning.Trim)
            .Clean("phone_prefix", t => t.StartsWith("00", StringComparison.Ordinal) ? "+" + t[2..].Replace(" ", string.Empty, StringComparison.Ordinal) : t)));

        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT phone_prefix FROM sat_country_details")).Should().Be("+49");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM sat_country_details WHERE name IS NULL")).Should().Be(1);
    }

    [Fact]
    public async Task Object_sources_are_cleaned_too()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        await loader.LoadAsync(new LoadBatch("objects", "test").AddObjects("countries", new[] { new Country(" it", "Italia", "+39") }, m => m.Clean("country_code", TextCleaning.Trim | TextCleaning.Upper)));
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT country_code FROM hub_country WHERE country_code IS NOT NULL")).Should().Be("IT");
    }

    [Fact]
    public async Task A_throwing_delegate_makes_the_row_bad_and_it_is_quarantined_as_delivered()
    {
        var (connection, loader) = await VaultAsync(LoadOptions.Default with { BadRows = BadRowHandling.Quarantine });
        await using var _ = connection;

        var result = await loader.LoadAsync(Csv("country_code,name,phone_prefix\nES,España,+34\nXX,Nowhere,??\n", m => m
            .Clean("phone_prefix", t => t.Contains('?', StringComparison.Ordinal) ? throw new FormatException("not a prefix: " + t) : t)));

        result.RowsRejected.Should().Be(1);
        var reason = await SqliteQueries.ScalarAsync<string>(connection, "SELECT reason FROM dv_rejected_rows");
        reason.Should().Be("'??' could not be cleaned (SourceMapping.Clean): not a prefix: ??");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT column_name FROM dv_rejected_rows")).Should().Be("phone_prefix");
        (await SqliteQueries.ScalarAsync<string>(connection, "SELECT raw_row FROM dv_rejected_rows")).Should().Contain("Nowhere");
        (await SqliteQueries.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM sat_country_details")).Should().Be(1);
    }

    [Fact]
    public async Task Cleaning_a_column_the_source_does_not_have_is_an_error_naming_it()
    {
        var (connection, loader) = await VaultAsync();
        await using var _ = connection;
        var load = () => loader.LoadAsync(Csv("country_code,name,phone_prefix\nDE,Deutschland,+49\n", m => m.Clean("country_name", TextCleaning.Trim)));
        (await load.Should().ThrowAsync<DataVaultLoadException>()).Which.Message.Should().Contain("SourceMapping.Clean names the column country_name, which the source does not have");
    }

    [Fact]
    public void Steps_combine_in_a_fixed_order_and_upper_with_lower_is_refused()
    {
        var mapping = new SourceMapping().Clean("x", TextCleaning.CollapseWhitespace).Clean("x", TextCleaning.Trim | TextCleaning.Lower);
        mapping.Cleaning["x"].Apply("\t Big \n  Cat ").Should().Be("big cat");
        mapping.Invoking(m => m.Clean("x", TextCleaning.Upper)).Should().Throw<ArgumentException>().WithMessage("*both upper and lower*");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_csv);
    }

    public sealed record Country(string CountryCode, string Name, string PhonePrefix);
}

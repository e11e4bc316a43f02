using System.Data.Common;
using System.Globalization;
using Dapper;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.IntegrationTests.Scenarios;

namespace DataVault.IntegrationTests.Loading;

/// <summary>A fresh vault on one engine, a folder for source files, and helpers to read the vault back.</summary>
public sealed class LoaderHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dv-load-" + Guid.NewGuid().ToString("N")[..12]);

    public LoaderHarness(DbConnection connection, SqlDialect dialect)
    {
        Connection = connection;
        Dialect = dialect;
        Model = TestModels.Retail(dialect);
        Directory.CreateDirectory(_folder);
    }

    public DbConnection Connection { get; }

    public SqlDialect Dialect { get; }

    public DataVaultModel Model { get; }

    public VaultLoader Loader(LoadOptions? options = null, IReadOnlyList<IStagingWriterFactory>? writers = null) =>
        new(Connection, Dialect, Model, (options ?? LoadOptions.Default) with { StagingWriters = writers ?? (options ?? LoadOptions.Default).StagingWriters });

    /// <summary>Writes a source file (lines joined with LF unless the text has its own line ends) and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string Q(string identifier) => Dialect.QuoteIdentifier(identifier);

    public async Task<long> CountAsync(string table, string? where = null) =>
        await Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Q(table)}{(where is null ? string.Empty : " WHERE " + where)}");

    /// <summary>Row counts of every vault table, for "nothing changed" assertions.</summary>
    public async Task<Dictionary<string, long>> SnapshotAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Model.Hubs.Select(h => h.TableName).Concat(Model.Links.Select(l => l.TableName)).Concat(Model.Satellites.Select(s => s.TableName)))
        {
            counts[table] = await CountAsync(table);
        }

        return counts;
    }

    /// <summary>The versions of one customer's details, oldest first: (load date, end date, name, credit limit).</summary>
    public async Task<List<(DateTime LoadDate, DateTime? EndDate, string? Name, decimal? CreditLimit)>> CustomerHistoryAsync(string customerId)
    {
        var sql = $"SELECT s.{Q("load_date")}, s.{Q("load_end_date")}, s.{Q("name")}, s.{Q("credit_limit")} FROM {Q("sat_customer_details")} s " +
                  $"JOIN {Q("hub_customer")} h ON h.{Q("hub_customer_hk")} = s.{Q("hub_customer_hk")} WHERE h.{Q("customer_id")} = @id ORDER BY s.{Q("load_date")}";
        var rows = await Connection.QueryAsync(sql.Replace("@id", Dialect.ParameterPlaceholder("id"), StringComparison.Ordinal), new { id = customerId });
        return [.. rows.Select(r =>
        {
            var values = ((IDictionary<string, object?>)r).Values.ToArray();
            return (Timestamp(values[0])!.Value, Timestamp(values[1]), values[2] as string, values[3] is null ? (decimal?)null : Convert.ToDecimal(values[3], CultureInfo.InvariantCulture));
        })];
    }

    /// <summary>One batch log row by id: status, processed, inserted, error.</summary>
    public async Task<(string Status, long Processed, long Inserted, string? Error, string? Counts)> BatchLogAsync(long batchId)
    {
        var row = (IDictionary<string, object?>)await Connection.QuerySingleAsync(
            $"SELECT {Q("status")}, {Q("records_processed")}, {Q("records_inserted")}, {Q("error_message")}, {Q("target_counts")} FROM {Q("etl_batch_log")} WHERE {Q("batch_id")} = {Dialect.ParameterPlaceholder("id")}",
            new { id = batchId });
        var v = row.Values.ToArray();
        return ((string)v[0]!, Convert.ToInt64(v[1] ?? 0L, CultureInfo.InvariantCulture), Convert.ToInt64(v[2] ?? 0L, CultureInfo.InvariantCulture), v[3] as string, v[4] as string);
    }

    public async Task<List<(string Status, string? Error)>> BatchLogEntriesAsync()
    {
        var rows = await Connection.QueryAsync($"SELECT {Q("status")}, {Q("error_message")} FROM {Q("etl_batch_log")} ORDER BY {Q("batch_id")}");
        return [.. rows.Select(r => { var v = ((IDictionary<string, object?>)r).Values.ToArray(); return ((string)v[0]!, v[1] as string); })];
    }

    public static DateTime? Timestamp(object? value) => value switch
    {
        null => null,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => throw new InvalidCastException($"Not a timestamp: {value.GetType()}"),
    };

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

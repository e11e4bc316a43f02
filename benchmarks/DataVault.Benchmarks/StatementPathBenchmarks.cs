using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Dapper;
using DataVault.Core.Execution;
using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Microsoft.Data.Sqlite;

namespace DataVault.Benchmarks;

/// <summary>
/// The cost of the path from a statement to ADO.NET (ADR 0005): 1,000 staging rows of a 9-column satellite staging
/// table (like <c>sat_sales_metrics</c>) into an in-memory SQLite temporary table in one transaction, one row per
/// statement as SQLite stages — through the loader's prepared, reused command (<see cref="CommandStagingWriter"/>),
/// through <see cref="VaultSession"/> (a new command per statement), through Dapper's <c>CommandDefinition</c> +
/// <c>DynamicParameters</c> (reflection, not AOT) and through the same call intercepted by Dapper.AOT. The last two
/// rows: one small query of a check, the non-hot path.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class StatementPathBenchmarks : IDisposable
{
    private const int Rows = 1_000;
    private static readonly DataType[] Types =
    [
        DataType.String(32), DataType.Timestamp, DataType.String(32), DataType.String(100), DataType.Int,
        DataType.Decimal(10, 2), DataType.Decimal(10, 2), DataType.Decimal(10, 2), DataType.BigInt,
    ];

    private static readonly string[] Columns = ["hk", "load_date", "hd", "record_source", "quantity", "unit_price", "discount", "total", "dv_source_row"];
    private readonly SqlDialect _dialect = SqlDialects.Sqlite;
    private SqliteConnection _connection = null!;
    private VaultSession _session = null!;
    private List<object?[]> _rows = null!;
    private StagingTableSchema _schema = null!;
    private string _insert = null!;

    /// <summary>Opens the database, creates the staging table and the rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _session = new VaultSession(_connection, _dialect);
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE stg (hk CHAR(32), load_date TEXT, hd CHAR(32), record_source VARCHAR(100), quantity INTEGER, unit_price DECIMAL(10,2), discount DECIMAL(10,2), total DECIMAL(10,2), dv_source_row BIGINT)";
            create.ExecuteNonQuery();
        }

        var random = new Random(42);
        var loadDate = new DateTime(2026, 1, 1, 8, 0, 0);
        _rows = [.. Enumerable.Range(0, Rows).Select(i => new object?[]
        {
            Convert.ToHexString(Guid.NewGuid().ToByteArray()), loadDate, Convert.ToHexString(Guid.NewGuid().ToByteArray()), "pos",
            random.Next(1, 10), 12.5m, 0m, 12.5m * 3, (long)i,
        })];
        _schema = new StagingTableSchema("stg", true, [.. Columns.Select((c, i) => new StagingColumn(c, Types[i], _dialect.TypeName(Types[i])))]);
        _insert = $"INSERT INTO stg ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";
    }

    /// <summary>Closes the database.</summary>
    [GlobalCleanup]
    public void Cleanup() => _connection?.Dispose();

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>The loader's staging hot path: one prepared command, rebound by position for every row.</summary>
    [Benchmark(Baseline = true)]
    public async Task PreparedCommand()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        await using (var writer = new CommandStagingWriter(_session, transaction))
        {
            await writer.WriteAsync(_schema, _rows, CancellationToken.None);
        }

        await transaction.RollbackAsync();
    }

    /// <summary>One <see cref="SqlStatement"/> per row through the session: a new command per statement.</summary>
    [Benchmark]
    public async Task SessionPerStatement()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        foreach (var row in _rows)
        {
            var parameters = new SqlParameterValue[Columns.Length];
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c] = new SqlParameterValue("p" + c, _dialect.ToDbValue(row[c], Types[c]));
            }

            await _session.ExecuteAsync(new SqlStatement(_insert, parameters), transaction);
        }

        await transaction.RollbackAsync();
    }

    /// <summary>Dapper as the issue suggested: <c>CommandDefinition</c> (the overload with a cancellation token) and <c>DynamicParameters</c>; Dapper.AOT leaves this call on reflection (DAP057).</summary>
    [Benchmark]
    [DapperAot(false)]
    public async Task DapperCommandDefinition()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        foreach (var row in _rows)
        {
            await _connection.ExecuteAsync(new CommandDefinition(_insert, Parameters(row), transaction, cancellationToken: CancellationToken.None));
        }

        await transaction.RollbackAsync();
    }

    /// <summary>The same through the call Dapper.AOT intercepts at build time (it takes no cancellation token).</summary>
    [Benchmark]
    [DapperAot(true)]
    public async Task DapperAotIntercepted()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        foreach (var row in _rows)
        {
            await _connection.ExecuteAsync(_insert, Parameters(row), transaction);
        }

        await transaction.RollbackAsync();
    }

    /// <summary>A check's query (one row back) through the session.</summary>
    [Benchmark]
    public async Task<int> CheckQuerySession() =>
        (await _session.QueryAsync(new SqlStatement("SELECT COUNT(*), MAX(hk) FROM stg WHERE hk <> @k", [new("k", "x")]), null, 1)).Rows.Count;

    /// <summary>The same query through Dapper's <c>CommandDefinition</c>.</summary>
    [Benchmark]
    [DapperAot(false)]
    public async Task<int> CheckQueryDapper()
    {
        var parameters = new DynamicParameters();
        parameters.Add("k", "x");
        return (await _connection.QueryAsync(new CommandDefinition("SELECT COUNT(*), MAX(hk) FROM stg WHERE hk <> @k", parameters))).Count();
    }

    private DynamicParameters Parameters(object?[] row)
    {
        var parameters = new DynamicParameters();
        for (var c = 0; c < row.Length; c++)
        {
            parameters.Add("p" + c, _dialect.ToDbValue(row[c], Types[c]));
        }

        return parameters;
    }
}

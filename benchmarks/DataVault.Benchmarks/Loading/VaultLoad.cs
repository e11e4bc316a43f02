using DataVault.Core.Loading;
using DataVault.Core.Sql;

namespace DataVault.Benchmarks.Loading;

/// <summary>One timed <see cref="VaultLoader.LoadAsync"/> of a CSV file, watched by a <see cref="LoadProbe"/>, and its figures.</summary>
internal static class VaultLoad
{
    public static MeasurementResult Measured(string kind, long lines, LoadProbe probe, (LoadResult Result, MemoryFigures Memory) load, string what) => new()
    {
        Kind = kind,
        Engine = kind.StartsWith("pg", StringComparison.Ordinal) ? "PostgreSQL" : "SQLite",
        Lines = lines,
        Seconds = Math.Round(probe.Elapsed.TotalSeconds, 3),
        What = what,
        Inserted = new Dictionary<string, long>(load.Result.InsertedByTable),
        Phases = probe.Phases(),
        Memory = load.Memory,
        Notes = [$"staging writer: {probe.WriterName}", $"LoadResult.Duration {load.Result.Duration.TotalSeconds:0.000} s, rows read {load.Result.RowsRead:N0}, inserted {load.Result.RowsInserted:N0}"],
    };

    public static void Print(LoadProbe probe, bool verbose)
    {
        if (verbose)
        {
            foreach (var line in probe.Events)
            {
                Console.WriteLine("    " + line);
            }
        }
    }

    /// <summary>Creates the vault (untimed) and loads one batch of the CSV (timed by the probe, memory sampled).</summary>
    public static async Task<((LoadResult, MemoryFigures), LoadProbe)> RunAsync(System.Data.Common.DbConnection connection, string csv, DateTime loadDate, string name, IStagingWriterFactory? writer = null, SqlDialect? dialect = null)
    {
        var probe = new LoadProbe(writer);
        var options = LoadOptions.Default with { StagingWriters = [probe] };
        var loader = new VaultLoader(connection, dialect ?? SqlDialects.Sqlite, RetailLinesModel.Model, options, probe);
        await loader.EnsureVaultAsync();
        var batch = new LoadBatch(name, "bench.pos") { LoadDate = loadDate }.AddCsv(csv);
        using var sampler = MemorySampler.Start();
        probe.Start();
        var result = await loader.LoadAsync(batch, probe);
        probe.Stop();
        return ((result, sampler.Stop()), probe);
    }
}

/// <summary>The load timestamps of the benchmark batches.</summary>
internal static class LoadDates
{
    public static readonly DateTime Full = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Incremental = new(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc);
}

using System.Diagnostics;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using Microsoft.Data.Sqlite;

namespace DataVault.Benchmarks.Loading;

/// <summary>The SQLite measurements, each run in its own child process.</summary>
internal static class SqliteRuns
{
    private static SqlDialect Dialect => SqlDialects.Sqlite;

    /// <summary>Loads the CSV into a fresh file database (EnsureVaultAsync untimed; LoadAsync timed) and keeps the file.</summary>
    public static async Task<MeasurementResult> VaultAsync(string csv, long lines, string db, IReadOnlyList<string> pragmas, bool verbose)
    {
        Delete(db);
        await using var connection = await OpenAsync(db, pragmas);
        var (result, probe) = await VaultLoad.RunAsync(connection, csv, LoadDates.Full, "bench-full");
        var measurement = VaultLoad.Measured("sqlite-vault", lines, probe, result, $"VaultLoader.LoadAsync of {Path.GetFileName(csv)} into an empty vault");
        measurement.Rows = await VaultTables.CountAsync(connection, Dialect);
        measurement.Database = db;
        measurement.Notes.Add($"PRAGMAs: {Pragmas(pragmas)}");
        measurement.Notes.Add($"CSV read alone (Sylvan, every field as a string): {CsvAlone(csv):0.000} s");
        VaultLoad.Print(probe, verbose);
        return measurement;
    }

    /// <summary>
    /// Reads every vault table of the loaded database into memory (untimed), then times inserting the same rows into a
    /// fresh database with the same DDL, PRAGMAs and one transaction: once with single-row prepared INSERTs, once with
    /// prepared multi-row INSERTs (as many rows as fit in 999 parameters) if asked. The faster is the baseline.
    /// </summary>
    public static async Task<MeasurementResult> RawAsync(string sourceDb, long lines, string workDir, IReadOnlyList<string> pragmas, bool multiRowToo)
    {
        var tables = await ReadAllAsync(sourceDb, pragmas);
        var measurement = new MeasurementResult
        {
            Kind = "sqlite-raw",
            Engine = "SQLite",
            Lines = lines,
            What = "prepared INSERTs of the vault's rows into the same DDL (CreateVault), one transaction, COMMIT included",
        };
        foreach (var multiRow in multiRowToo ? new[] { false, true } : [false])
        {
            var tableSeconds = new Dictionary<string, double>(StringComparer.Ordinal);
            var target = Path.Combine(workDir, $"raw-{Guid.NewGuid():N}.db");
            try
            {
                await using var connection = await OpenAsync(target, pragmas);
                await VaultTables.ExecuteAsync(connection, Dialect.CreateVault(RetailLinesModel.Model));
                GC.Collect();
                var clock = Stopwatch.StartNew();
                await using (var transaction = connection.BeginTransaction())
                {
                    foreach (var (name, columns, rows) in tables)
                    {
                        var started = clock.Elapsed;
                        await InsertAsync(connection, transaction, name, columns, rows, multiRow ? Math.Max(1, 999 / columns.Length) : 1);
                        tableSeconds[name] = Math.Round((clock.Elapsed - started).TotalSeconds, 3);
                    }

                    var committing = clock.Elapsed;
                    await transaction.CommitAsync();
                    tableSeconds["COMMIT"] = Math.Round((clock.Elapsed - committing).TotalSeconds, 3);
                }

                clock.Stop();
                var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
                if (measurement.Variants.Count == 0 || seconds < measurement.Variants.Values.Min())
                {
                    measurement.TableSeconds = tableSeconds;
                }

                measurement.Variants[multiRow ? "multi-row prepared INSERT" : "single-row prepared INSERT"] = seconds;
                measurement.Rows = await VaultTables.CountAsync(connection, Dialect);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Delete(target);
            }
        }

        measurement.Seconds = measurement.Variants.Values.Min();
        measurement.Notes.Add($"PRAGMAs: {Pragmas(pragmas)}");
        measurement.Notes.Add($"rows copied: {tables.Sum(t => t.Rows.Count):N0}");
        return measurement;
    }

    /// <summary>
    /// The incremental batch into a copy of <paramref name="baseDb"/> (a loaded vault; copied and flushed to disk untimed), or into an
    /// empty vault when it is <see langword="null"/>. A warm-up load of the same batch into a throwaway vault runs
    /// first, so that neither case pays for JIT compilation.
    /// </summary>
    public static async Task<MeasurementResult> IncrementalAsync(string? baseDb, string csv, long lines, string db, IReadOnlyList<string> pragmas, bool verbose)
    {
        var warmup = db + ".warmup.db";
        try
        {
            await using var connection = await OpenAsync(warmup, pragmas);
            await VaultLoad.RunAsync(connection, csv, LoadDates.Incremental, "bench-warmup");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Delete(warmup);
        }

        Delete(db);
        if (baseDb is not null)
        {
            File.Copy(baseDb, db);
            // Write the copy to disk now: otherwise the first fsync of the timed load (the batch log row, or COMMIT)
            // would pay for flushing the whole copied file.
            using var copy = new FileStream(db, FileMode.Open, FileAccess.ReadWrite);
            copy.Flush(flushToDisk: true);
        }

        try
        {
            await using var connection = await OpenAsync(db, pragmas);
            var (result, probe) = await VaultLoad.RunAsync(connection, csv, LoadDates.Incremental, "bench-incremental");
            var into = baseDb is null ? "an empty vault" : $"a vault holding {lines:N0} lines";
            var measurement = VaultLoad.Measured("sqlite-incremental", lines, probe, result, $"VaultLoader.LoadAsync of {Path.GetFileName(csv)} into {into}");
            measurement.Rows = await VaultTables.CountAsync(connection, Dialect);
            measurement.Notes.Add($"PRAGMAs: {Pragmas(pragmas)}");
            VaultLoad.Print(probe, verbose);
            return measurement;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Delete(db);
        }
    }

    /// <summary>Opens a file database without pooling and applies the PRAGMAs (the same for vault and raw).</summary>
    public static async Task<SqliteConnection> OpenAsync(string path, IReadOnlyList<string> pragmas)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        foreach (var pragma in pragmas)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Deletes a database file and its journal files.</summary>
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    internal static string Pragmas(IReadOnlyList<string> pragmas) => pragmas.Count == 0 ? "SQLite defaults (journal_mode=DELETE, synchronous=FULL)" : string.Join("; ", pragmas);

    internal static double CsvAlone(string csv)
    {
        var clock = Stopwatch.StartNew();
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(csv, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16 });
        long chars = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                chars += reader.GetString(i).Length;
            }
        }

        GC.KeepAlive(chars);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<List<(string Name, string[] Columns, List<object?[]> Rows)>> ReadAllAsync(string db, IReadOnlyList<string> pragmas)
    {
        var tables = new List<(string, string[], List<object?[]>)>();
        await using var connection = await OpenAsync(db, pragmas);
        foreach (var (name, columns) in VaultTables.Of(Dialect))
        {
            var rows = new List<object?[]>();
            var interned = new Dictionary<string, string>[columns.Length];
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(Dialect.QuoteIdentifier))} FROM {Dialect.QuoteIdentifier(name)}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[columns.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    // Repeated strings (load dates, record sources, hub keys in links) share one instance, so that the
                    // copy of a 1,000,000-line vault fits in memory; the unique ones stop being interned at 200,000.
                    if (value is string text && (interned[i] ??= new(StringComparer.Ordinal)) is { Count: < 200_000 } pool)
                    {
                        if (pool.TryGetValue(text, out var same))
                        {
                            value = same;
                        }
                        else
                        {
                            pool.Add(text, text);
                        }
                    }

                    row[i] = value;
                }

                rows.Add(row);
            }

            tables.Add((name, columns, rows));
        }

        return tables;
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, List<object?[]> rows, int perStatement)
    {
        var commands = new Dictionary<int, SqliteCommand>();
        try
        {
            var offset = 0;
            while (offset < rows.Count)
            {
                var count = Math.Min(perStatement, rows.Count - offset);
                if (!commands.TryGetValue(count, out var command))
                {
                    command = Prepare(connection, transaction, table, columns, count);
                    commands.Add(count, command);
                }

                var p = 0;
                for (var r = 0; r < count; r++)
                {
                    var row = rows[offset + r];
                    for (var c = 0; c < row.Length; c++)
                    {
                        command.Parameters[p++].Value = row[c] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync();
                offset += count;
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = columns.Select((_, c) => "@p" + (r * columns.Length + c).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            values.Add("(" + string.Join(", ", names) + ")");
        }

        command.CommandText = $"INSERT INTO {Dialect.QuoteIdentifier(table)} ({string.Join(", ", columns.Select(Dialect.QuoteIdentifier))}) VALUES {string.Join(", ", values)}";
        command.Prepare();
        return command;
    }
}

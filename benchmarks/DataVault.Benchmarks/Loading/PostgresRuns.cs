using System.Diagnostics;
using DataVault.Core.Sql;
using DataVault.PostgreSql;
using Npgsql;

namespace DataVault.Benchmarks.Loading;

/// <summary>
/// The PostgreSQL measurements, each in its own child process and a database of its own (UTF8, from
/// <c>template0</c>), on the server of <c>DV_TEST_POSTGRES</c> (scripts/services/postgres.sh writes it).
/// </summary>
internal static class PostgresRuns
{
    public const string EnvironmentVariable = "DV_TEST_POSTGRES";

    private static SqlDialect Dialect => SqlDialects.PostgreSql;

    /// <summary>Loads the CSV into a new database (EnsureVaultAsync untimed) with the binary COPY staging writer, and keeps the database.</summary>
    public static async Task<MeasurementResult> VaultAsync(string csv, long lines, bool verbose)
    {
        var name = NewName("vault");
        await CreateDatabaseAsync(name, null);
        try
        {
            await using var connection = await OpenAsync(name);
            var (result, probe) = await VaultLoad.RunAsync(connection, csv, LoadDates.Full, "bench-full", new NpgsqlCopyStagingWriterFactory(), Dialect);
            var measurement = VaultLoad.Measured("pg-vault", lines, probe, result, $"VaultLoader.LoadAsync of {Path.GetFileName(csv)} into an empty vault");
            measurement.Rows = await VaultTables.CountAsync(connection, Dialect);
            measurement.Database = name;
            measurement.Notes.Add(await ServerAsync(connection));
            VaultLoad.Print(probe, verbose);
            return measurement;
        }
        catch
        {
            await DropDatabaseAsync(name);
            throw;
        }
    }

    /// <summary>
    /// Copies every vault table of the loaded database out with <c>COPY … TO STDOUT (FORMAT BINARY)</c> into memory
    /// (untimed), then times <c>COPY … FROM STDIN (FORMAT BINARY)</c> of the same bytes into the same DDL in a new
    /// database, in one transaction, COMMIT included.
    /// </summary>
    public static async Task<MeasurementResult> RawAsync(string source, long lines)
    {
        var tables = new List<(string Name, string Columns, byte[] Data)>();
        await using (var connection = await OpenAsync(source))
        {
            foreach (var (name, columns) in VaultTables.Of(Dialect))
            {
                var list = string.Join(", ", columns.Select(Dialect.QuoteIdentifier));
                using var buffer = new MemoryStream();
                await using (var stream = await connection.BeginRawBinaryCopyAsync($"COPY {Dialect.QuoteIdentifier(name)} ({list}) TO STDOUT (FORMAT BINARY)"))
                {
                    await stream.CopyToAsync(buffer);
                }

                tables.Add((name, list, buffer.ToArray()));
            }
        }

        var target = NewName("raw");
        await CreateDatabaseAsync(target, null);
        try
        {
            await using var connection = await OpenAsync(target);
            await VaultTables.ExecuteAsync(connection, Dialect.CreateVault(RetailLinesModel.Model));
            GC.Collect();
            var tableSeconds = new Dictionary<string, double>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                foreach (var (name, list, data) in tables)
                {
                    var started = clock.Elapsed;
                    await using (var stream = await connection.BeginRawBinaryCopyAsync($"COPY {Dialect.QuoteIdentifier(name)} ({list}) FROM STDIN (FORMAT BINARY)"))
                    {
                        await stream.WriteAsync(data);
                    }

                    tableSeconds[name] = Math.Round((clock.Elapsed - started).TotalSeconds, 3);
                }

                var committing = clock.Elapsed;
                await transaction.CommitAsync();
                tableSeconds["COMMIT"] = Math.Round((clock.Elapsed - committing).TotalSeconds, 3);
            }

            clock.Stop();
            var measurement = new MeasurementResult
            {
                Kind = "pg-raw",
                Engine = "PostgreSQL",
                Lines = lines,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                What = "binary COPY FROM STDIN of the vault's rows into the same DDL (CreateVault: keys, indexes, foreign keys), one transaction, COMMIT included",
                Rows = await VaultTables.CountAsync(connection, Dialect),
                TableSeconds = tableSeconds,
            };
            measurement.Variants["binary COPY"] = measurement.Seconds;
            measurement.Notes.Add($"bytes copied: {tables.Sum(t => (long)t.Data.Length):N0}");
            return measurement;
        }
        finally
        {
            await DropDatabaseAsync(target);
        }
    }

    /// <summary>
    /// The incremental batch into a copy of the database <paramref name="baseDatabase"/> (CREATE DATABASE … TEMPLATE,
    /// then ANALYZE, both untimed), or into an empty vault. A warm-up load into a throwaway database runs first.
    /// </summary>
    public static async Task<MeasurementResult> IncrementalAsync(string? baseDatabase, string csv, long lines, bool verbose)
    {
        var warmup = NewName("warmup");
        await CreateDatabaseAsync(warmup, null);
        try
        {
            await using var connection = await OpenAsync(warmup);
            await VaultLoad.RunAsync(connection, csv, LoadDates.Incremental, "bench-warmup", new NpgsqlCopyStagingWriterFactory(), Dialect);
        }
        finally
        {
            await DropDatabaseAsync(warmup);
        }

        var name = NewName("incr");
        await CreateDatabaseAsync(name, baseDatabase);
        try
        {
            await using var connection = await OpenAsync(name);
            if (baseDatabase is not null)
            {
                await using var analyze = connection.CreateCommand();
                analyze.CommandText = "ANALYZE";
                await analyze.ExecuteNonQueryAsync();
            }

            var (result, probe) = await VaultLoad.RunAsync(connection, csv, LoadDates.Incremental, "bench-incremental", new NpgsqlCopyStagingWriterFactory(), Dialect);
            var into = baseDatabase is null ? "an empty vault" : $"a vault holding {lines:N0} lines (database copied from the loaded one, then ANALYZE)";
            var measurement = VaultLoad.Measured("pg-incremental", lines, probe, result, $"VaultLoader.LoadAsync of {Path.GetFileName(csv)} into {into}");
            measurement.Rows = await VaultTables.CountAsync(connection, Dialect);
            VaultLoad.Print(probe, verbose);
            return measurement;
        }
        finally
        {
            await DropDatabaseAsync(name);
        }
    }

    /// <summary>Drops a database, ending its sessions.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Dialect.QuoteIdentifier(name)} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether the environment names a server.</summary>
    public static bool Configured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));

    private static string NewName(string purpose) => $"dvbench_{purpose}_{Guid.NewGuid():N}"[..32];

    private static string AdminConnectionString()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not set: run `bash scripts/services/postgres.sh; source artifacts/services.env` first.");
        }

        return new NpgsqlConnectionStringBuilder(text) { Timeout = 30, CommandTimeout = 0, Pooling = false }.ConnectionString;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task CreateDatabaseAsync(string name, string? template)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"CREATE DATABASE {Dialect.QuoteIdentifier(name)} ENCODING 'UTF8' TEMPLATE {Dialect.QuoteIdentifier(template ?? "template0")}";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerAsync(NpgsqlConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('server_version') || ', collation ' || datcollate || ', shared_buffers ' || current_setting('shared_buffers') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync') || ', temp_buffers ' || current_setting('temp_buffers') || ', work_mem ' || current_setting('work_mem') FROM pg_database WHERE datname = current_database()";
        return "PostgreSQL " + await command.ExecuteScalarAsync();
    }
}

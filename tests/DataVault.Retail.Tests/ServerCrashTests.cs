using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Npgsql;
using Retail;
using Xunit;
using Xunit.Abstractions;

namespace DataVault.Retail.Tests;

/// <summary>
/// The PostgreSQL server itself killed mid-load (issue #14): a private server (its own data folder and port, so no other
/// test is disturbed) is killed with SIGKILL while the sample's loader process loads batch 1, then restarted (crash
/// recovery). The loader fails naming the batch and the lost connection; the vault holds nothing of the batch or all of
/// it; a rerun equals one clean load and the batch log holds no running entry. Needs the PostgreSQL server binaries
/// (scripts/services/postgres.sh installs them) and root (the server runs as the postgres user).
/// </summary>
public sealed class ServerCrashTests(RetailTestData data, ITestOutputHelper output) : IClassFixture<RetailTestData>
{
    /// <summary>
    /// When each round kills the server, as a fraction of how long a clean load runs after its batch log entry appears
    /// (measured in the same run, so the moments fall inside the load on a fast and a slow machine): reading, staging,
    /// merging.
    /// </summary>
    private static readonly double[] Moments = [0.05, 0.25, 0.45, 0.65];

    private string? _connectionString;

    [Fact]
    public async Task A_server_killed_mid_load_leaves_nothing_or_the_whole_batch_and_a_rerun_is_one_clean_load()
    {
        await using var server = await PrivateServer.StartAsync();
        _connectionString = server.ConnectionString;
        var database = new PrivateDatabase(server.ConnectionString);

        // Twice: the first load of a new server is slower (cold caches, first connections), the kills follow the warm one.
        // A measurement that never saw the running entry (the poll missed it) does not count.
        var (clean, first) = await CleanDumpAsync();
        var (again, second) = await CleanDumpAsync();
        again.Should().Be(clean, "a load of the same batch into an empty vault gives the same vault");
        var seen = new[] { first, second }.OfType<TimeSpan>().ToList();
        seen.Should().NotBeEmpty("the poll must see the batch log entry of at least one of two clean loads");
        var running = seen.Min();
        output.WriteLine($"a clean load runs {running.TotalMilliseconds:F0} ms after its batch log entry appears");
        var killed = 0;
        for (var round = 0; round < Moments.Length; round++)
        {
            await server.ResetAsync();
            var (loader, lines) = Loader();
            using var process = loader;
            await BatchRunningAsync(loader);
            await Task.Delay(running * Moments[round]);
            var wasRunning = !loader.HasExited;
            server.Kill();
            await loader.WaitForExitAsync();
            await server.RestartAsync();
            var all = string.Join('\n', lines);
            output.WriteLine($"round {round}: killed {running * Moments[round]:g} after the entry appeared, the loader exited with {loader.ExitCode}");
            if (wasRunning && loader.ExitCode != 0)
            {
                killed++;
                all.Should().Contain("connection to the database was lost", $"round {round}: {all}").And.Contain("batch-01");
            }
            else
            {
                loader.ExitCode.Should().Be(0, $"round {round}: a load the kill did not reach succeeds ({all})");
            }

            var after = await VaultDump.OfAsync(database);
            after.Should().BeOneOf([VaultDump.Empty, clean], $"round {round}: nothing of the batch or all of it");
            var rerun = await Cli.RunAsync(["load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], .. database.Options]);
            rerun.Code.Should().Be(0, $"round {round}: {rerun.Output}");
            (await VaultDump.OfAsync(database)).Should().Be(clean, $"round {round}");
            (await VaultDump.BatchStatusesAsync(database)).Should().NotContain("running", $"round {round}");
        }

        output.WriteLine($"{Moments.Length} rounds, {killed} loads failed on the killed server");
        killed.Should().BeGreaterThanOrEqualTo(2, "the server must die under running loads");

        // The clean vault (loaded into an empty one), and how long its load ran after the batch log entry appeared.
        async Task<(string Dump, TimeSpan? Running)> CleanDumpAsync()
        {
            await server.ResetAsync();
            var (loader, lines) = Loader();
            using var process = loader;
            var sawEntry = await BatchRunningAsync(loader);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await loader.WaitForExitAsync();
            watch.Stop();
            loader.ExitCode.Should().Be(0, string.Join('\n', lines));
            return (await VaultDump.OfAsync(database), sawEntry ? watch.Elapsed : null);
        }

        // The sample's loader as a process of its own, its output collected.
        (Process Process, System.Collections.Concurrent.ConcurrentQueue<string> Lines) Loader()
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])[typeof(RetailApp).Assembly.Location, "load", "--from", data.Folders[0], "--load-date", RetailTestData.LoadDates[0], .. database.Options])
            {
                start.ArgumentList.Add(argument);
            }

            var loader = new Process { StartInfo = start };
            var text = new System.Collections.Concurrent.ConcurrentQueue<string>();
            loader.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    text.Enqueue(line);
                }
            };
            loader.ErrorDataReceived += (_, e) => text.Enqueue(e.Data ?? string.Empty);
            loader.Start();
            loader.BeginOutputReadLine();
            loader.BeginErrorReadLine();
            return (loader, text);
        }
    }

    /// <summary>Waits until the loader's batch log entry is running; false when the loader exited before the poll saw it.</summary>
    private async Task<bool> BatchRunningAsync(Process loader)
    {
        var database = new NpgsqlConnectionStringBuilder(_connectionString!).ConnectionString;
        for (var i = 0; i < 3000 && !loader.HasExited; i++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM etl_batch_log WHERE status = 'running'";
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    return true;
                }
            }
            catch (PostgresException)
            {
                // the batch log does not exist yet
            }

            await Task.Delay(10);
        }

        return false;
    }

    /// <summary>The private server's database as a <see cref="TestDatabase"/> for the dumps.</summary>
    private sealed class PrivateDatabase(string connectionString) : TestDatabase
    {
        public override IReadOnlyList<string> Options => ["--provider", "postgres", "--connection", connectionString];

        public override DataVault.Core.Sql.SqlDialect Dialect => DataVault.Core.Sql.SqlDialects.PostgreSql;

        public override async Task<System.Data.Common.DbConnection> OpenAsync()
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }

        public override Task InitializeAsync() => Task.CompletedTask;

        public override Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>A PostgreSQL server of its own: initdb into a temporary folder, started as the postgres user on a free port.</summary>
    private sealed class PrivateServer : IAsyncDisposable
    {
        private readonly string _folder;
        private readonly int _port;
        private Process? _postgres;

        private PrivateServer(string folder, int port)
        {
            _folder = folder;
            _port = port;
        }

        public string ConnectionString => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = "retail", Pooling = false, Timeout = 15 }.ConnectionString;

        public static async Task<PrivateServer> StartAsync()
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
                ?? throw new InvalidOperationException("no PostgreSQL server binaries under /usr/lib/postgresql: run scripts/services/postgres.sh");
            var folder = Directory.CreateTempSubdirectory("dv-pg-crash-").FullName;
            await RunAsync("chown", "postgres", folder);
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "data"), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var server = new PrivateServer(folder, port) { Bin = bin };
            await server.RestartAsync();
            return server;
        }

        private string Bin { get; init; } = string.Empty;

        /// <summary>An empty database <c>retail</c>.</summary>
        public async Task ResetAsync()
        {
            var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP DATABASE IF EXISTS retail WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "CREATE DATABASE retail";
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>
        /// SIGKILL of the whole server, as a crash of its machine: the postmaster first (so it starts no new backend),
        /// then every process it started. A postmaster killed alone leaves its backends running: one in the middle of a
        /// load's transaction goes on serving its connection and can commit, so the load would not see the crash at all.
        /// </summary>
        public void Kill()
        {
            var pid = int.Parse(File.ReadLines(Path.Combine(_folder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            var children = Children(pid);
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill();
            postmaster.WaitForExit();
            foreach (var child in children.Concat(Children(pid)).Distinct())
            {
                try
                {
                    using var backend = Process.GetProcessById(child);
                    backend.Kill();
                    backend.WaitForExit();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }
            }

            _postgres!.WaitForExit();
        }

        /// <summary>The processes a process started (Linux: /proc/&lt;pid&gt;/task/&lt;tid&gt;/children).</summary>
        private static List<int> Children(int pid)
        {
            var children = new List<int>();
            var tasks = $"/proc/{pid}/task";
            if (!Directory.Exists(tasks))
            {
                return children;
            }

            foreach (var task in Directory.GetDirectories(tasks))
            {
                try
                {
                    children.AddRange(File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
                }
                catch (IOException)
                {
                    // the task ended
                }
            }

            return children;
        }

        /// <summary>Starts the server (after a kill: crash recovery) and waits until it answers.</summary>
        public async Task RestartAsync()
        {
            var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString;
            for (var attempt = 0; attempt < 60; attempt++)
            {
                // A start fails while backends of the killed server still hold its shared memory: try again shortly.
                var start = new ProcessStartInfo("runuser") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in (string[])["-u", "postgres", "--", Path.Combine(Bin, "postgres"), "-D", Path.Combine(_folder, "data"), "-p", _port.ToString(CultureInfo.InvariantCulture), "-k", _folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"])
                {
                    start.ArgumentList.Add(argument);
                }

                _postgres = Process.Start(start)!;
                _ = _postgres.StandardOutput.ReadToEndAsync();
                _ = _postgres.StandardError.ReadToEndAsync();
                for (var wait = 0; wait < 100 && !_postgres.HasExited; wait++)
                {
                    try
                    {
                        await using var connection = new NpgsqlConnection(admin);
                        await connection.OpenAsync();
                        return;
                    }
                    catch (NpgsqlException)
                    {
                        await Task.Delay(200);
                    }
                    catch (System.Net.Sockets.SocketException)
                    {
                        await Task.Delay(200);
                    }
                }

                await Task.Delay(500);
            }

            throw new InvalidOperationException("the private PostgreSQL server did not start");
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is { HasExited: false })
            {
                await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
            }

            await Task.Delay(500);
            await RunAsync("rm", "-rf", _folder);
        }

        private static async Task RunAsync(string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, $"{file} {string.Join(' ', arguments)}: {text}");
        }
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace DataVault.Benchmarks.Loading;

/// <summary>
/// Runs one measurement in a child process of this program (<c>load-child</c>), so that each measurement has a fresh
/// runtime and its own peak memory; the child writes its <see cref="MeasurementResult"/> as JSON to a file.
/// </summary>
internal static class ChildProcess
{
    public static MeasurementResult Run(string workDir, string kind, IEnumerable<(string Name, string? Value)> options)
    {
        var resultFile = Path.Combine(workDir, $"result-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add("load-child");
        start.ArgumentList.Add("--kind");
        start.ArgumentList.Add(kind);
        start.ArgumentList.Add("--result");
        start.ArgumentList.Add(resultFile);
        foreach (var (name, value) in options)
        {
            start.ArgumentList.Add("--" + name);
            if (value is not null)
            {
                start.ArgumentList.Add(value);
            }
        }

        Console.WriteLine($"  [{DateTime.UtcNow:HH:mm:ss}] child: {kind} {string.Join(' ', options.Select(o => "--" + o.Name + (o.Value is null ? "" : " " + Path.GetFileName(o.Value))))}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(resultFile))
        {
            throw new ChildFailedException($"The {kind} measurement failed (child exit code {process.ExitCode}); see its output above.");
        }

        try
        {
            return JsonSerializer.Deserialize<MeasurementResult>(File.ReadAllText(resultFile)) ?? throw new ChildFailedException($"The {kind} measurement wrote no result.");
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>The child side: runs the measurement named by <c>--kind</c> and writes its result.</summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        var options = LoadArguments.Parse(args);
        var kind = options.Value("kind") ?? throw new ArgumentException("--kind is required");
        var resultFile = options.Value("result") ?? throw new ArgumentException("--result is required");
        var lines = long.Parse(options.Value("lines") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var verbose = options.Flag("verbose");
        var pragmas = options.Values("pragma");
        try
        {
            var result = kind switch
            {
                "sqlite-vault" => await SqliteRuns.VaultAsync(options.Required("csv"), lines, options.Required("db"), pragmas, verbose),
                "sqlite-raw" => await SqliteRuns.RawAsync(options.Required("db"), lines, options.Required("work-dir"), pragmas, options.Flag("raw-multirow")),
                "sqlite-incremental" => await SqliteRuns.IncrementalAsync(options.Value("base"), options.Required("csv"), lines, options.Required("db"), pragmas, verbose),
                "pg-vault" => await PostgresRuns.VaultAsync(options.Required("csv"), lines, verbose),
                "pg-raw" => await PostgresRuns.RawAsync(options.Required("db"), lines),
                "pg-incremental" => await PostgresRuns.IncrementalAsync(options.Value("base"), options.Required("csv"), lines, verbose),
                _ => throw new ArgumentException($"unknown measurement '{kind}'"),
            };
            await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result));
            return 0;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"  {kind} FAILED: {ex}");
            return 1;
        }
    }
}

/// <summary>A measurement's child process failed.</summary>
internal sealed class ChildFailedException(string message) : Exception(message);

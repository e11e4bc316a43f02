using System.Text;
using Retail;
using Spectre.Console;

namespace DataVault.Retail.Tests;

/// <summary>What a run of the command line printed, stream by stream.</summary>
/// <param name="Code">The exit code.</param>
/// <param name="Stdout">What went to stdout: results and progress.</param>
/// <param name="Stderr">What went to stderr: errors and warnings.</param>
public sealed record CliRun(int Code, string Stdout, string Stderr)
{
    /// <summary>Both streams, stdout first.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>The exit code and both streams together (for the tests that do not care which stream).</summary>
    public void Deconstruct(out int code, out string output)
    {
        code = Code;
        output = Output;
    }
}

/// <summary>Runs the sample's command line in-process, with a fixed clock, capturing stdout and stderr separately.</summary>
public static class Cli
{
    /// <summary>The tests' "now": 2026-03-10 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(new StringBuilder());
        var stderr = new StringWriter(new StringBuilder());
        var code = await RetailApp.RunAsync(args, Console(stdout), new FixedTime(Now), Console(stderr));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(IEnumerable<string> args, IEnumerable<string> database) =>
        RunAsync([.. args, .. database]);

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        return console;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

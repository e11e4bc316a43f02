using System.Text;
using Retail;
using Spectre.Console;

namespace DataVault.Retail.Tests;

/// <summary>Runs the sample's command line in-process, with a fixed clock, capturing what it prints.</summary>
public static class Cli
{
    /// <summary>The tests' "now": 2026-03-10 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        var code = await RetailApp.RunAsync(args, console, new FixedTime(Now));
        return (code, writer.ToString());
    }

    public static Task<(int Code, string Output)> RunAsync(IEnumerable<string> args, IEnumerable<string> database) =>
        RunAsync([.. args, .. database]);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

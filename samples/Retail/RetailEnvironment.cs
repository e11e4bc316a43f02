using Spectre.Console;

namespace Retail;

/// <summary>What every command shares: the console it writes to and the clock (never <c>DateTime.Now</c>).</summary>
internal sealed class RetailEnvironment
{
    /// <summary>Creates the environment.</summary>
    /// <param name="console">The console.</param>
    /// <param name="time">The clock.</param>
    public RetailEnvironment(IAnsiConsole console, TimeProvider time)
    {
        Console = console;
        Time = time;
    }

    /// <summary>The console.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Now, as the vault stores instants: UTC, microsecond precision, kind Unspecified.</summary>
    /// <returns>The instant.</returns>
    public DateTime UtcNow()
    {
        var ticks = Time.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Unspecified);
    }

    /// <summary>Today's date, UTC.</summary>
    /// <returns>The date.</returns>
    public DateOnly Today() => DateOnly.FromDateTime(UtcNow());

    /// <summary>Prints one error line.</summary>
    /// <param name="message">The message (plain text).</param>
    public void Error(string message) => Console.MarkupLine("[red]error:[/] " + Markup.Escape(message));
}

using Spectre.Console;

namespace Retail;

/// <summary>
/// What every command shares: the console results go to (stdout), the console errors and warnings go to (stderr), and
/// the clock (never <c>DateTime.Now</c>).
/// </summary>
internal sealed class RetailEnvironment
{
    /// <summary>Creates the environment.</summary>
    /// <param name="console">The console of results and progress (stdout).</param>
    /// <param name="time">The clock.</param>
    /// <param name="errors">The console of errors and warnings (stderr); <see langword="null"/> for <paramref name="console"/>.</param>
    public RetailEnvironment(IAnsiConsole console, TimeProvider time, IAnsiConsole? errors = null)
    {
        Console = console;
        Time = time;
        Errors = errors ?? console;
    }

    /// <summary>The console of results and progress (stdout).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The console of errors and warnings (stderr).</summary>
    public IAnsiConsole Errors { get; }

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

    /// <summary>Prints one error line on the error console (stderr).</summary>
    /// <param name="message">The message (plain text).</param>
    public void Error(string message) => Errors.MarkupLine("[red]error:[/] " + Markup.Escape(message));

    /// <summary>Prints one warning line on the error console (stderr).</summary>
    /// <param name="message">The message (plain text).</param>
    public void Warning(string message) => Errors.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));
}

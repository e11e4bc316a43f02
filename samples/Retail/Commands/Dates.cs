using System.Globalization;

namespace Retail.Commands;

/// <summary>Parses dates and instants from the command line; without an offset they are UTC.</summary>
internal static class Dates
{
    /// <summary>Parses an ISO-8601 date or date-time as a UTC instant (microseconds, kind Unspecified).</summary>
    /// <param name="text">E.g. <c>2026-03-01</c>, <c>2026-03-01T08:00:00</c>, <c>2026-03-01T09:00:00+01:00</c>.</param>
    /// <param name="option">The option, for the message.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="UsageException">Not a date.</exception>
    public static DateTime Instant(string text, string option)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new UsageException($"{option}: '{text}' is not an ISO-8601 date or time (e.g. 2026-03-01 or 2026-03-01T08:00:00Z)");
        }

        var ticks = value.UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Unspecified);
    }

    /// <summary>Parses a date (a date-time is reduced to its UTC date).</summary>
    /// <param name="text">E.g. <c>2026-03-01</c>.</param>
    /// <param name="option">The option, for the message.</param>
    /// <returns>The date.</returns>
    /// <exception cref="UsageException">Not a date.</exception>
    public static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.FromDateTime(Instant(text, option));
}

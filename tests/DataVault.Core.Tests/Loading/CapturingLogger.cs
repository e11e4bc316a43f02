using Microsoft.Extensions.Logging;

namespace DataVault.Core.Tests.Loading;

/// <summary>One log event as a test sees it.</summary>
internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>A logger that keeps every event at or above <see cref="MinimumLevel"/>, formatted.</summary>
internal sealed class CapturingLogger : ILogger
{
    public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

    public List<LogEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        lock (Entries)
        {
            Entries.Add(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}

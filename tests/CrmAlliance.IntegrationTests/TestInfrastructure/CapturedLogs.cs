using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// A logger provider that keeps every line the host writes, formatted as a console would (category, message,
/// exception), so tests can read what reached the log and weigh it. It obeys the host's configured log levels.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public long TotalBytes => _lines.Sum(line => (long)System.Text.Encoding.UTF8.GetByteCount(line));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue($"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Amanat.Web.Tests.Support;

/// <summary>Keeps every log line the application writes, so tests can search them for what must not be there.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public string All => string.Join('\n', lines);

    public void Clear() => lines.Clear();

    /// <summary>Waits for a line to be written: the request log is written once the response has gone.</summary>
    public async Task<bool> WaitForAsync(Func<string, bool> match)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (lines.Any(match))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Troc.Tests.Realtime;

/// <summary>A real logger that keeps its lines, so tests can check what the bus told the operator.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger<T> For<T>() => new TypedLogger<T>(CreateLogger(typeof(T).FullName!));

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _lines);

    public bool Contains(LogLevel level, string fragment) =>
        _lines.Any(line => line.Level == level && line.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    public string Dump() => string.Join("\n", _lines.Select(line => $"{line.Level} {line.Category}: {line.Message}"));

    public void Dispose() { }

    public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception);

    private sealed class CollectingLogger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception));
    }

    private sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.Tests.Support;

/// <summary>Captures every formatted log line, so tests can assert what was logged (and what never is).</summary>
public sealed class ListLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    /// <summary>The lines logged so far as <c>Level Category: message</c>.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) { return [.. _lines]; } }
    }

    /// <summary>All lines joined, for substring checks.</summary>
    public string Text => string.Join('\n', Lines);

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_gate) { _lines.Add(line); }
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{logLevel} {category}: {formatter(state, exception)}");
    }
}

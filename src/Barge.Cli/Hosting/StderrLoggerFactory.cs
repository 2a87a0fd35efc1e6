using Microsoft.Extensions.Logging;

namespace Barge.Cli.Hosting;

/// <summary>
/// The CLI's logging: warnings and errors of the engine as <c>warning: …</c> lines on stderr (the
/// engine's messages never carry secrets); nothing below <see cref="LogLevel.Warning"/>.
/// </summary>
internal sealed class StderrLoggerFactory(TextWriter error) : ILoggerFactory
{
    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(this);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the CLI's stderr logging takes no extra providers");

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message)
    {
        lock (_gate)
        {
            error.WriteLine((level >= LogLevel.Error ? "error: " : "warning: ") + message);
        }
    }

    private sealed class StderrLogger(StderrLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, formatter(state, exception));
            }
        }
    }
}

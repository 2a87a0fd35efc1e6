using Microsoft.Extensions.Logging;

namespace Barge.Storage.Postgres;

internal static partial class PostgresStoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Store} opened (schema version {Version}, {Applied} migrations applied)")]
    public static partial void Opened(ILogger logger, string store, int version, int applied);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Store {Store}: committed {Count} writes up to resourceVersion {Version}")]
    public static partial void Committed(ILogger logger, string store, int count, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {Store}: the change listener lost its connection; reconnecting in {Delay}")]
    public static partial void ListenerFailed(ILogger logger, string store, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Store {Store}: listening for changes on channel {Channel}")]
    public static partial void Listening(ILogger logger, string store, string channel);
}

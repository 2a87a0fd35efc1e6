using Microsoft.Extensions.Logging;

namespace Barge.Storage.Sqlite;

internal static partial class SqliteStoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Path} opened (schema version {Version}, {Applied} migrations applied)")]
    public static partial void Opened(ILogger logger, string path, int version, int applied);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Store {Path}: committed {Count} writes up to resourceVersion {Version}")]
    public static partial void Committed(ILogger logger, string path, int count, long version);
}

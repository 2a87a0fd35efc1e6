using Microsoft.Extensions.Logging;

namespace Barge.Engine.Git;

internal static partial class GitLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{CommandLine} finished in {ElapsedMs} ms with exit code {ExitCode}")]
    public static partial void CommandFinished(ILogger logger, string commandLine, long elapsedMs, int exitCode);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{CommandLine} timed out after {ElapsedMs} ms; its process tree was killed")]
    public static partial void CommandTimedOut(ILogger logger, string commandLine, long elapsedMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Mirror of {Url} is current (refs unchanged); no fetch")]
    public static partial void MirrorUnchanged(ILogger logger, string url);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Mirror of {Url} fetched in {ElapsedMs} ms ({Reason})")]
    public static partial void MirrorFetched(ILogger logger, string url, long elapsedMs, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Mirror of {Url} was synced by a concurrent caller; reusing it")]
    public static partial void MirrorShared(ILogger logger, string url);

}

using Microsoft.Extensions.Logging;

namespace Barge.Server.Hosting;

/// <summary>The server's log lines; no token or secret value ever reaches one.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "denied {Method} {Path} to {Actor}: {Reason}")]
    public static partial void Denied(ILogger logger, string method, string path, string actor, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "rejected {Method} {Path}: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "unexpected failure of {Method} {Path}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "admin token: {Source}")]
    public static partial void AdminTokenSource(ILogger logger, string source);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "controllers stopped")]
    public static partial void ControllersStopped(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "controllers failed")]
    public static partial void ControllersFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{Actor} {Action}")]
    public static partial void Audit(ILogger logger, string actor, string action);
}

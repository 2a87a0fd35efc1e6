using Barge.Server.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Hosting;

/// <summary>
/// The HTTP boundary's one catch: a too-large or malformed request gets its status (413, 400), a bug a
/// 500 <c>internal server error</c> whose detail goes only to the log.
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var message = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request body too large" : ex.Message;
            await Problems.WriteAsync(context, new ApiError(ex.StatusCode, message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            ServerLog.Unexpected(logger, ex, context.Request.Method, context.Request.Path);
            await Problems.WriteAsync(context, new ApiError(500, "internal server error"));
        }
    }
}

using Barge.Engine.Controllers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Hosting;

/// <summary>
/// Runs the controllers inside the server process. Stopping the host cancels the runtime; the host's
/// shutdown timeout bounds how long a running reconcile (a promotion step) may take to finish — the
/// engine persists every finished step, so a cut-short run resumes on the next start.
/// </summary>
internal sealed class ControllerHost(ControllerRuntime runtime, IDisposable owner, ILogger<ControllerHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runtime.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            ServerLog.ControllersStopped(logger);
        }
        catch (Exception ex)
        {
            ServerLog.ControllersFailed(logger, ex);
            throw;
        }
    }

    public override void Dispose()
    {
        owner.Dispose();
        base.Dispose();
    }
}

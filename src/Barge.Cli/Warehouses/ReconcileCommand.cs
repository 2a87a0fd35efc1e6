using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Controllers;
using Barge.Engine.Controllers.Promotions;

namespace Barge.Cli.Warehouses;

/// <summary>
/// <c>barge reconcile</c>: runs the pipeline controller (Warehouses, Stages, Promotions) in-process
/// against the embedded store, until interrupted or, with <c>--until-idle</c>, until there is nothing
/// to do; then the exit code is 1 when a Promotion ended Failed, Errored or Aborted during the run.
/// With <c>--server</c> it is refused: a <c>barge serve</c> runs these controllers itself, continuously, so
/// there is nothing to run here, and refreshing is what <c>refresh warehouse</c> asks of the server.
/// </summary>
internal sealed class ReconcileCommand(CliContext cli) : BargeCommand<ReconcileSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override string? LocalOnlyHint =>
        "the server's controllers reconcile continuously; ask it for a discovery with `barge refresh warehouse W` and follow Promotions with `barge get promotions`";

    protected override async Task<int> RunAsync(ReconcileSettings settings, CancellationToken cancellationToken)
    {
        if (!SecretKeys.TryOpen(Cli, out var cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        using var loggers = new StderrLoggerFactory(Cli.Error);
        var options = new PipelineControllerOptions
        {
            Promotion = new PromotionReconcilerOptions { LeaseDuration = TimeSpan.FromSeconds(settings.PromotionLeaseSeconds) },
        };
        using var controller = new PipelineController(store, Cli.Home.Path, cipher, Cli.Time, loggers, options);
        if (settings.UntilIdle)
        {
            var window = TimeSpan.FromMilliseconds(settings.IdleWindowMilliseconds);
            var count = await controller.Runtime.RunUntilIdleAsync(window, cancellationToken);
            // A Promotion whose lease another process holds (or a dead one held) is work still to do.
            while (controller.Promotions.WaitingForLease)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                count += await controller.Runtime.RunUntilIdleAsync(window, cancellationToken);
            }
            Cli.Output.WriteLine($"idle after {count} reconcile(s)");
            var unsuccessful = controller.Promotions.Unsuccessful.Order(StringComparer.Ordinal).ToList();
            if (unsuccessful.Count > 0)
            {
                return Cli.Fail(ExitCodes.Failed, $"{unsuccessful.Count} Promotion(s) did not succeed: {string.Join(", ", unsuccessful)}");
            }
            return ExitCodes.Success;
        }
        await controller.Runtime.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}

using Barge.Cli.Hosting;
using Barge.Engine.Controllers;

namespace Barge.Cli.Warehouses;

/// <summary>
/// <c>barge reconcile</c>: runs the controllers in-process against the embedded store (today the
/// Warehouse controller), until interrupted or, with <c>--until-idle</c>, until there is nothing to do.
/// </summary>
internal sealed class ReconcileCommand(CliContext cli) : BargeCommand<ReconcileSettings>(cli)
{
    protected override async Task<int> RunAsync(ReconcileSettings settings, CancellationToken cancellationToken)
    {
        if (!SecretKeys.TryOpen(Cli, out var cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        using var loggers = new StderrLoggerFactory(Cli.Error);
        using var controller = new WarehouseController(store, Cli.Home.Path, cipher, Cli.Time, loggers);
        if (settings.UntilIdle)
        {
            var count = await controller.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(settings.IdleWindowMilliseconds), cancellationToken);
            Cli.Output.WriteLine($"idle after {count} reconcile(s)");
            return ExitCodes.Success;
        }
        await controller.Runtime.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}

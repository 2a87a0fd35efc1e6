using Barge.Cli.Approve;
using Barge.Cli.Hosting;
using Barge.Engine.Operations;

namespace Barge.Cli.Verify;

/// <summary>
/// <c>barge verify stage S [--abort]</c>: asks the Stage reconciler to verify the current Freight again,
/// or to abort the running verification (kargo-rest-api.md §4.13). The reconciler (<c>barge reconcile</c>
/// or <c>barge serve</c>) carries the request out.
/// </summary>
internal sealed class VerifyStageCommand(CliContext cli) : BargeCommand<VerifyStageSettings>(cli)
{
    protected override async Task<int> RunAsync(VerifyStageSettings settings, CancellationToken cancellationToken)
    {
        if (ResolveProject(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var requests = new StageVerificationRequests(store, Cli.Time);
        var actor = LocalActor.Of(Cli);
        var result = settings.Abort
            ? await requests.AbortVerificationAsync(project, settings.Stage, actor, cancellationToken)
            : await requests.ReverifyAsync(project, settings.Stage, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return Cli.Fail(OperationExit.Code(result.Failure), result.Message);
        }
        Cli.Output.WriteLine(result.Message);
        return ExitCodes.Success;
    }
}

using Barge.Cli.Hosting;
using Barge.Engine.Operations;

namespace Barge.Cli.Approve;

/// <summary>
/// <c>barge approve (--freight ID | --freight-alias A) --stage S</c>: makes the Freight available to the
/// Stage (kargo-spec.md §7.2) and records a FreightApproved entry in the history. Approving again is a
/// no-op that still exits 0.
/// </summary>
internal sealed class ApproveCommand(CliContext cli) : BargeCommand<ApproveSettings>(cli)
{
    protected override async Task<int> RunAsync(ApproveSettings settings, CancellationToken cancellationToken)
    {
        if (ResolveProject(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        if (string.IsNullOrEmpty(settings.Freight) == string.IsNullOrEmpty(settings.FreightAlias))
        {
            return Cli.Fail(ExitCodes.BadInput, "give exactly one of --freight and --freight-alias");
        }
        if (string.IsNullOrEmpty(settings.Stage))
        {
            return Cli.Fail(ExitCodes.BadInput, "--stage is required");
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var result = await new FreightApproval(store, Cli.Time)
            .ApproveAsync(project, settings.Freight ?? settings.FreightAlias!, settings.Stage, LocalActor.Of(Cli), cancellationToken);
        if (!result.Succeeded)
        {
            return Cli.Fail(OperationExit.Code(result.Failure), result.Message);
        }
        Cli.Output.WriteLine(result.Message);
        return ExitCodes.Success;
    }
}

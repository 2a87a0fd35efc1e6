using Barge.Cli.Approve;
using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Operations;

namespace Barge.Cli.Verify;

/// <summary>
/// <c>barge verify stage S [--abort]</c>: asks the Stage reconciler to verify the current Freight again,
/// or to abort the running verification (kargo-rest-api.md §4.13). The reconciler (<c>barge reconcile</c>
/// or <c>barge serve</c>) carries the request out. In remote mode the API's verification routes make the
/// same request and answer with the same sentence (the verification's ID, or why nothing changed).
/// </summary>
internal sealed class VerifyStageCommand(CliContext cli) : BargeCommand<VerifyStageSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunRemoteAsync(VerifyStageSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        if (ResolveProject(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        var path = BargeClient.Api("projects", project, "stages", settings.Stage, "verification") + (settings.Abort ? "/abort" : "");
        var sent = await client.SendAsync(HttpMethod.Post, path, null, cancellationToken);
        if (sent.Failure is { Status: 404, Reason: null })
        {
            // Not the engine's refusal: the server found no such project, where embedded mode finds no such Stage in it.
            return Cli.Fail(ExitCodes.Failed, $"Stage \"{settings.Stage}\" not found in project \"{project}\"");
        }
        if (sent.Failure is { } failure)
        {
            return Fail(failure);
        }
        if (sent.Value?["message"] is not JsonValue message || !message.TryGetValue<string>(out var text))
        {
            return Cli.Fail(ExitCodes.Failed, $"the server at {ServerUrl.Format(client.Server)} accepted the request but did not say what it did (is it an older barge serve?); see `barge get stage {settings.Stage} -o yaml`");
        }
        Cli.Output.WriteLine(text);
        return ExitCodes.Success;
    }

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

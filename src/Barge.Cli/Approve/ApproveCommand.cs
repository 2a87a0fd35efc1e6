using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Operations;

namespace Barge.Cli.Approve;

/// <summary>
/// <c>barge approve (--freight ID | --freight-alias A) --stage S</c>: makes the Freight available to the
/// Stage (kargo-spec.md §7.2) and records a FreightApproved entry in the history. Approving again is a
/// no-op that still exits 0.
/// </summary>
internal sealed class ApproveCommand(CliContext cli) : BargeCommand<ApproveSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunAsync(ApproveSettings settings, CancellationToken cancellationToken)
    {
        if (Validate(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var result = await new FreightApproval(store, Cli.Time)
            .ApproveAsync(project, settings.Freight ?? settings.FreightAlias!, settings.Stage!, LocalActor.Of(Cli), cancellationToken);
        if (!result.Succeeded)
        {
            return Cli.Fail(OperationExit.Code(result.Failure), result.Message);
        }
        Cli.Output.WriteLine(result.Message);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Remote mode: <c>POST …/freight/{f}/approve?stage=S</c> with the name or alias as given (so the
    /// server refuses an ambiguous alias). The Freight is read first so the line printed names it by ID
    /// and says whether it was approved already, as embedded mode does.
    /// </summary>
    protected override async Task<int> RunRemoteAsync(ApproveSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        if (Validate(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        var freight = settings.Freight ?? settings.FreightAlias!;
        var found = await client.GetAsync(BargeClient.Api("projects", project, "freight", freight), cancellationToken);
        if (found.Failure is { } lookupFailure)
        {
            return Fail(lookupFailure);
        }
        var stored = RemoteManifests.ToStored(found.Value as JsonObject ?? []);
        var id = stored.Key.Name.Length > 0 ? stored.Key.Name : freight;
        var already = found.Value?["status"]?["approvedFor"] is JsonObject approved && approved.ContainsKey(settings.Stage!);
        var sent = await client.SendAsync(HttpMethod.Post,
            BargeClient.Api("projects", project, "freight", freight, "approve") + "?stage=" + Uri.EscapeDataString(settings.Stage!), null, cancellationToken);
        if (sent.Failure is { } failure)
        {
            return Fail(failure);
        }
        Cli.Output.WriteLine(already
            ? $"Freight \"{id}\" is already approved for Stage \"{settings.Stage}\" in project \"{project}\""
            : $"Freight \"{id}\" approved for Stage \"{settings.Stage}\" in project \"{project}\"");
        return ExitCodes.Success;
    }

    private string? Validate(ApproveSettings settings, out int exitCode)
    {
        if (ResolveProject(settings, out exitCode) is not { } project)
        {
            return null;
        }
        if (string.IsNullOrEmpty(settings.Freight) == string.IsNullOrEmpty(settings.FreightAlias))
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, "give exactly one of --freight and --freight-alias");
            return null;
        }
        if (string.IsNullOrEmpty(settings.Stage))
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, "--stage is required");
            return null;
        }
        return project;
    }
}

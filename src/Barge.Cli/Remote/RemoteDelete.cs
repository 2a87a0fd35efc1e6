using System.Text.Json.Nodes;
using Barge.Cli.Delete;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Resources.Model;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge delete</c> through the API's delete routes (Projects with everything in them, Stages, Warehouses,
/// Freight by name or alias). Every target is read first, so a missing name or a Freight in use stops the
/// command before anything is deleted, with embedded mode's messages; the deletes are then one call each
/// (the API has no batch delete by name), Projects last.
/// </summary>
internal sealed class RemoteDelete(CliContext cli, BargeClient client)
{
    public async Task<int> RunAsync(IReadOnlyList<(ResourceKind Kind, string Project, string Name)> requests, CancellationToken cancellationToken)
    {
        if (requests.FirstOrDefault(r => Route(r.Kind) is null) is { Kind: not null } unsupported)
        {
            return cli.Fail(ExitCodes.BadInput,
                $"deleting {unsupported.Kind.Plural} is not supported in remote mode yet: the API deletes projects, stages, warehouses and freight; nothing was deleted");
        }
        var problems = new List<string>();
        var targets = new List<(ResourceKind Kind, string Path, string Name)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Projects go last, after what is in them (as embedded mode and Kargo order them).
        foreach (var (kind, project, name) in requests.OrderBy(r => CliKinds.IsProject(r.Kind) ? 1 : 0))
        {
            var path = Path(kind, project, name);
            var found = await client.GetAsync(path, cancellationToken);
            if (found.Failure is { Status: 404 })
            {
                problems.Add(ResourceLookup.NotFound(kind, project, name));
                continue;
            }
            if (found.Failure is { } failure)
            {
                return RemoteReport.Fail(cli, failure);
            }
            var manifest = found.Value as JsonObject ?? [];
            var stored = RemoteManifests.ToStored(manifest);
            if (!seen.Add(kind.Name + "/" + stored.Key.Project + "/" + stored.Key.Name))
            {
                continue;
            }
            if (CliKinds.IsFreight(kind) && DeleteCommand.HoldingStages(stored) is { Count: > 0 } stages)
            {
                problems.Add($"Freight \"{stored.Key.Name}\" in project \"{project}\" is in use by Stage {string.Join(", ", stages.Select(s => $"\"{s}\""))}; it cannot be deleted");
                continue;
            }
            targets.Add((kind, Path(kind, project, stored.Key.Name), stored.Key.Name));
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                cli.Fail(ExitCodes.Failed, problem);
            }
            return cli.Fail(ExitCodes.Failed, "nothing was deleted");
        }
        var done = 0;
        foreach (var (kind, path, name) in targets)
        {
            var deleted = await client.SendAsync(HttpMethod.Delete, path, null, cancellationToken);
            if (deleted.Failure is { } failure)
            {
                return RemoteReport.Fail(cli, failure with
                {
                    Message = failure.Message + (done == 0 ? "; nothing was deleted" : $"; {done} of {targets.Count} were deleted before this one"),
                });
            }
            cli.Output.WriteLine(CliKinds.Display(kind, name) + " deleted");
            done++;
        }
        return ExitCodes.Success;
    }

    private static string Path(ResourceKind kind, string project, string name) =>
        CliKinds.IsProject(kind) ? BargeClient.Api("projects", name) : BargeClient.Api("projects", project, Route(kind)!, name);

    private static string? Route(ResourceKind kind) => kind.Name switch
    {
        "Project" => "projects",
        "Stage" => "stages",
        "Warehouse" => "warehouses",
        "Freight" => "freight",
        _ => null,
    };
}

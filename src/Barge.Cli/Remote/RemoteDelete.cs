using System.Text.Json.Nodes;
using Barge.Cli.Delete;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Resources.Model;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge delete</c> through the API's routes: Projects (with everything in them), Stages, Warehouses,
/// Freight by name or alias, AnalysisTemplates and the ProjectConfig; a PromotionTask only with its Project
/// (the API reads it but has no delete route for it; the Project's delete removes it). Every target is read
/// first, so a missing name or a Freight in use stops the command before anything is deleted, with embedded
/// mode's messages; the deletes are then one call each (the API has no batch delete by name), Projects last,
/// and the lines are printed once the calls are done, in embedded mode's order (on a failure, the lines of
/// what was deleted before it).
/// </summary>
internal sealed class RemoteDelete(CliContext cli, BargeClient client)
{
    public async Task<int> RunAsync(IReadOnlyList<(ResourceKind Kind, string Project, string Name)> requests, CancellationToken cancellationToken)
    {
        var projects = requests.Where(r => CliKinds.IsProject(r.Kind)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        if (requests.FirstOrDefault(r => Route(r.Kind) is null || (!CanDelete(r.Kind) && !projects.Contains(r.Project))) is { Kind: not null } unsupported)
        {
            return cli.Fail(ExitCodes.BadInput,
                $"deleting {unsupported.Kind.Plural} is not supported in remote mode yet: the API deletes projects, stages, warehouses, freight, " +
                "analysistemplates and projectconfigs (promotiontasks only with their project); nothing was deleted");
        }
        var problems = new List<string>();
        var targets = new List<(ResourceKind Kind, string Path, string Name, bool WithProject, string Project)>();
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
            if (kind.Name == "ProjectConfig" && stored.Key.Name != name)
            {
                problems.Add(ResourceLookup.NotFound(kind, project, name));
                continue;
            }
            if (!seen.Add(kind.Name + "/" + stored.Key.Project + "/" + stored.Key.Name))
            {
                continue;
            }
            if (CliKinds.IsFreight(kind) && DeleteCommand.HoldingStages(stored) is { Count: > 0 } stages)
            {
                problems.Add($"Freight \"{stored.Key.Name}\" in project \"{project}\" is in use by Stage {string.Join(", ", stages.Select(s => $"\"{s}\""))}; it cannot be deleted");
                continue;
            }
            targets.Add((kind, Path(kind, project, stored.Key.Name), stored.Key.Name, !CanDelete(kind), project));
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                cli.Fail(ExitCodes.Failed, problem);
            }
            return cli.Fail(ExitCodes.Failed, "nothing was deleted");
        }
        // Embedded mode's lines in its order; each printed once its call (or its Project's) succeeded.
        var completed = new bool[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var (kind, path, name, withProject, _) = targets[i];
            if (withProject)
            {
                continue;
            }
            var deleted = await client.SendAsync(HttpMethod.Delete, path, null, cancellationToken);
            if (deleted.Failure is { } failure)
            {
                var count = completed.Count(c => c);
                Print(targets, completed);
                return RemoteReport.Fail(cli, failure with
                {
                    Message = failure.Message + (count == 0 ? "; nothing was deleted" : $"; {count} of {targets.Count} were deleted before this one"),
                });
            }
            completed[i] = true;
            if (CliKinds.IsProject(kind))
            {
                for (var j = 0; j < targets.Count; j++)
                {
                    completed[j] |= targets[j].WithProject && targets[j].Project == name;
                }
            }
        }
        Print(targets, completed);
        return ExitCodes.Success;
    }

    private void Print(List<(ResourceKind Kind, string Path, string Name, bool WithProject, string Project)> targets, bool[] completed)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (completed[i])
            {
                cli.Output.WriteLine(CliKinds.Display(targets[i].Kind, targets[i].Name) + " deleted");
            }
        }
    }

    private static bool CanDelete(ResourceKind kind) => kind.Name != "PromotionTask";

    private static string Path(ResourceKind kind, string project, string name) => kind.Name switch
    {
        "Project" => BargeClient.Api("projects", name),
        "ProjectConfig" => BargeClient.Api("projects", project, "config"),
        _ => BargeClient.Api("projects", project, Route(kind)!, name),
    };

    private static string? Route(ResourceKind kind) => kind.Name switch
    {
        "Project" => "projects",
        "Stage" => "stages",
        "Warehouse" => "warehouses",
        "Freight" => "freight",
        "AnalysisTemplate" => "analysis-templates",
        "ProjectConfig" => "config",
        "PromotionTask" => "promotion-tasks",
        _ => null,
    };
}

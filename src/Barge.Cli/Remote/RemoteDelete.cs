using System.Text;
using System.Text.Json.Nodes;
using Barge.Cli.Delete;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Resources.Model;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge delete</c> through the API: every target is read first where the API has a route for its kind
/// (Freight by name or alias), so a missing name or a Freight in use stops the command before anything is
/// deleted, with embedded mode's messages; then one <c>DELETE /v1beta1/resources</c> names them all and the
/// server deletes them in one transaction (Projects last, each with everything in it), as embedded mode does.
/// Secrets have no read route (their values never leave the server): the delete itself finds a missing one, and
/// nothing is deleted.
/// </summary>
internal sealed class RemoteDelete(CliContext cli, BargeClient client)
{
    public async Task<int> RunAsync(IReadOnlyList<(ResourceKind Kind, string Project, string Name)> requests, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var targets = new List<(ResourceKind Kind, string Project, string Name, JsonObject Document)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Projects go last, after what is in them (as embedded mode and Kargo order them).
        foreach (var (kind, project, name) in requests.OrderBy(r => CliKinds.IsProject(r.Kind) ? 1 : 0))
        {
            if (RemoteRoutes.One(kind, project, name) is not { } path)
            {
                if (seen.Add(kind.Name + "/" + project + "/" + name))
                {
                    targets.Add((kind, project, name, Identity(kind, project, name)));
                }
                continue;
            }
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
            if (RemoteRoutes.Singleton(kind, project) is not null && stored.Key.Name != name)
            {
                problems.Add(ResourceLookup.NotFound(kind, project, name));
                continue;
            }
            if (!seen.Add(kind.Name + "/" + project + "/" + stored.Key.Name))
            {
                continue;
            }
            if (CliKinds.IsFreight(kind) && DeleteCommand.HoldingStages(stored) is { Count: > 0 } stages)
            {
                problems.Add($"Freight \"{stored.Key.Name}\" in project \"{project}\" is in use by Stage {string.Join(", ", stages.Select(s => $"\"{s}\""))}; it cannot be deleted");
                continue;
            }
            var document = Identity(kind, project, stored.Key.Name);
            if (CliKinds.IsFreight(kind))
            {
                // The server names Freight by its content (as `barge delete -f` does), not by metadata.name.
                foreach (var (field, value) in manifest.Where(p => p.Key is not ("apiVersion" or "kind" or "metadata" or "status")))
                {
                    document[field] = value?.DeepClone();
                }
            }
            targets.Add((kind, project, stored.Key.Name, document));
        }
        if (problems.Count > 0)
        {
            return NothingDeleted(problems);
        }
        var body = new StringBuilder();
        foreach (var target in targets)
        {
            body.Append("---\n").Append(target.Document.ToJsonString()).Append('\n');
        }
        var deleted = await client.SendAsync(HttpMethod.Delete, BargeClient.Api("resources"), new StringContent(body.ToString(), Encoding.UTF8, "application/yaml"), cancellationToken);
        if (deleted.Failure is { Status: 404, RefusedDocuments.Count: > 0 } missing)
        {
            // Only objects without a read route (or deleted meanwhile) get here: each refused one was not found.
            return NothingDeleted([.. missing.RefusedDocuments.Where(n => n >= 1 && n <= targets.Count)
                .Select(n => ResourceLookup.NotFound(targets[n - 1].Kind, targets[n - 1].Project, targets[n - 1].Name))]);
        }
        if (deleted.Failure is { } refused)
        {
            return RemoteReport.Fail(cli, refused);
        }
        foreach (var target in targets)
        {
            cli.Output.WriteLine(CliKinds.Display(target.Kind, target.Name) + " deleted");
        }
        return ExitCodes.Success;
    }

    private int NothingDeleted(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            cli.Fail(ExitCodes.Failed, problem);
        }
        return cli.Fail(ExitCodes.Failed, "nothing was deleted");
    }

    /// <summary>A document that names the object for <c>DELETE /resources</c>.</summary>
    private static JsonObject Identity(ResourceKind kind, string project, string name)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (kind.Namespaced)
        {
            metadata["namespace"] = project;
        }
        return new JsonObject { ["apiVersion"] = kind.ApiVersion, ["kind"] = kind.Name, ["metadata"] = metadata };
    }
}

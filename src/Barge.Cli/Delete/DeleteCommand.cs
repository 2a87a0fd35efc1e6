using System.Text.Json;
using Barge.Cli.Apply;
using Barge.Cli.Configuration;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Operations;
using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Delete;

/// <summary>
/// <c>barge delete KIND NAME…</c> or <c>barge delete -f FILE</c>: deletes in one atomic batch, so either
/// every named resource goes or none does. Deleting a Project deletes everything in it (as deleting
/// its namespace does in Kargo); Freight that a Stage currently holds cannot be deleted.
/// </summary>
internal sealed class DeleteCommand(CliContext cli) : BargeCommand<DeleteSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunAsync(DeleteSettings settings, CancellationToken cancellationToken)
    {
        var (requests, exitCode) = await RequestsAsync(settings, cancellationToken);
        if (requests is null)
        {
            return exitCode;
        }
        await using var store = await EmbeddedStore.OpenForReadAsync(Cli, cancellationToken);
        if (store is null)
        {
            return Cli.Fail(ExitCodes.Failed, $"nothing to delete: the store {Cli.Home.DatabasePath} does not exist yet");
        }
        return await DeleteAsync(store, requests, cancellationToken);
    }

    protected override async Task<int> RunRemoteAsync(DeleteSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        var (requests, exitCode) = await RequestsAsync(settings, cancellationToken);
        return requests is null ? exitCode : await new RemoteDelete(Cli, client).RunAsync(requests, cancellationToken);
    }

    /// <summary>What to delete, from KIND NAME… or from manifests; null after reporting why not.</summary>
    private async Task<(List<(ResourceKind Kind, string Project, string Name)>? Requests, int ExitCode)> RequestsAsync(DeleteSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Files.Length > 0 && settings.Kind is not null)
        {
            return (null, Cli.Fail(ExitCodes.BadInput, "give either -f FILE or KIND NAME…, not both"));
        }
        if (settings.Files.Length == 0 && (settings.Kind is null || settings.Names.Length == 0))
        {
            return (null, Cli.Fail(ExitCodes.BadInput, "give a kind and at least one name (barge delete KIND NAME…) or manifests (barge delete -f FILE)"));
        }
        var requests = new List<(ResourceKind Kind, string Project, string Name)>();
        if (settings.Files.Length > 0)
        {
            var project = settings.Project;
            if (string.IsNullOrEmpty(project))
            {
                project = CliConfig.Load(Cli.Home, out var configError).Project;
                if (configError is not null)
                {
                    return (null, Cli.Fail(ExitCodes.BadInput, configError));
                }
            }
            var read = await ManifestSources.ReadAsync(Cli, settings.Files, new ManifestReaderOptions { DefaultProject = project, Validate = false, Time = Cli.Time }, cancellationToken);
            if (!read.Succeeded)
            {
                return (null, ManifestSources.ReportProblems(Cli, read.Errors, "nothing was deleted"));
            }
            foreach (var document in read.Documents)
            {
                var kind = ResourceKinds.Of(document.Resource);
                var name = document.Resource is Freight freight ? FreightId.Compute(freight) : document.Resource.Name;
                requests.Add((kind, kind.Namespaced ? document.Resource.Project : "", name));
            }
        }
        else
        {
            if (CliKinds.Find(settings.Kind!, includeSecrets: true) is not { } kind)
            {
                return (null, Cli.Fail(ExitCodes.BadInput, $"unknown kind \"{settings.Kind}\"; supported: {CliKinds.SupportedForDelete}"));
            }
            var project = "";
            if (kind.Namespaced)
            {
                if (ResolveProject(settings, out var exitCode) is not { } resolved)
                {
                    return (null, exitCode);
                }
                project = resolved;
            }
            requests.AddRange(settings.Names.Distinct(StringComparer.Ordinal).Select(n => (kind, project, n)));
        }

        return (requests, ExitCodes.Success);
    }

    private async Task<int> DeleteAsync(IResourceStore store, List<(ResourceKind Kind, string Project, string Name)> requests, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var operations = new List<StoreOperation>();
        var projectDeletes = new List<StoreOperation>();
        var deleted = new List<string>();
        var seen = new HashSet<ResourceKey>();
        // Projects go last, after what is in them (as Kargo's delete orders them).
        foreach (var (kind, project, name) in requests.OrderBy(r => CliKinds.IsProject(r.Kind) ? 1 : 0))
        {
            var target = await ResourceLookup.FindAsync(store, kind, project, name, cancellationToken);
            if (target is null)
            {
                problems.Add(ResourceLookup.NotFound(kind, project, name));
                continue;
            }
            if (!seen.Add(target.Key))
            {
                continue;
            }
            if (CliKinds.IsFreight(kind) && HoldingStages(target) is { Count: > 0 } stages)
            {
                problems.Add($"Freight \"{target.Key.Name}\" in project \"{project}\" is in use by Stage {string.Join(", ", stages.Select(s => $"\"{s}\""))}; it cannot be deleted");
                continue;
            }
            if (CliKinds.IsProject(kind))
            {
                projectDeletes.AddRange(await ProjectContents.DeletionAsync(store, target, seen, cancellationToken));
            }
            else
            {
                operations.Add(new StoreOperation.Delete(target.Key, target.ResourceVersion));
            }
            deleted.Add(CliKinds.Display(kind, target.Key.Name));
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Cli.Fail(ExitCodes.Failed, problem);
            }
            return Cli.Fail(ExitCodes.Failed, "nothing was deleted");
        }
        try
        {
            await store.ApplyAsync([.. operations, .. projectDeletes], cancellationToken);
        }
        catch (ResourceStoreException ex)
        {
            return Cli.Fail(ExitCodes.Failed, ex.Message + "; nothing was deleted, try again");
        }
        foreach (var line in deleted)
        {
            Cli.Output.WriteLine(line + " deleted");
        }
        return ExitCodes.Success;
    }

    internal static List<string> HoldingStages(StoredResource freight) =>
        freight.Status is { ValueKind: JsonValueKind.Object } status
        && status.TryGetProperty("currentlyIn", out var currentlyIn)
        && currentlyIn.ValueKind == JsonValueKind.Object
            ? [.. currentlyIn.EnumerateObject().Select(p => p.Name)]
            : [];
}

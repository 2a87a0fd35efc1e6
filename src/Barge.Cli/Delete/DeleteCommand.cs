using System.Text.Json;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Delete;

/// <summary>
/// <c>barge delete KIND NAME…</c>: deletes in one atomic batch, so either every named resource goes or
/// none does. Deleting a Project deletes everything in it (as deleting a namespace does in Kargo);
/// Freight that a Stage currently holds cannot be deleted.
/// </summary>
internal sealed class DeleteCommand(CliContext cli) : BargeCommand<DeleteSettings>(cli)
{
    protected override async Task<int> RunAsync(DeleteSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Kind is null || settings.Names.Length == 0)
        {
            return Cli.Fail(ExitCodes.BadInput, "give a kind and at least one name: barge delete KIND NAME…");
        }
        if (CliKinds.Find(settings.Kind) is not { } kind)
        {
            return Cli.Fail(ExitCodes.BadInput, $"unknown kind \"{settings.Kind}\"; supported: {CliKinds.Supported}");
        }
        var project = "";
        if (kind.Namespaced)
        {
            if (ResolveProject(settings, out var exitCode) is not { } resolved)
            {
                return exitCode;
            }
            project = resolved;
        }
        await using var store = await EmbeddedStore.OpenForReadAsync(Cli, cancellationToken);
        if (store is null)
        {
            return Cli.Fail(ExitCodes.Failed, $"nothing to delete: the store {Cli.Home.DatabasePath} does not exist yet");
        }

        var problems = new List<string>();
        var operations = new List<StoreOperation>();
        var deleted = new List<string>();
        foreach (var name in settings.Names.Distinct(StringComparer.Ordinal))
        {
            var target = await ResourceLookup.FindAsync(store, kind, project, name, cancellationToken);
            if (target is null)
            {
                problems.Add(ResourceLookup.NotFound(kind, project, name));
                continue;
            }
            if (CliKinds.IsFreight(kind) && HoldingStages(target) is { Count: > 0 } stages)
            {
                problems.Add($"Freight \"{target.Key.Name}\" in project \"{project}\" is in use by Stage {string.Join(", ", stages.Select(s => $"\"{s}\""))}; it cannot be deleted");
                continue;
            }
            if (CliKinds.IsProject(kind))
            {
                foreach (var inner in ResourceKinds.All.Where(k => k.Namespaced).Select(k => k.Name))
                {
                    var contents = await store.ListAsync(ResourceQuery.OfKind(inner, target.Key.Name), cancellationToken);
                    operations.AddRange(contents.Items.Select(r => new StoreOperation.Delete(r.Key, r.ResourceVersion)));
                }
            }
            operations.Add(new StoreOperation.Delete(target.Key, target.ResourceVersion));
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
            await store.ApplyAsync(operations, cancellationToken);
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

    private static List<string> HoldingStages(StoredResource freight) =>
        freight.Status is { ValueKind: JsonValueKind.Object } status
        && status.TryGetProperty("currentlyIn", out var currentlyIn)
        && currentlyIn.ValueKind == JsonValueKind.Object
            ? [.. currentlyIn.EnumerateObject().Select(p => p.Name)]
            : [];
}

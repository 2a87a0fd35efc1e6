using Barge.Resources.Model;
using System.Globalization;
using System.Text.Json;
using Barge.Cli.Hosting;
using Barge.Cli.Output;
using Barge.Engine.Manifests;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Cli.Get;

/// <summary>
/// <c>barge get KIND [NAME…]</c>: a table like Kargo's, or the resources as manifests with
/// <c>-o json|yaml</c>. Missing names are reported after the ones found (exit 1), as Kargo's CLI does.
/// </summary>
internal sealed class GetCommand(CliContext cli) : BargeCommand<GetSettings>(cli)
{
    protected override async Task<int> RunAsync(GetSettings settings, CancellationToken cancellationToken)
    {
        if (CliKinds.Find(settings.Kind) is not { } kind)
        {
            return Cli.Fail(ExitCodes.BadInput, $"unknown kind \"{settings.Kind}\"; supported: {CliKinds.Supported}");
        }
        if (!OutputFormats.TryParse(settings.Output, out var format))
        {
            return Cli.Fail(ExitCodes.BadInput, $"unknown output format \"{settings.Output}\"; supported: {OutputFormats.Supported}");
        }
        if (settings.Origin is not null && !CliKinds.IsFreight(kind))
        {
            return Cli.Fail(ExitCodes.BadInput, "--origin filters freight only");
        }
        if (settings.Stage is not null && !CliKinds.IsFreight(kind) && kind.Name != "Promotion")
        {
            return Cli.Fail(ExitCodes.BadInput, "--stage filters freight (available to the Stage) and promotions (of the Stage) only");
        }
        if ((settings.Stage is not null || settings.Origin is not null) && settings.Names.Length > 0)
        {
            return Cli.Fail(ExitCodes.BadInput, "--stage and --origin filter a list; they cannot be combined with names");
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
        if (kind.Namespaced && (store is null || await store.GetAsync(ResourceKey.Cluster("Project", project), cancellationToken) is null))
        {
            return Cli.Fail(ExitCodes.Failed, $"project \"{project}\" not found");
        }

        var errors = new List<string>();
        var context = new TableContext(Cli.Time.GetUtcNow());
        IReadOnlyList<StoredResource> found;
        if (store is null)
        {
            found = [];
        }
        else if (settings.Names.Length > 0)
        {
            var byName = new List<StoredResource>();
            foreach (var name in settings.Names)
            {
                if (await ResourceLookup.FindAsync(store, kind, project, name, cancellationToken) is { } resource)
                {
                    byName.Add(resource);
                }
                else
                {
                    errors.Add(ResourceLookup.NotFound(kind, project, name));
                }
            }
            found = byName;
        }
        else if (settings.Stage is not null && CliKinds.IsFreight(kind))
        {
            var (listed, error) = await StageFreight.ListAsync(store, project, settings.Stage, settings.Origin, Cli.Time, cancellationToken);
            if (error is not null)
            {
                return Cli.Fail(ExitCodes.Failed, error);
            }
            // The wide table shows every Freight of the requested origins, with why the unavailable ones are not.
            var showAll = format == OutputFormat.Wide;
            found = [.. listed.Where(l => showAll || l.Verdict.IsAvailable).Select(l => l.Freight)];
            context = context with { Verdicts = listed.ToDictionary(l => l.Freight.Key.Name, l => l.Verdict, StringComparer.Ordinal) };
        }
        else if (settings.Stage is not null)
        {
            if (await store.GetAsync(new ResourceKey("Stage", project, settings.Stage), cancellationToken) is null)
            {
                return Cli.Fail(ExitCodes.Failed, $"Stage \"{settings.Stage}\" not found in project \"{project}\"");
            }
            var query = ResourceQuery.OfKind(kind.Name, project) with { Fields = [FieldFilter.Equal(FieldRoot.Spec, ["stage"], settings.Stage)] };
            found = (await store.ListAsync(query, cancellationToken)).Items;
        }
        else
        {
            var query = ResourceQuery.OfKind(kind.Name, project);
            if (settings.Origin is not null)
            {
                query = query with { Fields = [FieldFilter.Equal(FieldRoot.Spec, ["origin", "name"], settings.Origin)] };
            }
            found = (await store.ListAsync(query, cancellationToken)).Items;
        }

        if (CliKinds.IsFreight(kind) && settings.Names.Length == 0)
        {
            // Kargo lists Freight oldest first, by discovery time.
            found = [.. found.OrderBy(DiscoveredAt).ThenBy(f => f.Key.Name, StringComparer.Ordinal)];
        }
        if (format is OutputFormat.Json or OutputFormat.Yaml)
        {
            if (found.Count > 0 || errors.Count == 0)
            {
                ManifestPrinter.Write(Cli.Output, format, found);
            }
        }
        else
        {
            if (kind.Name == "Stage" && store is not null)
            {
                context = context with { Aliases = await FreightAliasesAsync(store, project, cancellationToken) };
            }
            var manifests = found.Select(ManifestEnvelope.ToManifest).ToList();
            ResourceTables.Build(kind, manifests, format == OutputFormat.Wide, context).WriteTo(Cli.Output, !settings.NoHeaders);
        }
        foreach (var error in errors)
        {
            Cli.Fail(ExitCodes.Failed, error);
        }
        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<Dictionary<string, string>> FreightAliasesAsync(IResourceStore store, string project, CancellationToken cancellationToken)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var freight in (await store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken)).Items)
        {
            if (freight.Labels.TryGetValue(KargoApi.AliasLabel, out var alias))
            {
                aliases[freight.Key.Name] = alias;
            }
        }
        return aliases;
    }

    private static DateTimeOffset DiscoveredAt(StoredResource freight) =>
        freight.Spec.ValueKind == JsonValueKind.Object
        && freight.Spec.TryGetProperty("discoveredAt", out var at)
        && at.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : freight.CreationTimestamp;
}

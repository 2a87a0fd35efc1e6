using System.Globalization;
using System.Text.Json;
using Barge.Cli.Hosting;
using Barge.Cli.Output;
using Barge.Cli.Remote;
using Barge.Engine.Manifests;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Cli.Get;

/// <summary>
/// <c>barge get KIND [NAME…]</c>: a table like Kargo's, or the resources as manifests with
/// <c>-o json|yaml</c>. Missing names are reported after the ones found (exit 1), as Kargo's CLI does.
/// </summary>
internal sealed class GetCommand(CliContext cli) : BargeCommand<GetSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunAsync(GetSettings settings, CancellationToken cancellationToken)
    {
        if (Validate(settings, out var exitCode) is not { } request)
        {
            return exitCode;
        }
        var (kind, format, project) = request;
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

        if (kind.Name == "Stage" && store is not null && format is not (OutputFormat.Json or OutputFormat.Yaml))
        {
            context = context with { Aliases = await FreightAliasesAsync(store, project, cancellationToken) };
        }
        return Print(settings, kind, format, found, errors, context);
    }

    protected override Task<int> RunRemoteAsync(GetSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        if (Validate(settings, out var exitCode) is not { } request)
        {
            return Task.FromResult(exitCode);
        }
        return new RemoteGet(Cli, client, this).RunAsync(settings, request.Kind, request.Format, request.Project, cancellationToken);
    }

    /// <summary>Prints what was found (the table or the manifests), then each missing name; the exit code.</summary>
    internal int Print(GetSettings settings, ResourceKind kind, OutputFormat format, IReadOnlyList<StoredResource> found, IReadOnlyList<string> errors, TableContext context)
    {
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
            var manifests = found.Select(ManifestEnvelope.ToManifest).ToList();
            ResourceTables.Build(kind, manifests, format == OutputFormat.Wide, context).WriteTo(Cli.Output, !settings.NoHeaders);
        }
        foreach (var error in errors)
        {
            Cli.Fail(ExitCodes.Failed, error);
        }
        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The checks both modes make before reading anything; null after reporting the problem.</summary>
    private (ResourceKind Kind, OutputFormat Format, string Project)? Validate(GetSettings settings, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        if (CliKinds.Find(settings.Kind) is not { } kind)
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, $"unknown kind \"{settings.Kind}\"; supported: {CliKinds.Supported}");
            return null;
        }
        if (!OutputFormats.TryParse(settings.Output, out var format))
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, $"unknown output format \"{settings.Output}\"; supported: {OutputFormats.Supported}");
            return null;
        }
        string? problem = null;
        if (settings.Origin is not null && !CliKinds.IsFreight(kind))
        {
            problem = "--origin filters freight only";
        }
        else if (settings.Stage is not null && !CliKinds.IsFreight(kind) && kind.Name != "Promotion")
        {
            problem = "--stage filters freight (available to the Stage) and promotions (of the Stage) only";
        }
        else if ((settings.Stage is not null || settings.Origin is not null) && settings.Names.Length > 0)
        {
            problem = "--stage and --origin filter a list; they cannot be combined with names";
        }
        if (problem is not null)
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, problem);
            return null;
        }
        var project = "";
        if (kind.Namespaced)
        {
            if (ResolveProject(settings, out exitCode) is not { } resolved)
            {
                return null;
            }
            project = resolved;
        }
        return (kind, format, project);
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

    internal static DateTimeOffset DiscoveredAt(StoredResource freight) =>
        freight.Spec.ValueKind == JsonValueKind.Object
        && freight.Spec.TryGetProperty("discoveredAt", out var at)
        && at.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : freight.CreationTimestamp;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Cli.Output;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge get</c> through the API: the same reads as embedded mode (by name, Freight by name or
/// alias, <c>--stage</c>, <c>--origin</c>), printed by <see cref="GetCommand.Print"/>, so tables and
/// manifests are the same text. Kinds the API has no route for fail naming the kind.
/// </summary>
internal sealed class RemoteGet(CliContext cli, BargeClient client, GetCommand printer)
{
    /// <summary>How the API writes availability verdicts: camelCase, enums by name.</summary>
    private static readonly JsonSerializerOptions VerdictJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<int> RunAsync(GetSettings settings, ResourceKind kind, OutputFormat format, string project, CancellationToken cancellationToken)
    {
        var singleton = RemoteRoutes.Singleton(kind, project);
        var collection = RemoteRoutes.Collection(kind, project);
        if (singleton is null && collection is null)
        {
            return cli.Fail(ExitCodes.BadInput, $"`get {kind.Plural}` is not supported in remote mode yet: the API has no read route for {kind.Plural}");
        }
        if (kind.Namespaced)
        {
            var exists = await client.GetAsync(BargeClient.Api("projects", project), cancellationToken);
            if (exists.Failure is { } failure)
            {
                return failure.Status == 404 ? cli.Fail(ExitCodes.Failed, $"project \"{project}\" not found") : RemoteReport.Fail(cli, failure);
            }
        }
        var errors = new List<string>();
        var context = new TableContext(cli.Time.GetUtcNow());
        List<StoredResource> found;
        if (singleton is not null)
        {
            // ProjectConfig and ClusterConfig: at most one, read from its own route.
            var one = await client.GetAsync(singleton, cancellationToken);
            if (one.Failure is { Status: not 404 } failure)
            {
                return RemoteReport.Fail(cli, failure);
            }
            found = one.Value is JsonObject manifest ? [RemoteManifests.ToStored(manifest)] : [];
            if (settings.Names.Length > 0)
            {
                errors.AddRange(settings.Names.Where(n => !found.Any(f => f.Key.Name == n)).Select(n => ResourceLookup.NotFound(kind, project, n)));
                found = [.. found.Where(f => settings.Names.Contains(f.Key.Name, StringComparer.Ordinal))];
            }
        }
        else if (settings.Names.Length > 0)
        {
            found = [];
            foreach (var name in settings.Names)
            {
                var one = await client.GetAsync(RemoteRoutes.Path(collection!, name), cancellationToken);
                if (one.Failure is { Status: 404 })
                {
                    errors.Add(ResourceLookup.NotFound(kind, project, name));
                }
                else if (one.Failure is { } failure)
                {
                    return RemoteReport.Fail(cli, failure);
                }
                else if (one.Value is JsonObject manifest)
                {
                    found.Add(RemoteManifests.ToStored(manifest));
                }
            }
        }
        else
        {
            if (settings.Stage is not null && CliKinds.IsFreight(kind))
            {
                return await StageFreightAsync(settings, kind, format, project, errors, context, cancellationToken);
            }
            if (settings.Stage is not null)
            {
                var stage = await client.GetAsync(BargeClient.Api("projects", project, "stages", settings.Stage), cancellationToken);
                if (stage.Failure is { } failure)
                {
                    return failure.Status == 404 ? cli.Fail(ExitCodes.Failed, $"Stage \"{settings.Stage}\" not found in project \"{project}\"") : RemoteReport.Fail(cli, failure);
                }
                var requested = (stage.Value?["spec"]?["requestedFreight"] as JsonArray ?? []).Select(r => r?["origin"]?["name"]).OfType<JsonValue>()
                    .Select(n => n.TryGetValue<string>(out var origin) ? origin : null);
                if (settings.Origin is not null && !requested.Contains(settings.Origin, StringComparer.Ordinal))
                {
                    return cli.Fail(ExitCodes.Failed, $"Stage \"{settings.Stage}\" in project \"{project}\" does not request Freight from Warehouse \"{settings.Origin}\"");
                }
            }
            var query = new List<string>();
            if (settings.Stage is not null)
            {
                query.Add("stage=" + Uri.EscapeDataString(settings.Stage));
            }
            if (settings.Origin is not null)
            {
                query.Add("origins=" + Uri.EscapeDataString(settings.Origin));
            }
            var path = RemoteRoutes.Path(collection!) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            var list = await client.GetAsync(path, cancellationToken);
            if (list.Failure is { } failure2)
            {
                return RemoteReport.Fail(cli, failure2);
            }
            found = RemoteManifests.Items(list.Value);
        }
        if (kind.Name == "Stage" && format is not (OutputFormat.Json or OutputFormat.Yaml))
        {
            var freight = await client.GetAsync(BargeClient.Api("projects", project, "freight"), cancellationToken);
            if (freight.Failure is { } failure)
            {
                return RemoteReport.Fail(cli, failure);
            }
            context = context with
            {
                Aliases = RemoteManifests.Items(freight.Value)
                    .Where(f => f.Labels.ContainsKey(KargoApi.AliasLabel))
                    .ToDictionary(f => f.Key.Name, f => f.Labels[KargoApi.AliasLabel], StringComparer.Ordinal),
            };
        }
        return printer.Print(settings, kind, format, found, errors, context);
    }

    /// <summary>
    /// <c>get freight --stage S</c>: the API's <c>?stage=S&amp;availability=all</c> query (Barge extension) gives every
    /// Freight of the origins the Stage requests with the engine's verdict, as embedded mode reads them; the
    /// table shows the available ones, the wide table all of them with why not.
    /// </summary>
    private async Task<int> StageFreightAsync(GetSettings settings, ResourceKind kind, OutputFormat format, string project, List<string> errors, TableContext context, CancellationToken cancellationToken)
    {
        var path = BargeClient.Api("projects", project, "freight") + "?stage=" + Uri.EscapeDataString(settings.Stage!) + "&availability=all"
            + (settings.Origin is null ? "" : "&origins=" + Uri.EscapeDataString(settings.Origin));
        var answer = await client.GetAsync(path, cancellationToken);
        if (answer.Failure is { Status: 400 or 404 } refusal)
        {
            return cli.Fail(ExitCodes.Failed, refusal.Message);
        }
        if (answer.Failure is { } failure)
        {
            return RemoteReport.Fail(cli, failure);
        }
        var verdicts = answer.Value?["availability"]?.Deserialize<Dictionary<string, AvailabilityVerdict>>(VerdictJson) ?? [];
        var listed = RemoteManifests.Items(answer.Value);
        if (listed.FirstOrDefault(f => !verdicts.ContainsKey(f.Key.Name)) is { } unjudged)
        {
            return cli.Fail(ExitCodes.Failed, $"the server at {ServerUrl.Format(client.Server)} gave no availability for Freight \"{unjudged.Key.Name}\"");
        }
        // The wide table shows every Freight of the requested origins, with why the unavailable ones are not.
        var found = format == OutputFormat.Wide ? listed : [.. listed.Where(f => verdicts[f.Key.Name].IsAvailable)];
        return printer.Print(settings, kind, format, found, errors, context with { Verdicts = verdicts });
    }
}

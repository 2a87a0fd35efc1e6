using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Storage;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>set-metadata</c>: upserts keys into <c>status.metadata</c> of Stages or Freight of the
/// Promotion's project, in order (earlier updates stay applied when a later one fails).
/// </summary>
internal sealed class SetMetadataStep : IPromotionStep
{
    private const int MaxAttempts = 5;

    public string Kind => "set-metadata";

    private sealed record Update(string Kind, string Name, JsonObject Values);

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var updates = Bind(errors, config);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (context.Store is not { } store)
        {
            return StepResult.Errored("set-metadata needs the store: it runs only inside a stored Promotion", terminal: true);
        }
        foreach (var update in updates)
        {
            if (update.Values.Any(p => p.Key.Length == 0))
            {
                return StepResult.Errored($"error updating metadata for {update.Kind} \"{update.Name}\" in namespace \"{context.Project}\": key must not be empty");
            }
            var failure = await ApplyAsync(store, context.Project, update, cancellationToken);
            if (failure is not null)
            {
                return StepResult.Errored(failure);
            }
        }
        return StepResult.Succeeded();
    }

    private static async Task<string?> ApplyAsync(IResourceStore store, string project, Update update, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(update.Kind, project, update.Name);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken);
            if (stored is null)
            {
                return $"error getting {update.Kind}: {update.Kind} \"{update.Name}\" not found in namespace \"{project}\"";
            }
            var status = stored.Status is { ValueKind: JsonValueKind.Object } s ? JsonNode.Parse(s.GetRawText())!.AsObject() : [];
            if (status["metadata"] is not JsonObject metadata)
            {
                metadata = [];
                status["metadata"] = metadata;
            }
            foreach (var (name, value) in update.Values)
            {
                metadata[name] = value?.DeepClone();
            }
            try
            {
                await store.UpdateStatusAsync(key, stored.ResourceVersion, JsonSerializer.SerializeToElement(status), cancellationToken);
                return null;
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // Another writer changed the resource between read and write; read it again.
            }
            catch (ResourceStoreException ex)
            {
                return $"error patching status of {update.Kind} \"{update.Name}\" in namespace \"{project}\": {ex.Message}";
            }
        }
    }

    private static List<Update> Bind(StepConfigErrors errors, JsonObject config)
    {
        var root = errors.Root(config);
        root.AllowOnly("updates");
        root.Require("updates");
        var result = new List<Update>();
        foreach (var item in root.ObjectArray("updates", minItems: 1) ?? [])
        {
            item.AllowOnly("kind", "name", "values");
            item.Require("kind", "name", "values");
            var kind = item.String("kind");
            if (kind is not null && kind is not ("Stage" or "Freight"))
            {
                errors.Add(item.Field("kind"), item.Field("kind") + " must be one of the following: \"Stage\", \"Freight\"");
            }
            var name = item.String("name", minLength: 1);
            JsonObject? values = null;
            if (item.Json.TryGetPropertyValue("values", out var node))
            {
                if (node is JsonObject obj)
                {
                    values = obj;
                    if (obj.Count == 0)
                    {
                        errors.Add(item.Field("values"), "Must have at least 1 properties");
                    }
                }
                else
                {
                    errors.Add(item.Field("values"), "Invalid type. Expected: object, given: " + ConfigObject.TypeName(node));
                }
            }
            if (kind is not null && name is not null && values is not null)
            {
                result.Add(new Update(kind, name, values));
            }
        }
        return result;
    }
}

using System.Text.Json;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Engine.Operations;

/// <summary>The reads every operation starts with: a Stage by name, a Freight by name or alias, typed.</summary>
internal static class OperationReads
{
    /// <summary>How often a compare-and-swap write is retried when a reconciler wrote in between.</summary>
    public const int WriteAttempts = 5;

    public static async Task<(StoredResource Stored, Stage Stage)?> GetStageAsync(IResourceStore store, string project, string stage, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(new ResourceKey("Stage", project, stage), cancellationToken);
        return stored is null ? null : (stored, StoredResources.ToTyped<Stage>(stored));
    }

    /// <summary>
    /// The Freight named <paramref name="nameOrAlias"/>, else the one with that alias. Null with a message
    /// when none matches, or when an alias is carried by more than one (which validation should prevent).
    /// </summary>
    public static async Task<FreightLookup> FindFreightAsync(IResourceStore store, string project, string nameOrAlias, CancellationToken cancellationToken)
    {
        var byName = await store.GetAsync(new ResourceKey("Freight", project, nameOrAlias), cancellationToken);
        if (byName is not null)
        {
            return new FreightLookup(byName, StoredResources.ToTyped<Freight>(byName), OperationFailure.None, "");
        }
        var query = ResourceQuery.OfKind("Freight", project) with
        {
            Labels = Barge.Storage.Selection.LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { [KargoApi.AliasLabel] = nameOrAlias }),
        };
        var matches = (await store.ListAsync(query, cancellationToken)).Items;
        return matches.Count switch
        {
            0 => new FreightLookup(null, null, OperationFailure.NotFound, $"Freight with name or alias \"{nameOrAlias}\" not found in project \"{project}\""),
            1 => new FreightLookup(matches[0], StoredResources.ToTyped<Freight>(matches[0]), OperationFailure.None, ""),
            _ => new FreightLookup(null, null, OperationFailure.BadInput,
                $"alias \"{nameOrAlias}\" is ambiguous in project \"{project}\": it is carried by Freight {string.Join(", ", matches.Select(m => $"\"{m.Key.Name}\""))}"),
        };
    }

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(value));

    /// <summary>The first problem with the common arguments, or null when they are all given.</summary>
    public static string? MissingArgument(params (string Name, string? Value)[] arguments) =>
        arguments.FirstOrDefault(a => string.IsNullOrWhiteSpace(a.Value)) is { Name: { } name } ? $"{name} must not be empty" : null;
}

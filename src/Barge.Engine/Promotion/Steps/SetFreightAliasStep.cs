using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>set-freight-alias</c>: gives a Freight of the project a new alias (field <c>alias</c> and label
/// <c>kargo.akuity.io/alias</c>); an alias another Freight holds is refused, as Kargo's webhook does.
/// Every failure is terminal.
/// </summary>
internal sealed class SetFreightAliasStep : IPromotionStep
{
    public string Kind => "set-freight-alias";

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var root = errors.Root(config);
        root.AllowOnly("name", "alias");
        root.Require("name", "alias");
        var name = root.String("name", minLength: 1);
        var alias = root.String("alias", minLength: 1);
        if (errors.Any || name is null || alias is null)
        {
            return errors.ToResult();
        }
        if (context.Store is not { } store)
        {
            return StepResult.Failed("set-freight-alias needs the store: it runs only inside a stored Promotion");
        }
        var project = context.Project;
        StoredResource? freight;
        try
        {
            freight = await store.GetAsync(new ResourceKey("Freight", project, name), cancellationToken);
        }
        catch (ResourceStoreException ex)
        {
            return StepResult.Failed($"failed to fetch Freight \"{name}\" in project \"{project}\": {ex.Message}");
        }
        if (freight is null)
        {
            return StepResult.Failed($"freight \"{name}\" not found in project \"{project}\"");
        }
        var old = freight.Labels.GetValueOrDefault(KargoApi.AliasLabel, "");
        var holders = await store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken);
        var holder = holders.Items.FirstOrDefault(f => f.Key.Name != name && f.Labels.GetValueOrDefault(KargoApi.AliasLabel) == alias);
        if (holder is not null)
        {
            return StepResult.Failed($"failed to patch alias for Freight \"{name}\" in project \"{project}\": alias \"{alias}\" is already used by Freight \"{holder.Key.Name}\"");
        }
        var spec = JsonNode.Parse(freight.Spec.GetRawText())!.AsObject();
        spec["alias"] = alias;
        var labels = new Dictionary<string, string>(freight.Labels, StringComparer.Ordinal) { [KargoApi.AliasLabel] = alias };
        try
        {
            await store.UpdateAsync(ResourceUpdate.From(freight, JsonSerializer.SerializeToElement(spec)) with { Labels = labels }, cancellationToken);
        }
        catch (ResourceStoreException ex)
        {
            return StepResult.Failed($"failed to patch alias for Freight \"{name}\" in project \"{project}\": {ex.Message}");
        }
        return StepResult.Succeeded(message: $"updated alias of Freight \"{name}\" from \"{old}\" to \"{alias}\"");
    }
}

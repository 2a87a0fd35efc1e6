using System.Globalization;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// What one promotion stores, through the store calls the engine makes: the Promotion create, a
/// "PromotionCreated" event (<see cref="IResourceStore.AppendEventAsync"/>), the Running status, then
/// one <see cref="IResourceStore.ApplyAsync(IReadOnlyList{StoreOperation}, IReadOnlyList{EventEntry}, CancellationToken)"/>
/// with the Promotion's Succeeded status, the Stage's and the Freight's status and the audit event.
/// The Freight already exists (discovery stored it), so nothing here is discovery's.
/// </summary>
internal static class PromotionWriteSet
{
    /// <summary>Promotes Freight number <paramref name="i"/> (mod 9,000) of "grommet" to <paramref name="stage"/>; returns the Stage after.</summary>
    public static async Task<StoredResource> WriteAsync(IResourceStore store, StoredResource stage, int i)
    {
        var project = stage.Key.Project;
        var freightKey = FreightDocuments.Create(project, i % ScaleData.FreightPerProject).Key;
        var freight = await store.GetAsync(freightKey)
            ?? throw new InvalidOperationException($"Freight {project}/{freightKey.Name} is not stored: load the scale data first");
        var promotionKey = new ResourceKey("Promotion", project, stage.Key.Name + "." + i.ToString("D6", CultureInfo.InvariantCulture));
        var promotion = await store.CreateAsync(new NewResource(promotionKey, "kargo.akuity.io/v1alpha1",
            ScaleData.Json($$"""{"stage":"{{stage.Key.Name}}","freight":"{{freight.Key.Name}}","steps":[{"uses":"git-clone"},{"uses":"yaml-update"},{"uses":"git-commit"},{"uses":"git-push"}]}"""))
        {
            Labels = new Dictionary<string, string> { ["kargo.akuity.io/stage"] = stage.Key.Name },
        });
        await store.AppendEventAsync(new EventEntry(promotionKey, "PromotionCreated", $"Promotion created for Stage {stage.Key.Name} by admin")
        {
            Actor = "admin",
            Data = ScaleData.Json($$"""{"freight":"{{freight.Key.Name}}","stage":"{{stage.Key.Name}}"}"""),
        });
        promotion = await store.UpdateStatusAsync(promotion.Key, promotion.ResourceVersion, ScaleData.Json("""{"phase":"Running","currentStep":2}"""));
        var results = await store.ApplyAsync(
            [
                new StoreOperation.UpdateStatus(promotion.Key, promotion.ResourceVersion,
                    ScaleData.Json($$"""{"phase":"Succeeded","freight":{"name":"{{freight.Key.Name}}"},"stepExecutionMetadata":[{"alias":"step-1","status":"Succeeded"},{"alias":"step-2","status":"Succeeded"},{"alias":"step-3","status":"Succeeded"},{"alias":"step-4","status":"Succeeded"}]}""")),
                new StoreOperation.UpdateStatus(stage.Key, stage.ResourceVersion,
                    ScaleData.Json("{\"phase\":\"Steady\",\"freightHistory\":[{\"items\":{\"w0\":{\"name\":\"" + freight.Key.Name + "\"}}}],\"lastPromotion\":{\"name\":\"" + promotionKey.Name + "\"}}")),
                new StoreOperation.UpdateStatus(freight.Key, freight.ResourceVersion,
                    ScaleData.Json("{\"currentlyIn\":{\"" + stage.Key.Name + "\":{}}}")),
            ],
            [new EventEntry(promotionKey, "PromotionSucceeded", $"promoted Freight {freight.Key.Name} to Stage {stage.Key.Name}")
            {
                Actor = "controller",
                Data = ScaleData.Json($$"""{"freight":"{{freight.Key.Name}}","origin":"w0","stage":"{{stage.Key.Name}}"}"""),
            }]);
        return results[1];
    }
}

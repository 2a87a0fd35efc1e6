using System.Globalization;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// The 100,000 resources of the store-at-scale figures: 10 projects ("grommet", "project1".."project9"),
/// each with 9,000 Freight (alias and warehouse labels, origin in spec), 500 Stages (label
/// <c>barge.dev/shard</c>, 50 values) and 500 Warehouses (label <c>barge.dev/team</c>, 25 values).
/// </summary>
internal static class ScaleData
{
    public const int Projects = 10;
    public const int FreightPerProject = 9_000;
    public const int StagesPerProject = 500;
    public const int WarehousesPerProject = 500;

    public static int Total => Projects * (FreightPerProject + StagesPerProject + WarehousesPerProject);

    public static string Project(int index) => index == 0 ? "grommet" : "project" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores the resources, one transaction per project.</summary>
    public static async Task LoadAsync(IResourceStore store)
    {
        for (var p = 0; p < Projects; p++)
        {
            var project = Project(p);
            var operations = new List<StoreOperation>(FreightPerProject + StagesPerProject + WarehousesPerProject);
            operations.AddRange(Enumerable.Range(0, FreightPerProject).Select(i => new StoreOperation.Create(FreightDocuments.Create(project, i))));
            operations.AddRange(Enumerable.Range(0, StagesPerProject).Select(i => new StoreOperation.Create(Stage(project, i))));
            operations.AddRange(Enumerable.Range(0, WarehousesPerProject).Select(i => new StoreOperation.Create(Warehouse(project, i))));
            await store.ApplyAsync(operations);
        }
    }

    public static ResourceKey StageKey(string project, int index) =>
        new("Stage", project, "stage-" + index.ToString(CultureInfo.InvariantCulture));

    private static NewResource Stage(string project, int index) =>
        new(StageKey(project, index), "kargo.akuity.io/v1alpha1",
            Json($$$$"""{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"w{{{{index % 10}}}}"},"sources":{"direct":true}}],"promotionTemplate":{"spec":{"steps":[{"uses":"git-clone"},{"uses":"yaml-update"},{"uses":"git-commit"},{"uses":"git-push"}]}}}"""))
        {
            Labels = new Dictionary<string, string> { ["barge.dev/shard"] = "s" + (index % 50).ToString(CultureInfo.InvariantCulture) },
        };

    private static NewResource Warehouse(string project, int index) =>
        new(new ResourceKey("Warehouse", project, "w" + index.ToString(CultureInfo.InvariantCulture)), "kargo.akuity.io/v1alpha1",
            Json($$$"""{"interval":"5m","subscriptions":[{"image":{"repoURL":"registry.example.com/app{{{index}}}","imageSelectionStrategy":"SemVer"}}]}"""))
        {
            Labels = new Dictionary<string, string> { ["barge.dev/team"] = "t" + (index % 25).ToString(CultureInfo.InvariantCulture) },
        };

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

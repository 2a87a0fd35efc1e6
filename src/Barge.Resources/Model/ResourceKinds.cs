using System.Collections.Frozen;

namespace Barge.Resources.Model;

/// <summary>The kinds Barge accepts, by name.</summary>
public static class ResourceKinds
{
    /// <summary>Every supported kind, in the order documents of a batch are best applied.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        new("Project", KargoApi.Version, typeof(Project), false, "projects", ["project"]),
        new("ClusterConfig", KargoApi.Version, typeof(ClusterConfig), false, "clusterconfigs", ["clusterconfig"]),
        new("ClusterPromotionTask", KargoApi.Version, typeof(ClusterPromotionTask), false, "clusterpromotiontasks", ["clusterpromotiontask", "clusterpromotask", "clusterpromotasks"]),
        new("ProjectConfig", KargoApi.Version, typeof(ProjectConfig), true, "projectconfigs", ["projectconfig"]),
        new("Secret", KargoApi.CoreVersion, typeof(Secret), true, "secrets", ["secret"]),
        new("ConfigMap", KargoApi.CoreVersion, typeof(ConfigMap), true, "configmaps", ["configmap", "cm"]),
        new("Warehouse", KargoApi.Version, typeof(Warehouse), true, "warehouses", ["warehouse"]),
        new("PromotionTask", KargoApi.Version, typeof(PromotionTask), true, "promotiontasks", ["promotiontask", "promotask", "promotasks"]),
        new("ClusterAnalysisTemplate", ArgoApi.Version, typeof(ClusterAnalysisTemplate), false, "clusteranalysistemplates", ["clusteranalysistemplate", "cat"]),
        new("AnalysisTemplate", ArgoApi.Version, typeof(AnalysisTemplate), true, "analysistemplates", ["analysistemplate", "at"]),
        new("Stage", KargoApi.Version, typeof(Stage), true, "stages", ["stage"]),
        new("Freight", KargoApi.Version, typeof(Freight), true, "freight", ["freights"]),
        new("Promotion", KargoApi.Version, typeof(Promotion), true, "promotions", ["promotion", "promo", "promos"]),
    ];

    private static readonly FrozenDictionary<string, ResourceKind> ByName =
        All.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ResourceKind> ByCliName =
        All.SelectMany(k => new[] { k.Name.ToLowerInvariant(), k.Plural }.Concat(k.ShortNames).Distinct().Select(n => (n, k)))
            .ToFrozenDictionary(p => p.n, p => p.k, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind with this exact name (e.g. <c>Warehouse</c>), or null.</summary>
    public static ResourceKind? Find(string kind) => ByName.GetValueOrDefault(kind);

    /// <summary>The kind for a CLI/REST name: singular, plural or short name, case-insensitive (e.g. <c>stages</c>, <c>promo</c>).</summary>
    public static ResourceKind? FindByCliName(string name) => ByCliName.GetValueOrDefault(name);

    /// <summary>The kind of a model object.</summary>
    public static ResourceKind Of(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Find(resource.Kind) ?? throw new ArgumentException($"kind \"{resource.Kind}\" is not a Barge kind", nameof(resource));
    }
}

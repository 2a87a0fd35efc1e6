namespace Barge.Cli.Get;

/// <summary>The kinds <c>get</c> and <c>delete</c> accept, with the names and short names of Kargo's CLI.</summary>
internal static class ResourceKinds
{
    private const string Kargo = "kargo.akuity.io/v1alpha1";

    public static readonly ResourceKind Project = new("Project", Kargo, "projects", false, ["project"]);
    public static readonly ResourceKind ProjectConfig = new("ProjectConfig", Kargo, "projectconfigs", true, ["projectconfig"]);
    public static readonly ResourceKind Warehouse = new("Warehouse", Kargo, "warehouses", true, ["warehouse"]);
    public static readonly ResourceKind Freight = new("Freight", Kargo, "freight", true, ["freights"]);
    public static readonly ResourceKind Stage = new("Stage", Kargo, "stages", true, ["stage"]);
    public static readonly ResourceKind Promotion = new("Promotion", Kargo, "promotions", true, ["promotion", "promo", "promos"]);
    public static readonly ResourceKind PromotionTask = new("PromotionTask", Kargo, "promotiontasks", true, ["promotiontask", "promotask", "promotasks"]);
    public static readonly ResourceKind ClusterPromotionTask = new("ClusterPromotionTask", Kargo, "clusterpromotiontasks", false, ["clusterpromotiontask", "clusterpromotask", "clusterpromotasks"]);
    public static readonly ResourceKind ConfigMap = new("ConfigMap", "v1", "configmaps", true, ["configmap", "cm"]);

    public static IReadOnlyList<ResourceKind> All { get; } =
        [Project, ProjectConfig, Warehouse, Freight, Stage, Promotion, PromotionTask, ClusterPromotionTask, ConfigMap];

    public static string Supported => string.Join(", ", All.Select(k => k.Plural));

    public static ResourceKind? Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return All.FirstOrDefault(k => k.Matches(word));
    }
}

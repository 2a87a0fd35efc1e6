using Barge.Resources.Model;

namespace Barge.Cli.Remote;

/// <summary>Where the API reads each kind: a collection with one route per object, or a singleton route.</summary>
internal static class RemoteRoutes
{
    /// <summary>The API's collection of the kind (its path segments); null when it has none.</summary>
    public static string[]? Collection(ResourceKind kind, string project) => kind.Name switch
    {
        "Project" => ["projects"],
        "ClusterAnalysisTemplate" => ["shared", "cluster-analysis-templates"],
        "ClusterPromotionTask" => ["shared", "cluster-promotion-tasks"],
        "Stage" => ["projects", project, "stages"],
        "Warehouse" => ["projects", project, "warehouses"],
        "Freight" => ["projects", project, "freight"],
        "Promotion" => ["projects", project, "promotions"],
        "PromotionTask" => ["projects", project, "promotion-tasks"],
        "AnalysisTemplate" => ["projects", project, "analysis-templates"],
        "ConfigMap" => ["projects", project, "configmaps"],
        _ => null,
    };

    /// <summary>The route of a kind with one object per project (or per server); null for the others.</summary>
    public static string? Singleton(ResourceKind kind, string project) => kind.Name switch
    {
        "ProjectConfig" => BargeClient.Api("projects", project, "config"),
        "ClusterConfig" => BargeClient.Api("system", "cluster-config"),
        _ => null,
    };

    /// <summary>The collection's path, or one object's in it.</summary>
    public static string Path(string[] collection, string? name = null) =>
        BargeClient.Api(name is null ? collection : [.. collection, name]);

    /// <summary>Where one object is read: its route in the collection, or the singleton's; null when the API has no read route.</summary>
    public static string? One(ResourceKind kind, string project, string name) =>
        Singleton(kind, project) ?? (Collection(kind, project) is { } collection ? Path(collection, name) : null);
}

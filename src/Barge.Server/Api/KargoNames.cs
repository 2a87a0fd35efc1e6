using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>Kargo's (Kubernetes') names for kinds in messages: <c>stages.kargo.akuity.io "qa" not found</c>.</summary>
internal static class KargoNames
{
    public static string Plural(string kind) => kind switch
    {
        "Freight" => "freights.kargo.akuity.io",
        "Secret" => "secrets",
        "ConfigMap" => "configmaps",
        _ => kind.ToLowerInvariant() + "s.kargo.akuity.io",
    };

    public static string NotFound(ResourceKey key) => $"{Plural(key.Kind)} \"{key.Name}\" not found";
}

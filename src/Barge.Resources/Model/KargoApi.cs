namespace Barge.Resources.Model;

/// <summary>API group constants shared by the Kargo kinds.</summary>
public static class KargoApi
{
    /// <summary>The API group of Kargo's kinds.</summary>
    public const string Group = "kargo.akuity.io";

    /// <summary>The apiVersion of Kargo's kinds.</summary>
    public const string Version = "kargo.akuity.io/v1alpha1";

    /// <summary>The apiVersion of Kubernetes core kinds (Secret, ConfigMap).</summary>
    public const string CoreVersion = "v1";

    /// <summary>Label that mirrors a Freight's alias.</summary>
    public const string AliasLabel = "kargo.akuity.io/alias";

    /// <summary>Label that mirrors a Warehouse's or Stage's shard.</summary>
    public const string ShardLabel = "kargo.akuity.io/shard";
}

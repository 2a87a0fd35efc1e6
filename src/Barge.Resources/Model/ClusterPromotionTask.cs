namespace Barge.Resources.Model;

/// <summary>A cluster-wide PromotionTask, usable from every project.</summary>
public sealed record ClusterPromotionTask : Resource
{
    public ClusterPromotionTask()
    {
        ApiVersion = KargoApi.Version;
        Kind = "ClusterPromotionTask";
    }

    /// <summary>The task's variables and steps.</summary>
    public PromotionTaskSpec? Spec { get; init; }
}

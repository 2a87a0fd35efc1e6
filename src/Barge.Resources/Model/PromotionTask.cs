namespace Barge.Resources.Model;

/// <summary>A reusable list of steps, referenced from promotion templates by name, in one project.</summary>
public sealed record PromotionTask : Resource
{
    public PromotionTask()
    {
        ApiVersion = KargoApi.Version;
        Kind = "PromotionTask";
    }

    /// <summary>The task's variables and steps.</summary>
    public PromotionTaskSpec? Spec { get; init; }
}

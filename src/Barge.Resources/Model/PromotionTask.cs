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

/// <summary>Variables and steps of a (Cluster)PromotionTask.</summary>
public sealed record PromotionTaskSpec
{
    /// <summary>Task variables; a variable with an empty value is required from the caller.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The steps; at least one, each with <c>uses</c> (tasks do not nest).</summary>
    public List<PromotionStep>? Steps { get; init; }
}

namespace Barge.Engine.Pipeline;

/// <summary>The Kargo annotation keys and actor strings the pipeline rules read and write (kargo-spec.md §7.6).</summary>
public static class PipelineAnnotations
{
    /// <summary>On a Stage: re-run verification of the named verification (ID or JSON request).</summary>
    public const string Reverify = "kargo.akuity.io/reverify";

    /// <summary>On a Stage: abort the named verification; on a Promotion: abort the Promotion.</summary>
    public const string Abort = "kargo.akuity.io/abort";

    /// <summary>On a Promotion: who asked for it.</summary>
    public const string CreateActor = "kargo.akuity.io/create-actor";

    /// <summary>On a Promotion: the person promoted a non-candidate, so auto-promotion of that origin holds.</summary>
    public const string AutoPromotionHold = "kargo.akuity.io/auto-promotion-hold";

    /// <summary>On a Promotion: the person promoted the candidate, so a hold on that origin is lifted.</summary>
    public const string AutoPromotionResume = "kargo.akuity.io/auto-promotion-resume";

    /// <summary>The prefix of actors that are controllers rather than people.</summary>
    public const string ControllerActorPrefix = "controller:";

    /// <summary>The actor Kargo's Stage controller records for the Promotions it creates.</summary>
    public const string StageControllerActor = "controller:stage-controller";
}

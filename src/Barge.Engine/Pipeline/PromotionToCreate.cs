using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>A Promotion auto-promotion wants created: the minimal one Kargo creates, the rest is defaulted on create.</summary>
/// <param name="Project">The Stage's project.</param>
/// <param name="Stage">The target Stage.</param>
/// <param name="Freight">The candidate Freight's name.</param>
/// <param name="Origin">Where the Freight came from.</param>
/// <param name="Actor">Who creates it, for events and history: <see cref="PipelineAnnotations.StageControllerActor"/>.</param>
public sealed record PromotionToCreate(string Project, string Stage, string Freight, FreightOrigin Origin, string Actor)
{
    /// <summary>
    /// The minimal Promotion (namespace, <c>spec.stage</c>, <c>spec.freight</c>); the name and steps are
    /// filled in by whoever creates it, as Kargo's defaulting webhook does. Like Kargo's, it carries no
    /// create-actor, which is what marks it as the controller's and so free of hold intent.
    /// </summary>
    public Promotion ToPromotion() => new()
    {
        Metadata = new ObjectMeta { Namespace = Project },
        Spec = new PromotionSpec { Stage = Stage, Freight = Freight },
    };
}

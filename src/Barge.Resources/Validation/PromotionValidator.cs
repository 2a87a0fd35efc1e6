using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>Promotion rules: the CRD schema and Kargo's Promotion webhook.</summary>
internal static class PromotionValidator
{
    public static void Validate(Promotion promotion, Problems problems)
    {
        if (!problems.Required("spec", promotion.Spec))
        {
            return;
        }
        var spec = promotion.Spec!;
        problems.Required("spec.stage", spec.Stage);
        var hasFreight = !string.IsNullOrEmpty(spec.Freight);
        if (hasFreight == (spec.Origin is not null))
        {
            problems.Add("spec", hasFreight ? "exactly one of freight or origin must be set, not both" : "exactly one of freight or origin must be set");
        }
        if (spec.Origin is not null)
        {
            problems.OriginKind("spec.origin.kind", spec.Origin.Kind);
            problems.Required("spec.origin.name", spec.Origin.Name);
        }
        if (!string.IsNullOrEmpty(spec.Target))
        {
            problems.Add("spec.target", "not supported: Targets are a Kargo Enterprise feature that Barge does not implement");
        }
        StepsValidator.Vars("spec.vars", spec.Vars, problems);
        StepsValidator.Validate("spec.steps", spec.Steps, StepsValidator.Place.Promotion, problems);
    }
}

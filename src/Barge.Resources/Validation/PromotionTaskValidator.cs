using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>PromotionTask and ClusterPromotionTask rules: steps need <c>uses</c>; tasks do not nest.</summary>
internal static class PromotionTaskValidator
{
    public static void Validate(PromotionTaskSpec? spec, Problems problems)
    {
        if (!problems.Required("spec", spec))
        {
            return;
        }
        StepsValidator.Vars("spec.vars", spec!.Vars, problems);
        StepsValidator.Validate("spec.steps", spec.Steps, StepsValidator.Place.Task, problems);
    }
}

using Barge.Resources.Model;
using Barge.Storage.Selection;
using StoreSelector = Barge.Storage.Selection.LabelSelector;

namespace Barge.Engine.Pipeline;

/// <summary>
/// The ProjectConfig policy lookup of kargo-spec.md §1.2: the first policy whose <c>stageSelector</c>
/// (or deprecated <c>stage</c>) matches the Stage wins, even when a later one also matches. Name and
/// labels, when both are given, must both match. No ProjectConfig means no policy.
/// </summary>
public static class PromotionPolicies
{
    public static PolicyLookup Find(ProjectConfig? config, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var policies = config?.Spec?.PromotionPolicies ?? [];
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var where = $"ProjectConfig \"{config!.Name}\" spec.promotionPolicies[{i}]";
            var name = policy.StageSelector is null ? policy.Stage : policy.StageSelector.Name;
            if (!string.IsNullOrEmpty(name))
            {
                if (!StageNamePattern.TryParse(name, out var pattern, out var error))
                {
                    return new PolicyLookup(null, $"{where}.stageSelector.name: {error}");
                }
                if (!pattern.Matches(stage.Name))
                {
                    continue;
                }
            }
            if (policy.StageSelector is { } selector && (selector.MatchLabels is not null || selector.MatchExpressions is not null))
            {
                if (Labels(selector, out var problem) is not { } labels)
                {
                    return new PolicyLookup(null, $"{where}.stageSelector: {problem}");
                }
                if (!labels.Matches(stage.Metadata.Labels ?? []))
                {
                    continue;
                }
            }
            return new PolicyLookup(policy, null);
        }
        return new PolicyLookup(null, null);
    }

    private static StoreSelector? Labels(PromotionPolicySelector selector, out string? problem)
    {
        problem = null;
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in selector.MatchLabels ?? [])
        {
            requirements.Add(new LabelRequirement(key, LabelOperator.Equals, [value]));
        }
        foreach (var expression in selector.MatchExpressions ?? [])
        {
            LabelOperator? op = expression.Operator switch
            {
                "In" => LabelOperator.In,
                "NotIn" => LabelOperator.NotIn,
                "Exists" => LabelOperator.Exists,
                "DoesNotExist" => LabelOperator.DoesNotExist,
                _ => null,
            };
            if (op is null)
            {
                problem = $"matchExpressions operator \"{expression.Operator}\" is not supported (In, NotIn, Exists, DoesNotExist)";
                return null;
            }
            requirements.Add(new LabelRequirement(expression.Key ?? "", op.Value, expression.Values ?? []));
        }
        try
        {
            return StoreSelector.Of(requirements);
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return null;
        }
    }
}

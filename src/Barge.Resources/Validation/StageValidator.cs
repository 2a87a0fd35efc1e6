using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>Stage rules: the CRD schema and Kargo's Stage webhook.</summary>
internal static class StageValidator
{
    public static void Validate(Stage stage, Problems problems)
    {
        if (!problems.Required("spec", stage.Spec))
        {
            return;
        }
        var spec = stage.Spec!;
        StepsValidator.Vars("spec.vars", spec.Vars, problems);
        var requests = spec.RequestedFreight ?? [];
        problems.MinItems("spec.requestedFreight", requests);
        var origins = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            var path = FieldPath.Item("spec.requestedFreight", i);
            var request = requests[i];
            if (problems.Required(FieldPath.Child(path, "origin"), request.Origin))
            {
                problems.OriginKind($"{path}.origin.kind", request.Origin!.Kind);
                if (problems.Required($"{path}.origin.name", request.Origin.Name))
                {
                    var key = request.Origin.ToString();
                    if (origins.TryGetValue(key, out var first))
                    {
                        problems.Add(FieldPath.Child(path, "origin"), $"duplicate origin {key}: already requested by requestedFreight[{first}]");
                    }
                    else
                    {
                        origins[key] = i;
                    }
                }
            }
            if (problems.Required(FieldPath.Child(path, "sources"), request.Sources))
            {
                Sources(FieldPath.Child(path, "sources"), request.Sources!, problems);
            }
        }
        if (spec.PromotionTemplate is { } template)
        {
            if (problems.Required("spec.promotionTemplate.spec", template.Spec))
            {
                StepsValidator.Vars("spec.promotionTemplate.spec.vars", template.Spec!.Vars, problems);
                StepsValidator.Validate("spec.promotionTemplate.spec.steps", template.Spec.Steps, StepsValidator.Place.Template, problems);
            }
        }
        if (spec.Verification is { } verification)
        {
            for (var i = 0; i < (verification.AnalysisTemplates?.Count ?? 0); i++)
            {
                problems.Required(FieldPath.Child(FieldPath.Item("spec.verification.analysisTemplates", i), "name"), verification.AnalysisTemplates![i].Name);
            }
            for (var i = 0; i < (verification.Args?.Count ?? 0); i++)
            {
                problems.Required(FieldPath.Child(FieldPath.Item("spec.verification.args", i), "name"), verification.Args![i].Name);
            }
        }
        if (spec.Targets is not null)
        {
            problems.Add("spec.targets", "not supported: Targets are a Kargo Enterprise feature that Barge does not implement");
        }
    }

    private static void Sources(string path, FreightSources sources, Problems problems)
    {
        var upstream = sources.Stages ?? [];
        if (!sources.Direct && upstream.Count == 0)
        {
            problems.Add(path, "at least one of direct or stages must be set");
        }
        for (var i = 0; i < upstream.Count; i++)
        {
            problems.Dns1123Subdomain(FieldPath.Item(FieldPath.Child(path, "stages"), i), upstream[i]);
        }
        problems.Duration(FieldPath.Child(path, "requiredSoakTime"), sources.RequiredSoakTime);
        if (!string.IsNullOrEmpty(sources.AvailabilityStrategy))
        {
            problems.Enum(FieldPath.Child(path, "availabilityStrategy"), sources.AvailabilityStrategy, "OneOf", "All");
        }
        if (sources.AutoPromotionOptions?.SelectionPolicy == AutoPromotionSelectionPolicy.MatchUpstream)
        {
            var policyPath = $"{path}.autoPromotionOptions.selectionPolicy";
            if (upstream.Count != 1)
            {
                problems.Add(policyPath, $"MatchUpstream requires exactly one upstream Stage in sources.stages, found {upstream.Count}");
            }
            if (sources.Direct)
            {
                problems.Add(policyPath, "MatchUpstream cannot be used with sources.direct: true");
            }
        }
    }
}

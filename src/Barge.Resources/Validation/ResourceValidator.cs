using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>
/// Validates one resource on its own, as Kargo's CRD schemas and admission webhooks do, and
/// returns every problem found (not only the first). Rules that need other resources (origins that
/// exist, Freight immutability, alias uniqueness, duplicates in a batch) are <see cref="BatchValidator"/>'s.
/// </summary>
public static class ResourceValidator
{
    /// <summary>Every problem of <paramref name="resource"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var problems = new Problems();
        var kind = ResourceKinds.Find(resource.Kind);
        if (kind is null || kind.ClrType != resource.GetType() || kind.ApiVersion != resource.ApiVersion)
        {
            problems.Add("kind", $"unsupported kind \"{resource.Kind}\" with apiVersion \"{resource.ApiVersion}\"");
            return problems.Items;
        }
        MetadataValidator.Validate(resource, kind, problems);
        switch (resource)
        {
            case Warehouse warehouse:
                WarehouseValidator.Validate(warehouse, problems);
                break;
            case Stage stage:
                StageValidator.Validate(stage, problems);
                break;
            case Promotion promotion:
                PromotionValidator.Validate(promotion, problems);
                break;
            case PromotionTask task:
                PromotionTaskValidator.Validate(task.Spec, problems);
                break;
            case ClusterPromotionTask task:
                PromotionTaskValidator.Validate(task.Spec, problems);
                break;
            case ProjectConfig config:
                ProjectConfigValidator.Validate(config, problems);
                break;
            case ClusterConfig config:
                ProjectConfigValidator.Validate(config, problems);
                break;
            case Freight freight:
                FreightValidator.Validate(freight, problems);
                break;
            case AnalysisTemplate template:
                AnalysisTemplateValidator.Validate(template.Spec, problems);
                break;
            case ClusterAnalysisTemplate template:
                AnalysisTemplateValidator.Validate(template.Spec, problems);
                break;
            case Secret secret:
                ConfigDataValidator.Validate(secret, problems);
                break;
            case ConfigMap configMap:
                ConfigDataValidator.Validate(configMap, problems);
                break;
        }
        return problems.Items;
    }
}

using System.Text.RegularExpressions;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>ProjectConfig and ClusterConfig rules (Kargo's projectconfig webhook and CEL rules).</summary>
internal static class ProjectConfigValidator
{
    public static void Validate(ProjectConfig config, Problems problems)
    {
        if (!string.IsNullOrEmpty(config.Metadata.Name) && !string.IsNullOrEmpty(config.Metadata.Namespace)
            && config.Metadata.Name != config.Metadata.Namespace)
        {
            problems.Add("metadata.name", $"name \"{config.Metadata.Name}\" must match project name \"{config.Metadata.Namespace}\"");
        }
        if (config.Spec is not { } spec)
        {
            return;
        }
        var policies = spec.PromotionPolicies ?? [];
        for (var i = 0; i < policies.Count; i++)
        {
            Policy(FieldPath.Item("spec.promotionPolicies", i), policies[i], problems);
        }
        Receivers("spec.webhookReceivers", spec.WebhookReceivers, problems);
        Links("spec.freightLinks", spec.FreightLinks, problems);
        Links("spec.stageLinks", spec.StageLinks, problems);
        if (spec.PromotionWindows is { Count: > 0 })
        {
            problems.Add("spec.promotionWindows", "not supported: promotion windows are a Kargo Enterprise feature that Barge does not implement");
        }
    }

    public static void Validate(ClusterConfig config, Problems problems)
    {
        if (!string.IsNullOrEmpty(config.Metadata.Name) && config.Metadata.Name != "cluster")
        {
            problems.Add("metadata.name", $"name \"{config.Metadata.Name}\" is not allowed: the ClusterConfig must be named \"cluster\"");
        }
        if (config.Spec is not { } spec)
        {
            return;
        }
        Receivers("spec.webhookReceivers", spec.WebhookReceivers, problems);
        Links("spec.freightLinks", spec.FreightLinks, problems);
        Links("spec.stageLinks", spec.StageLinks, problems);
        if (spec.PromotionWindows is { Count: > 0 })
        {
            problems.Add("spec.promotionWindows", "not supported: promotion windows are a Kargo Enterprise feature that Barge does not implement");
        }
    }

    private static void Policy(string path, PromotionPolicy policy, Problems problems)
    {
        var hasStage = !string.IsNullOrEmpty(policy.Stage);
        if (hasStage == (policy.StageSelector is not null))
        {
            problems.Add(path, hasStage ? "exactly one of stage or stageSelector must be set, not both" : "exactly one of stage or stageSelector must be set");
        }
        if (policy.StageSelector is { } selector)
        {
            var namePath = $"{path}.stageSelector.name";
            var name = selector.Name ?? "";
            foreach (var prefix in new[] { "regex:", "regexp:" })
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    problems.Regex(namePath, name[prefix.Length..]);
                }
            }
            Selector($"{path}.stageSelector", selector, problems);
        }
        if (policy.AutoRollback is not null)
        {
            problems.Add($"{path}.autoRollback", "not supported: automatic rollback is a Kargo Enterprise feature that Barge does not implement");
        }
        var origins = policy.Origins ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < origins.Count; i++)
        {
            var originPath = FieldPath.Item($"{path}.origins", i);
            problems.OriginKind(originPath + ".kind", origins[i].Kind);
            if (problems.Required(originPath + ".name", origins[i].Name) && !seen.Add(origins[i].ToString()))
            {
                problems.Add(originPath, $"duplicate origin {origins[i]}");
            }
        }
    }

    public static void Selector(string path, LabelSelector selector, Problems problems)
    {
        for (var i = 0; i < (selector.MatchExpressions?.Count ?? 0); i++)
        {
            var requirement = selector.MatchExpressions![i];
            var itemPath = FieldPath.Item(path + ".matchExpressions", i);
            problems.Required(itemPath + ".key", requirement.Key);
            if (problems.Required(itemPath + ".operator", requirement.Operator))
            {
                problems.Enum(itemPath + ".operator", requirement.Operator, "In", "NotIn", "Exists", "DoesNotExist");
                var hasValues = requirement.Values is { Count: > 0 };
                if (requirement.Operator is "In" or "NotIn" && !hasValues)
                {
                    problems.Add(itemPath + ".values", $"required: operator {requirement.Operator} needs at least one value");
                }
                if (requirement.Operator is "Exists" or "DoesNotExist" && hasValues)
                {
                    problems.Add(itemPath + ".values", $"must be empty for operator {requirement.Operator}");
                }
            }
        }
    }

    private static void Receivers(string path, List<WebhookReceiverConfig>? receivers, Problems problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (receivers?.Count ?? 0); i++)
        {
            var receiver = receivers![i];
            var itemPath = FieldPath.Item(path, i);
            if (problems.Required(itemPath + ".name", receiver.Name) && !names.Add(receiver.Name!))
            {
                problems.Add(itemPath + ".name", $"duplicate receiver name \"{receiver.Name}\"");
            }
            var providers = new object?[]
            {
                receiver.Github, receiver.Gitlab, receiver.Bitbucket, receiver.Dockerhub, receiver.Harbor,
                receiver.Quay, receiver.Artifactory, receiver.Azure, receiver.Gitea, receiver.Generic,
            }.Count(p => p is not null);
            if (providers != 1)
            {
                problems.Add(itemPath, "exactly one of github, gitlab, bitbucket, dockerhub, harbor, quay, artifactory, azure, gitea or generic must be set");
            }
            ReceiverDetails(itemPath, receiver, problems);
        }
    }

    private static void ReceiverDetails(string path, WebhookReceiverConfig receiver, Problems problems)
    {
        var secrets = new (string Provider, SecretReference? Secret, bool Present)[]
        {
            ("github", receiver.Github?.SecretRef, receiver.Github is not null),
            ("gitlab", receiver.Gitlab?.SecretRef, receiver.Gitlab is not null),
            ("bitbucket", receiver.Bitbucket?.SecretRef, receiver.Bitbucket is not null),
            ("dockerhub", receiver.Dockerhub?.SecretRef, receiver.Dockerhub is not null),
            ("harbor", receiver.Harbor?.SecretRef, receiver.Harbor is not null),
            ("quay", receiver.Quay?.SecretRef, receiver.Quay is not null),
            ("artifactory", receiver.Artifactory?.SecretRef, receiver.Artifactory is not null),
            ("azure", receiver.Azure?.SecretRef, receiver.Azure is not null),
            ("gitea", receiver.Gitea?.SecretRef, receiver.Gitea is not null),
            ("generic", receiver.Generic?.SecretRef, receiver.Generic is not null),
        };
        foreach (var (provider, secret, present) in secrets)
        {
            if (present)
            {
                problems.Required($"{path}.{provider}.secretRef.name", secret?.Name);
            }
        }
        var actions = receiver.Generic?.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            var actionPath = FieldPath.Item($"{path}.generic.actions", i);
            if (problems.Required(actionPath + ".action", actions[i].Action))
            {
                problems.Enum(actionPath + ".action", actions[i].Action, "Refresh");
            }
            var criteria = actions[i].TargetSelectionCriteria ?? [];
            for (var j = 0; j < criteria.Count; j++)
            {
                var criteriaPath = FieldPath.Item(actionPath + ".targetSelectionCriteria", j);
                if (problems.Required(criteriaPath + ".kind", criteria[j].Kind))
                {
                    problems.Enum(criteriaPath + ".kind", criteria[j].Kind, "Warehouse");
                }
                if (criteria[j].LabelSelector is { } selector)
                {
                    Selector(criteriaPath + ".labelSelector", selector, problems);
                }
            }
        }
    }

    private static void Links(string path, List<Link>? links, Problems problems)
    {
        for (var i = 0; i < (links?.Count ?? 0); i++)
        {
            problems.Required(FieldPath.Item(path, i) + ".url", links![i].Url);
        }
    }
}

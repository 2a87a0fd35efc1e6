using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Status conditions as Kubernetes' <c>meta.SetStatusCondition</c>: keyed by type, and the transition
/// time moves only when the status changes. Lists are copied, never changed in place.
/// </summary>
internal static class StageConditions
{
    public const string Promoting = "Promoting";
    public const string Healthy = "Healthy";
    public const string Verified = "Verified";

    public static List<Condition> Set(List<Condition>? conditions, string type, string status, string reason, string? message, long generation, DateTimeOffset now)
    {
        var list = new List<Condition>(conditions ?? []);
        var index = list.FindIndex(c => c.Type == type);
        var existing = index >= 0 ? list[index] : null;
        var condition = new Condition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = string.IsNullOrEmpty(message) ? null : message,
            ObservedGeneration = generation,
            LastTransitionTime = existing is not null && existing.Status == status ? existing.LastTransitionTime ?? now : now,
        };
        if (index >= 0)
        {
            list[index] = condition;
        }
        else
        {
            list.Add(condition);
        }
        return list;
    }

    public static List<Condition>? Delete(List<Condition>? conditions, string type)
    {
        if (conditions is null || !conditions.Exists(c => c.Type == type))
        {
            return conditions;
        }
        var list = conditions.Where(c => c.Type != type).ToList();
        return list.Count == 0 ? null : list;
    }

    public static Condition? Get(IEnumerable<Condition>? conditions, string type) => conditions?.FirstOrDefault(c => c.Type == type);
}

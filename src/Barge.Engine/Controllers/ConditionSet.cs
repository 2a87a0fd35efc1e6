using Barge.Resources.Model;

namespace Barge.Engine.Controllers;

/// <summary>
/// Kubernetes-style condition bookkeeping (<c>meta.SetStatusCondition</c>): conditions keyed by type,
/// the transition time kept while the status value stays the same.
/// </summary>
internal sealed class ConditionSet(IEnumerable<Condition>? existing)
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    private readonly List<Condition> _conditions = [.. existing ?? []];

    public void Set(string type, string status, string reason, string message, long generation, DateTimeOffset now)
    {
        var index = _conditions.FindIndex(c => c.Type == type);
        var previous = index >= 0 ? _conditions[index] : null;
        var condition = new Condition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = previous is not null && previous.Status == status ? previous.LastTransitionTime : now,
        };
        if (index >= 0)
        {
            _conditions[index] = condition;
        }
        else
        {
            _conditions.Add(condition);
        }
    }

    public void Remove(string type) => _conditions.RemoveAll(c => c.Type == type);

    public List<Condition> ToList() => [.. _conditions];
}

using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>A task reference resolved to its kind and name (a PromotionTask of the project or a ClusterPromotionTask).</summary>
internal readonly record struct PromotionTaskKey(PromotionTaskKind Kind, string Name)
{
    public override string ToString() => $"{Kind} \"{Name}\"";
}

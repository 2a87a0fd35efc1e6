using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>The kinds a step's <c>task</c> can refer to.</summary>
[JsonConverter(typeof(KargoEnumConverter<PromotionTaskKind>))]
public enum PromotionTaskKind
{
    /// <summary>A PromotionTask in the same project.</summary>
    PromotionTask,

    /// <summary>A cluster-wide ClusterPromotionTask.</summary>
    ClusterPromotionTask,
}

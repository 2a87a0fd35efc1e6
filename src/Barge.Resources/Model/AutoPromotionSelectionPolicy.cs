using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Auto-promotion selection policies.</summary>
[JsonConverter(typeof(KargoEnumConverter<AutoPromotionSelectionPolicy>))]
public enum AutoPromotionSelectionPolicy
{
    /// <summary>The newest available Freight.</summary>
    NewestFreight,

    /// <summary>The Freight currently in the single upstream Stage.</summary>
    MatchUpstream,
}

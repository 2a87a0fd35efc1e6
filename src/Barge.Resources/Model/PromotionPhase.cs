using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Promotion phases; Succeeded, Failed, Errored and Aborted are terminal.</summary>
[JsonConverter(typeof(KargoEnumConverter<PromotionPhase>))]
public enum PromotionPhase
{
    /// <summary>Waiting to run.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Succeeded.</summary>
    Succeeded,

    /// <summary>A step failed.</summary>
    Failed,

    /// <summary>A step errored.</summary>
    Errored,

    /// <summary>Aborted.</summary>
    Aborted,
}

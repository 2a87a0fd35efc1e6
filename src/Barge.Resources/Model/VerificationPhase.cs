using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Verification phases; all but Pending and Running are terminal.</summary>
[JsonConverter(typeof(KargoEnumConverter<VerificationPhase>))]
public enum VerificationPhase
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>In progress.</summary>
    Running,

    /// <summary>Succeeded.</summary>
    Successful,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>Errored.</summary>
    Error,

    /// <summary>Aborted.</summary>
    Aborted,

    /// <summary>Inconclusive.</summary>
    Inconclusive,
}

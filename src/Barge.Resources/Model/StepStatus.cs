using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Step statuses.</summary>
[JsonConverter(typeof(KargoEnumConverter<StepStatus>))]
public enum StepStatus
{
    /// <summary>Running.</summary>
    Running,

    /// <summary>Succeeded.</summary>
    Succeeded,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>Errored.</summary>
    Errored,

    /// <summary>Aborted.</summary>
    Aborted,

    /// <summary>Skipped.</summary>
    Skipped,
}

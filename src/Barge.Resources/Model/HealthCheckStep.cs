using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>A health check a step registered.</summary>
public sealed record HealthCheckStep
{
    /// <summary>The health check kind.</summary>
    public string? Uses { get; init; }

    /// <summary>Its configuration.</summary>
    public JsonNode? Config { get; init; }
}

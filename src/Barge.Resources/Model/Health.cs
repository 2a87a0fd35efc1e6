using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>A Stage's health.</summary>
public sealed record Health
{
    /// <summary>Healthy, NotApplicable, Progressing, Unknown or Unhealthy.</summary>
    public string? Status { get; init; }

    /// <summary>Problems found.</summary>
    public List<string>? Issues { get; init; }

    /// <summary>The health checks' configuration.</summary>
    public JsonNode? Config { get; init; }

    /// <summary>The health checks' output.</summary>
    public JsonNode? Output { get; init; }
}

using System.Text.Json.Nodes;

namespace Barge.Engine.Pipeline;

/// <summary>One health check's answer.</summary>
/// <param name="Status">A <see cref="HealthStates"/> value.</param>
/// <param name="Issues">Problems found.</param>
/// <param name="Output">What the check wants shown (merged into <c>health.output</c>).</param>
internal sealed record HealthCheckResult(string Status, IReadOnlyList<string> Issues, JsonNode? Output);

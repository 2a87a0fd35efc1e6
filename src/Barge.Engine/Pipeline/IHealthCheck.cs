using System.Text.Json.Nodes;

namespace Barge.Engine.Pipeline;

/// <summary>
/// A kind of Stage health check that promotion steps register (<c>status.healthChecks[].uses</c>), such as
/// Argo CD application health. Implementations are <c>internal sealed</c> and listed explicitly when the
/// <see cref="StageHealth"/> is built; none is built in yet, so Stages whose Promotions register checks of
/// an unknown kind report Unknown with an issue naming the kind.
/// </summary>
internal interface IHealthCheck
{
    /// <summary>The <c>uses</c> value it answers to.</summary>
    string Kind { get; }

    /// <summary>Checks the Stage with the configuration the step registered.</summary>
    Task<HealthCheckResult> CheckAsync(string project, string stage, JsonNode? config, CancellationToken cancellationToken);
}

using Barge.Expressions;
using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>What <c>artifactFrom</c> returns: a generic artifact (<c>.ArtifactType</c>, <c>.Version</c>, <c>.Metadata</c>, …).</summary>
internal sealed record ExprArtifact(string ArtifactType, string SubscriptionName, string Version, object? Metadata)
{
    public static ExprArtifact From(ArtifactReference artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return new(artifact.ArtifactType ?? "", artifact.SubscriptionName ?? "", artifact.Version ?? "", ExprJson.FromNode(artifact.Metadata));
    }
}

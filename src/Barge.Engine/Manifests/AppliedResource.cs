using Barge.Storage;

namespace Barge.Engine.Manifests;

/// <summary>One document's result: which resource, what happened, and its state after the apply.</summary>
/// <param name="Key">Kind, project and name (for Freight, the computed Freight ID).</param>
/// <param name="ApiVersion">The resource's apiVersion.</param>
/// <param name="Outcome">Created, configured or unchanged.</param>
/// <param name="Resource">The stored resource after the apply.</param>
public sealed record AppliedResource(ResourceKey Key, string ApiVersion, ApplyOutcome Outcome, StoredResource Resource)
{
    /// <summary>Kargo's CLI line: <c>stage.kargo.akuity.io/dev created</c>.</summary>
    public override string ToString()
    {
        var slash = ApiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : "." + ApiVersion[..slash];
        return $"{Key.Kind.ToLowerInvariant()}{group}/{Key.Name} {Outcome.ToString().ToLowerInvariant()}";
    }
}

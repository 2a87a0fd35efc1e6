namespace Barge.Server.Api;

/// <summary>What happened to one document of <c>/v1beta1/resources</c>; names Kargo's result keys.</summary>
public enum DocumentOutcome
{
    Created,
    Updated,

    /// <summary>An update that found the resource exactly as described: Kargo's <c>updatedResourceManifest</c>, plus Barge's <c>"unchanged": true</c>.</summary>
    Unchanged,
    Deleted,
}

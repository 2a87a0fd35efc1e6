namespace Barge.Engine.Manifests;

/// <summary>What applying one document did, in kubectl's words.</summary>
public enum ApplyOutcome
{
    /// <summary>The resource did not exist and was created.</summary>
    Created,

    /// <summary>The resource existed and its spec, labels or annotations changed.</summary>
    Configured,

    /// <summary>The resource existed exactly as the document describes it; nothing was written.</summary>
    Unchanged,
}

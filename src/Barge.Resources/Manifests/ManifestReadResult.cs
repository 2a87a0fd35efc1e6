namespace Barge.Resources.Manifests;

/// <summary>What a read produced: the documents that are good, and every error found.</summary>
/// <param name="Documents">Documents that parsed, bound and validated, in source order.</param>
/// <param name="Errors">Every problem, each positioned; empty when the read succeeded.</param>
public sealed record ManifestReadResult(IReadOnlyList<ManifestDocument> Documents, IReadOnlyList<ManifestError> Errors)
{
    /// <summary>True when there are no errors.</summary>
    public bool Succeeded => Errors.Count == 0;
}

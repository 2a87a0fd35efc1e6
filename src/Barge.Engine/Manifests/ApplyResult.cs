using Barge.Resources.Manifests;

namespace Barge.Engine.Manifests;

/// <summary>
/// The outcome of an apply: every document applied, or nothing stored and the reasons. Manifest
/// problems are bad input (every one is listed); a store failure (a concurrent writer won a
/// compare-and-swap) is an operation that failed and may be retried.
/// </summary>
public sealed record ApplyResult
{
    private ApplyResult(IReadOnlyList<AppliedResource> applied, IReadOnlyList<ManifestError> errors, string? storeFailure)
    {
        Applied = applied;
        Errors = errors;
        StoreFailure = storeFailure;
    }

    /// <summary>Per document, in Kargo's processing order (Projects first, then input order).</summary>
    public IReadOnlyList<AppliedResource> Applied { get; }

    /// <summary>Every problem with the documents; nothing was stored when there is one.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    /// <summary>Why the store refused the batch (nothing was stored); null otherwise.</summary>
    public string? StoreFailure { get; }

    public bool Succeeded => Errors.Count == 0 && StoreFailure is null;

    public static ApplyResult Success(IReadOnlyList<AppliedResource> applied) => new(applied, [], null);

    public static ApplyResult Invalid(IReadOnlyList<ManifestError> errors) => new([], errors, null);

    public static ApplyResult Refused(string reason) => new([], [], reason);
}

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// How <c>git-push</c> brings in commits that reached the remote branch first (kargo-steps.md §2.6).
/// Kargo's controller reads it from <c>GIT_PUSH_INTEGRATION_POLICY</c>; its default at the reference
/// commit is <see cref="AlwaysRebase"/>.
/// </summary>
internal enum GitPushIntegrationPolicy
{
    /// <summary>Push as is (used for tags and force pushes).</summary>
    None,

    /// <summary><c>git pull --rebase</c> before every push attempt.</summary>
    AlwaysRebase,

    /// <summary><c>git pull --no-rebase</c> (a merge commit) before every push attempt.</summary>
    AlwaysMerge,

    /// <summary>Rebase when it cannot lose a trusted signature, else merge.</summary>
    RebaseOrMerge,

    /// <summary>Rebase when it cannot lose a trusted signature, else fail.</summary>
    RebaseOrFail,
}

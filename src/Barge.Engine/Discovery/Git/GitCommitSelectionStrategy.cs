namespace Barge.Engine.Discovery.Git;

/// <summary>Kargo's <c>commitSelectionStrategy</c> values.</summary>
internal enum GitCommitSelectionStrategy
{
    /// <summary>The newest commits of a branch (the default).</summary>
    NewestFromBranch,

    /// <summary>Tags that are semantic versions, highest first, optionally constrained.</summary>
    SemVer,

    /// <summary>Tags in reverse lexical order.</summary>
    Lexical,

    /// <summary>Tags by creator date, newest first.</summary>
    NewestTag,
}

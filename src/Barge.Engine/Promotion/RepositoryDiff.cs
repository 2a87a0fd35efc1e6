namespace Barge.Engine.Promotion;

/// <summary>What a dry run would have changed in one repository checkout: the unified diff from the commit it checked out.</summary>
public sealed record RepositoryDiff(string RepoURL, string Path, string BaseCommit, string Diff);

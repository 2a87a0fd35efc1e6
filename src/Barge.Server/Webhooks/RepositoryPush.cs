namespace Barge.Server.Webhooks;

/// <summary>
/// What a provider extracted from a push: the candidate repository URLs (normalised), the qualifiers
/// (a git ref, image tags or chart versions; empty = any) and, for git, the changed paths (null = unknown).
/// </summary>
internal sealed record RepositoryPush(IReadOnlyList<RepositoryUrl> Urls, IReadOnlyList<string> Qualifiers, IReadOnlyList<string>? ChangedPaths = null);

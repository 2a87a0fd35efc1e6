using Barge.Engine.Promotion;

namespace Barge.Server.Api;

/// <summary>
/// What a dry run of a promotion did: the name the Promotion would have had, each step's status change in
/// the order they happened (side-effect steps Skipped), how it ended, and each repository's diff.
/// </summary>
public sealed record PromotionDryRun(
    string Promotion,
    string Phase,
    string? Message,
    IReadOnlyList<DryRunStep> Steps,
    IReadOnlyList<RepositoryDiff> Diffs);

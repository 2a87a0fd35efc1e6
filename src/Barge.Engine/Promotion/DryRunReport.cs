namespace Barge.Engine.Promotion;

/// <summary>
/// The result of a dry run: the Promotion that would be created, how its steps ended (side-effect
/// steps Skipped) and each repository's diff; or, when no Promotion could be built, the reasons.
/// </summary>
public sealed record DryRunReport(
    Barge.Resources.Model.Promotion? Promotion,
    PromotionRunOutcome? Outcome,
    IReadOnlyList<RepositoryDiff> Diffs,
    IReadOnlyList<string> Errors);

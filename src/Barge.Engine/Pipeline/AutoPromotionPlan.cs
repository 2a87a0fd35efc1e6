namespace Barge.Engine.Pipeline;

/// <summary>What auto-promotion wants done for a Stage in this pass.</summary>
/// <param name="Enabled">Whether auto-promotion is on for the Stage (mirrored in <c>status.autoPromotionEnabled</c>).</param>
/// <param name="Create">The Promotions to create, in requested-origin order.</param>
/// <param name="Decisions">One decision per requested origin (empty when auto-promotion is off).</param>
public sealed record AutoPromotionPlan(bool Enabled, IReadOnlyList<PromotionToCreate> Create, IReadOnlyList<AutoPromotionDecision> Decisions);

namespace Barge.Engine.Pipeline;

/// <summary>The auto-promotion decision for one requested origin, with a sentence saying why.</summary>
/// <param name="Origin">The origin key, <c>"Warehouse/&lt;name&gt;"</c>.</param>
/// <param name="Candidate">The candidate Freight's name, when there is one.</param>
/// <param name="Outcome">What was decided.</param>
/// <param name="Message">Why, naming the Stage, the Freight and the Promotion involved.</param>
public sealed record AutoPromotionDecision(string Origin, string? Candidate, AutoPromotionOutcome Outcome, string Message);

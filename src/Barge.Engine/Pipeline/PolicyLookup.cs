using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>The promotion policy that applies to a Stage, or why none could be chosen.</summary>
/// <param name="Policy">The first policy whose selector matches; null when none does.</param>
/// <param name="Error">A policy that could not be evaluated (bad pattern or selector), naming it; null otherwise.</param>
public sealed record PolicyLookup(PromotionPolicy? Policy, string? Error)
{
    /// <summary>Whether auto-promotion is on for the Stage at all (Kargo's <c>IsAutoPromotionEnabled</c>).</summary>
    public bool AutoPromotionEnabled => Error is null && Policy is { AutoPromotionEnabled: true };

    /// <summary>
    /// Whether Freight from <paramref name="origin"/> is auto-promoted: auto-promotion is on and the
    /// policy lists no <c>origins</c> (the Barge extension) or lists this one.
    /// </summary>
    public bool AutoPromotes(FreightOrigin? origin) =>
        AutoPromotionEnabled && (Policy!.Origins is not { Count: > 0 } origins || origins.Any(o => OriginKeys.Same(o, origin)));
}

using System.Collections.Frozen;

namespace Barge.Engine.Promotion;

/// <summary>Collects steps by explicit registration; a kind registered twice is a programming error.</summary>
internal sealed class PromotionStepRegistryBuilder
{
    private readonly Dictionary<string, IPromotionStep> steps = new(StringComparer.Ordinal);

    public PromotionStepRegistryBuilder Add(IPromotionStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(step.Kind, nameof(step));
        if (!steps.TryAdd(step.Kind, step))
        {
            throw new InvalidOperationException(
                $"promotion step kind \"{step.Kind}\" is registered twice ({steps[step.Kind].GetType().Name} and {step.GetType().Name})");
        }
        return this;
    }

    public PromotionStepRegistry Build() => new(steps.ToFrozenDictionary(StringComparer.Ordinal));
}

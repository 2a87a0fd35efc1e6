using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Barge.Engine.Promotion;

/// <summary>The registered promotion steps, looked up by kind. Built once by <see cref="PromotionStepRegistryBuilder"/>.</summary>
internal sealed class PromotionStepRegistry
{
    private readonly FrozenDictionary<string, IPromotionStep> steps;

    internal PromotionStepRegistry(FrozenDictionary<string, IPromotionStep> steps) => this.steps = steps;

    /// <summary>Every registered kind, sorted.</summary>
    public IReadOnlyList<string> Kinds => [.. steps.Keys.Order(StringComparer.Ordinal)];

    public bool TryGet(string kind, [NotNullWhen(true)] out IPromotionStep? step) => steps.TryGetValue(kind, out step);

    /// <summary>A registry holding every built-in step.</summary>
    public static PromotionStepRegistry CreateBuiltin() => new PromotionStepRegistryBuilder().AddBuiltinSteps().Build();
}

namespace Barge.Engine.Promotion;

/// <summary>The Promotion built for a request, or every reason it could not be.</summary>
public sealed record PromotionCreation(Barge.Resources.Model.Promotion? Promotion, IReadOnlyList<string> Errors)
{
    /// <summary>The target Freight's alias, when it has one.</summary>
    public string? FreightAlias { get; init; }

    public bool Succeeded => Promotion is not null && Errors.Count == 0;
}

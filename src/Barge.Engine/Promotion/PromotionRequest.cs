namespace Barge.Engine.Promotion;

/// <summary>
/// A request to promote Freight into a Stage: exactly one of <see cref="Freight"/> (name),
/// <see cref="FreightAlias"/> or <see cref="Warehouse"/> (the newest Freight of that origin available
/// to the Stage). <see cref="Actor"/> is written to <c>kargo.akuity.io/create-actor</c> when not empty
/// (<c>kubernetes:&lt;user&gt;</c>, <c>email:&lt;e&gt;</c>, <c>admin</c>…).
/// </summary>
public sealed record PromotionRequest(string Project, string Stage)
{
    public string? Freight { get; init; }

    public string? FreightAlias { get; init; }

    public string? Warehouse { get; init; }

    public string Actor { get; init; } = "";
}

namespace Barge.Engine.Promotion;

/// <summary>One Freight of a Promotion's Freight collection, with the artifacts steps read.</summary>
internal sealed record PromotedFreight(
    string Name,
    FreightOrigin Origin,
    IReadOnlyList<FreightImage> Images,
    IReadOnlyList<FreightCommit> Commits);

namespace Barge.Engine.Promotion;

/// <summary>The part of a Warehouse that steps read: the image repositories it subscribes to, in order.</summary>
internal sealed record WarehouseSubscriptions(string Name, IReadOnlyList<string> ImageRepoURLs);

using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>A Stage's <c>freightHistory</c>: collections newest first, at most 10, and its one-line summary.</summary>
public static class FreightHistory
{
    /// <summary>How many collections a Stage keeps.</summary>
    public const int MaxSize = 10;

    /// <summary>The Stage's current collection (the newest), or null.</summary>
    public static FreightCollection? Current(StageStatus? status) => status?.FreightHistory is [var newest, ..] ? newest : null;

    /// <summary>Kargo's <c>FreightHistory.Record</c>: the collection goes on top; the oldest beyond 10 fall off.</summary>
    public static List<FreightCollection> Record(List<FreightCollection>? history, FreightCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var list = new List<FreightCollection>(MaxSize) { collection };
        list.AddRange((history ?? []).Take(MaxSize - 1));
        return list;
    }

    /// <summary>
    /// Kargo's <c>buildFreightSummary</c>: <c>0/N Fulfilled</c> without a current collection; the Freight's
    /// name when one origin is requested and present; otherwise <c>"&lt;have&gt;/&lt;requested&gt; Fulfilled"</c>.
    /// </summary>
    public static string Summary(int requested, FreightCollection? current)
    {
        var items = current?.Items;
        if (current is null)
        {
            return $"0/{requested} Fulfilled";
        }
        if (requested == 1 && items is { Count: 1 })
        {
            return items.Values.First().Name ?? "";
        }
        return $"{items?.Count ?? 0}/{requested} Fulfilled";
    }
}
